package org.baraza.platform.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentNumberTest {

    @Test
    void caseSpacesDashesDotsAndSlashesDoNotMatter() {
        DocumentNumber typed = DocumentNumber.parse(" ab 12-34.56/7 ").number();
        DocumentNumber census = DocumentNumber.parse("AB1234567").number();
        assertThat(typed).isEqualTo(census);
        assertThat(typed.normalised()).isEqualTo("AB1234567");
    }

    @Test
    void fullWidthDigitsAreTheSameDigits() {
        assertThat(DocumentNumber.parse("ＡＢ１２３").number()).isEqualTo(DocumentNumber.parse("AB123").number());
    }

    @Test
    void emptyBlankAndSeparatorsOnlyAreEmpty() {
        assertThat(DocumentNumber.parse(null).problem()).isEqualTo(DocumentNumber.Problem.EMPTY);
        assertThat(DocumentNumber.parse("   ").problem()).isEqualTo(DocumentNumber.Problem.EMPTY);
        assertThat(DocumentNumber.parse(" - . / ").problem()).isEqualTo(DocumentNumber.Problem.EMPTY);
    }

    @Test
    void moreThanFortyLettersAndDigitsIsTooLong() {
        assertThat(DocumentNumber.parse("A".repeat(40)).problem()).isNull();
        assertThat(DocumentNumber.parse("A".repeat(41)).problem()).isEqualTo(DocumentNumber.Problem.TOO_LONG);
        assertThat(DocumentNumber.parse("A".repeat(10_000)).problem()).isEqualTo(DocumentNumber.Problem.TOO_LONG);
    }

    @Test
    void markupAndSqlAreNotDocumentNumbers() {
        assertThat(DocumentNumber.parse("<script>alert(1)</script>").problem())
            .isEqualTo(DocumentNumber.Problem.NOT_LETTERS_AND_DIGITS);
        assertThat(DocumentNumber.parse("1'; DROP TABLE census_record; --").problem())
            .isEqualTo(DocumentNumber.Problem.NOT_LETTERS_AND_DIGITS);
    }

    @Test
    void neverShowsTheNumberWhenPrinted() {
        DocumentNumber number = DocumentNumber.parse("AB1234567").number();
        assertThat(number.toString()).doesNotContain("1234567");
        assertThat(new CensusClaim(number, java.time.LocalDate.of(1990, 1, 1), "north").toString()).doesNotContain("1234567");
    }
}
