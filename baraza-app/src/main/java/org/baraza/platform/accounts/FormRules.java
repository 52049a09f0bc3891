package org.baraza.platform.accounts;

/**
 * What the account forms accept. Names are letters (any script) with the few marks names use, so
 * markup, SQL fragments and control characters are refused with a message rather than stored.
 * U+FFFD is refused everywhere: it is what a broken encoding decodes to.
 */
final class FormRules {

    /** 2 or more letters, digits, spaces and . _ - ' ’, starting with a letter or digit; the length is checked apart. */
    static final String DISPLAY_NAME = "^$|^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} ._'’-]+$";
    static final int DISPLAY_NAME_MAX = 40;
    /** Optional; letters, spaces and . , - ' ’. */
    static final String LEGAL_NAME = "^$|^[\\p{L}][\\p{L}\\p{M} .,'’-]*$";
    static final int LEGAL_NAME_MAX = 200;
    /** Any characters but control characters and U+FFFD. */
    static final String PASSWORD = "^[^\\p{Cc}\\x{FFFD}]*$";
    /** A login is parsed by {@link Login}; this only keeps control characters and broken encodings out of the form. */
    static final String PRINTABLE = "^[^\\p{Cc}\\x{FFFD}]*$";
    static final int FIELD_MAX = 254;

    private FormRules() {
    }

    /** Trims and collapses runs of spaces, so "  Ana   Maria " and "Ana Maria" are one name. */
    static String tidy(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }
}
