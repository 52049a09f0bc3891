package org.baraza.platform.verification;

import java.text.Normalizer;
import java.util.Locale;

/**
 * An identity document number as a person types it or a census file spells it: case, spaces, dashes,
 * dots and slashes don't matter, so "ab 123-456" and "AB123456" are the same document. It never leaves
 * this package except as a salted hash, and {@link #toString()} hides it so it cannot reach a log.
 */
final class DocumentNumber {

    static final int MAX_LENGTH = 40;
    /** Longer raw text is refused before it is normalised (room for separators around 40 characters). */
    private static final int MAX_RAW_LENGTH = 100;

    enum Problem { EMPTY, TOO_LONG, NOT_LETTERS_AND_DIGITS }

    /** Either a document number or the problem with the text. */
    record Parsed(DocumentNumber number, Problem problem) {
    }

    private final String normalised;

    private DocumentNumber(String normalised) {
        this.normalised = normalised;
    }

    static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(null, Problem.EMPTY);
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            return new Parsed(null, Problem.TOO_LONG);
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '.' || c == '/') {
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                return new Parsed(null, Problem.NOT_LETTERS_AND_DIGITS);
            }
            out.appendCodePoint(c);
        }
        if (out.isEmpty()) {
            return new Parsed(null, Problem.EMPTY);
        }
        if (out.codePointCount(0, out.length()) > MAX_LENGTH) {
            return new Parsed(null, Problem.TOO_LONG);
        }
        return new Parsed(new DocumentNumber(out.toString()), null);
    }

    String normalised() {
        return normalised;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentNumber that && normalised.equals(that.normalised);
    }

    @Override
    public int hashCode() {
        return normalised.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentNumber[hidden]";
    }
}
