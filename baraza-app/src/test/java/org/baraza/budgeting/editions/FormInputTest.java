package org.baraza.budgeting.editions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormInputTest {

    private static BigDecimal amount(String typed, FieldErrors errors) {
        return FormInput.amount(errors, "cost", typed, true);
    }

    @Test
    void amountsWithAtMostTwoDecimalsAreReadExactly() {
        FieldErrors errors = new FieldErrors();
        assertThat(amount("45000", errors)).isEqualByComparingTo("45000.00");
        assertThat(amount(" 45000.5 ", errors)).isEqualTo(new BigDecimal("45000.50"));
        assertThat(amount("12,75", errors)).isEqualTo(new BigDecimal("12.75"));
        assertThat(amount("10.100", errors)).isEqualTo(new BigDecimal("10.10"));
        assertThat(amount("99999999999999.99", errors)).isEqualTo(new BigDecimal("99999999999999.99"));
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void zeroNegativeWordsThirdDecimalsAndAbsurdAmountsAreRefusedWithTheirReason() {
        assertRefused("0", "budgets.error.amountNotPositive");
        assertRefused("0.00", "budgets.error.amountNotPositive");
        assertRefused("-5", "budgets.error.amountNotPositive");
        assertRefused("ten", "budgets.error.amountNotANumber");
        assertRefused("1e5", "budgets.error.amountNotANumber");
        assertRefused("1 000", "budgets.error.amountNotANumber");
        assertRefused("NaN", "budgets.error.amountNotANumber");
        assertRefused("1.234", "budgets.error.amountCents");
        assertRefused("100000000000000", "budgets.error.amountTooLarge");
        assertRefused("9".repeat(21), "budgets.error.amountNotANumber");
        assertRefused("", "budgets.error.required");
    }

    private static void assertRefused(String typed, String key) {
        FieldErrors errors = new FieldErrors();
        assertThat(amount(typed, errors)).as(typed).isNull();
        assertThat(errors.has("cost")).as(typed).isTrue();
        assertThat(errors.toString()).isEqualTo("[cost]");
        assertThat(errors).extracting(e -> e.translated(new org.springframework.context.support.StaticMessageSource() {
            {
                setUseCodeAsDefaultMessage(true);
            }
        }).get("cost")).as(typed).isEqualTo(key);
    }

    @Test
    void textIsStrippedLimitedAndMustBeReadable() {
        FieldErrors errors = new FieldErrors();
        assertThat(FormInput.text(errors, "title", "  Trees  ", 10, true, false)).isEqualTo("Trees");
        assertThat(FormInput.text(errors, "body", "a\r\nb", 10, true, true)).isEqualTo("a\nb");
        assertThat(errors.isEmpty()).isTrue();
        assertThat(FormInput.text(errors, "long", "x".repeat(11), 10, true, false)).isNull();
        assertThat(FormInput.text(errors, "nul", "a\u0000b", 10, true, false)).isNull();
        assertThat(FormInput.text(errors, "line", "a\nb", 10, true, false)).isNull();
        assertThat(FormInput.text(errors, "empty", "   ", 10, true, false)).isNull();
        assertThat(errors.toString()).isEqualTo("[long, nul, line, empty]");
    }

    @Test
    void idsAreOnlyPositiveNumbers() {
        assertThat(FormInput.id("12")).isEqualTo(12L);
        assertThat(FormInput.id("0")).isNull();
        assertThat(FormInput.id("-3")).isNull();
        assertThat(FormInput.id("1; DROP TABLE")).isNull();
        assertThat(FormInput.id(null)).isNull();
    }
}
