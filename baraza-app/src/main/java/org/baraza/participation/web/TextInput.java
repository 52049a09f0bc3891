package org.baraza.participation.web;

/**
 * Checks text typed into a form before anything is stored: present when required, not too long, and
 * readable (no NUL or other control characters, no U+FFFD left by bytes that were not valid UTF-8).
 * Text is stored as typed, stripped of surrounding blanks: it is escaped when shown, never filtered.
 */
public final class TextInput {

    private TextInput() {
    }

    /**
     * @param keyPrefix the area's message prefix, e.g. {@code processes.error}: keys {@code .required},
     *                  {@code .tooLong} (argument: the maximum) and {@code .unreadable} follow it
     * @return the stripped text, or null if it is empty or was rejected
     */
    public static String check(FormErrors errors, String field, String value, int maxLength, boolean required,
                               boolean multiline, String keyPrefix) {
        String text = value == null ? "" : value.strip();
        if (multiline) {
            text = text.replace("\r\n", "\n");
        }
        if (text.isEmpty()) {
            if (required) {
                errors.reject(field, keyPrefix + ".required");
            }
            return null;
        }
        if (text.length() > maxLength) {
            errors.reject(field, keyPrefix + ".tooLong", maxLength);
            return null;
        }
        if (!readable(text, multiline)) {
            errors.reject(field, keyPrefix + ".unreadable");
            return null;
        }
        return text;
    }

    static boolean readable(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == '\u0000' || (c < 0x20 && c != '\t' && !(multiline && (c == '\n' || c == '\r')))
                || (c >= 0x7f && c < 0xa0)) {
                return false;
            }
        }
        return true;
    }
}
