package org.baraza.platform.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest {

    @Test
    void anEMailAddressIsTrimmedAndLowerCased() {
        assertThat(Login.parse("  Jane.Doe+city@Example.ORG ")).contains(new Login("jane.doe+city@example.org", Login.Channel.EMAIL));
    }

    @Test
    void aMobileNumberKeepsOnlyThePlusAndItsDigits() {
        Login expected = new Login("+254712345678", Login.Channel.SMS);
        assertThat(Login.parse("+254 712 345 678")).contains(expected);
        assertThat(Login.parse("00254-712-345-678")).contains(expected);
        assertThat(Login.parse("+254 (712) 345.678")).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "jane", "jane@", "@example.org", "jane@example", "jane doe@example.org",
        "<script>@example.org", "jane@exa mple.org", "0712345678", "+0712345678", "+25471234567890123", "+2547",
        "' OR 1=1 --", "jane@example.org\u0000", "jane@-example.org"})
    void anythingElseIsNotALogin(String typed) {
        assertThat(Login.parse(typed)).isEmpty();
    }

    @Test
    void aLoginLongerThan254CharactersIsNotALogin() {
        assertThat(Login.parse("a".repeat(250) + "@example.org")).isEmpty();
    }

    @Test
    void theMaskShowsTooLittleToUse() {
        assertThat(new Login("jane.doe@example.org", Login.Channel.EMAIL).masked()).isEqualTo("j***@e***.org");
        assertThat(new Login("+254712345678", Login.Channel.SMS).masked()).isEqualTo("+254******678");
    }

    @Test
    void aCodeMayBeTypedWithSpaces() {
        assertThat(OneTimeCodes.normalise(" 123 456 ")).isEqualTo("123456");
        assertThat(OneTimeCodes.normalise("123-456")).isEqualTo("123456");
        assertThat(OneTimeCodes.normalise("12345")).isNull();
        assertThat(OneTimeCodes.normalise("١٢٣٤٥٦")).as("Arabic-Indic digits are not accepted yet").isNull();
    }
}
