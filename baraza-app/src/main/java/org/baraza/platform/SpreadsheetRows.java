package org.baraza.platform;

/**
 * Rows of a CSV file (RFC 4180, CRLF) that people open in a spreadsheet: a text cell starting with =, +, -, @,
 * a tab or a carriage return gets a leading apostrophe, so a title a resident typed is never run as a formula;
 * numbers are written as they are. Every CSV download of results and registers writes through here.
 */
public final class SpreadsheetRows {

    private SpreadsheetRows() {
    }

    /** Appends one row of {@code cells}, comma-separated and ended by CRLF. */
    public static void append(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** One cell, quoted when it holds a comma, a quote or a line break. */
    public static String cell(Object value) {
        String text = String.valueOf(value);
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
