package org.baraza.budgeting.editions;

import java.math.BigDecimal;

/**
 * Checks of what people type into budgeting forms, before anything is stored. Text is kept as typed
 * (stripped of surrounding blanks) and escaped when shown, never filtered: a {@code <script>} in a title is
 * shown as those characters. Amounts are money in the municipality's currency with at most two decimals.
 */
public final class FormInput {

    /** The schema's numeric(16,2): below 10^14 with cents. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000000");

    private FormInput() {
    }

    /** @return the stripped text, or null if empty or refused (the reason is in {@code errors}) */
    public static String text(FieldErrors errors, String field, String value, int maxLength, boolean required,
                              boolean multiline) {
        String text = value == null ? "" : value.strip();
        if (multiline) {
            text = text.replace("\r\n", "\n");
        }
        if (text.isEmpty()) {
            if (required) {
                errors.reject(field, "budgets.error.required");
            }
            return null;
        }
        if (text.length() > maxLength) {
            errors.reject(field, "budgets.error.tooLong", maxLength);
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && !(multiline && c == '\n')) || (c >= 0x7f && c < 0xa0)) {
                errors.reject(field, "budgets.error.unreadable");
                return null;
            }
        }
        return text;
    }

    /**
     * An amount of money: digits with an optional point and at most two decimals (a comma as the decimal
     * mark is accepted, spaces and underscores between thousands are not), more than zero, below 10^14.
     *
     * @return the amount, or null if empty or refused
     */
    public static BigDecimal amount(FieldErrors errors, String field, String value, boolean required) {
        String text = value == null ? "" : value.strip().replace(',', '.');
        if (text.isEmpty()) {
            if (required) {
                errors.reject(field, "budgets.error.required");
            }
            return null;
        }
        if (!text.matches("[0-9]{1,20}(\\.[0-9]*)?")) {
            errors.reject(field, text.startsWith("-") ? "budgets.error.amountNotPositive" : "budgets.error.amountNotANumber");
            return null;
        }
        BigDecimal amount = new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
        amount = amount.stripTrailingZeros();
        if (amount.scale() > 2) {
            errors.reject(field, "budgets.error.amountCents");
            return null;
        }
        if (amount.signum() <= 0) {
            errors.reject(field, "budgets.error.amountNotPositive");
            return null;
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            errors.reject(field, "budgets.error.amountTooLarge");
            return null;
        }
        return amount.setScale(2);
    }

    /** A whole number between {@code min} and {@code max}; null if empty (then required decides) or refused. */
    public static Integer whole(FieldErrors errors, String field, String value, int min, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.reject(field, "budgets.error.required");
            }
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notWhole) {
            // reported below
        }
        errors.reject(field, "budgets.error.wholeBetween", min, max);
        return null;
    }

    /** An id in a path or form: anything but a positive number is no id (null). */
    public static Long id(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
