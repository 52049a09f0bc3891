package org.baraza.platform.verification;

/**
 * One thing wrong with a census file, by line. It names the column and the kind of problem, never the
 * cell's content: the content is personal data, and echoing a formula back could run it in a spreadsheet.
 *
 * @param line the file's line (1 is the header), or 0 for the file as a whole
 * @param column the column's canonical name ({@code document_number}, {@code birth_date}, {@code district}), or null
 * @param detail a number the message needs: a count, a limit, or the line a duplicate first appeared on
 */
record CensusProblem(long line, Kind kind, String column, long detail) {

    enum Kind {
        FILE_EMPTY,
        NOT_UTF8_UTF16,
        NOT_UTF8,
        LINE_TOO_LONG,
        MISSING_COLUMN,
        UNKNOWN_COLUMN,
        REPEATED_COLUMN,
        WRONG_COLUMN_COUNT,
        UNCLOSED_QUOTE,
        FORMULA,
        EMPTY_VALUE,
        DOCUMENT_TOO_LONG,
        DOCUMENT_CHARACTERS,
        BAD_DATE,
        UNKNOWN_DISTRICT,
        DUPLICATE_DOCUMENT,
        NO_ROWS,
        TOO_MANY_ROWS,
        FILE_TOO_LARGE,
        NO_FILE,
        UNREADABLE_UPLOAD
    }

    static CensusProblem atLine(long line, Kind kind) {
        return new CensusProblem(line, kind, null, 0);
    }

    static CensusProblem inColumn(long line, Kind kind, String column) {
        return new CensusProblem(line, kind, column, 0);
    }

    String messageKey() {
        return "census.problem." + kind.name();
    }
}
