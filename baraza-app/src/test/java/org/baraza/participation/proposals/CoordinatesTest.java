package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void degreesAreReadAsPeopleTypeThem() {
        assertThat(Coordinates.parse("-0.42")).isEqualTo(-0.42);
        assertThat(Coordinates.parse("36,95")).as("decimal comma").isEqualTo(36.95);
        assertThat(Coordinates.parse("+12")).isEqualTo(12.0);
        assertThat(Coordinates.parse("٣٦٫٩٥")).as("Arabic-Indic digits and separator").isEqualTo(36.95);
        assertThat(Coordinates.parse("\u22120.5")).as("minus sign").isEqualTo(-0.5);
    }

    @Test
    void anythingElseIsNoNumber() {
        assertThat(Coordinates.parse("north")).isNull();
        assertThat(Coordinates.parse("1e308")).isNull();
        assertThat(Coordinates.parse("1.2.3")).isNull();
        assertThat(Coordinates.parse("--1")).isNull();
        assertThat(Coordinates.parse("")).isNull();
        assertThat(Coordinates.parse("9".repeat(40))).isNull();
        assertThat(Coordinates.parse("NaN")).isNull();
    }

    @Test
    void sixDecimalsAreKept() {
        assertThat(Coordinates.format(-0.4200001)).isEqualTo("-0.42");
        assertThat(Coordinates.format(36.123456789)).isEqualTo("36.123457");
    }
}
