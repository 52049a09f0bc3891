package org.baraza.participation.proposals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Latitude and longitude as people type them: with a decimal point or a decimal comma (as French,
 * Spanish and Portuguese write them), in any script's digits (Arabic-Indic digits too), with a minus sign.
 */
final class Coordinates {

    private Coordinates() {
    }

    /** @return the degrees, or null if the text is not a plain decimal number */
    static Double parse(String text) {
        if (text == null || text.isBlank() || text.length() > 30) {
            return null;
        }
        StringBuilder ascii = new StringBuilder();
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int digit = Character.digit(c, 10);
            if (digit >= 0) {
                ascii.append((char) ('0' + digit));
            } else if (c == '.' || c == ',' || c == '\u066B') {
                ascii.append('.');
            } else if ((c == '-' || c == '\u2212') && i == 0) {
                ascii.append('-');
            } else if (c == '+' && i == 0) {
                continue;
            } else {
                return null;
            }
        }
        try {
            double value = new BigDecimal(ascii.toString()).doubleValue();
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Six decimals: about ten centimetres, more than any phone's GPS can tell. */
    static String format(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
