package org.baraza.budgeting.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.baraza.platform.SpreadsheetRows;
import org.junit.jupiter.api.Test;

class ResultsFormattingTest {

    @Test
    void wholeAmountsHaveNoDecimalsOthersTwoInTheReadersLocale() {
        assertThat(ResultsPresentation.money(new BigDecimal("1200000.00"), Locale.ENGLISH)).isEqualTo("1,200,000");
        assertThat(ResultsPresentation.money(new BigDecimal("8.333333"), Locale.ENGLISH)).isEqualTo("8.33");
        assertThat(ResultsPresentation.money(new BigDecimal("12.5"), Locale.FRENCH)).isEqualTo("12,50");
        assertThat(ResultsPresentation.money(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(SpreadsheetRows.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SpreadsheetRows.cell("Benches, shaded")).isEqualTo("\"Benches, shaded\"");
        assertThat(SpreadsheetRows.cell(-5L)).as("numbers are not text").isEqualTo("-5");
    }

    @Test
    void pathIdsThatAreNotPositiveNumbersAreNotFound() {
        for (String bad : new String[] {"", "0", "-1", "1e3", "abc", "99999999999999999999"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EditionIds.parse(bad))
                .isInstanceOf(org.springframework.web.server.ResponseStatusException.class).hasMessageContaining("404");
        }
        assertThat(EditionIds.parse("42")).isEqualTo(42);
    }
}
