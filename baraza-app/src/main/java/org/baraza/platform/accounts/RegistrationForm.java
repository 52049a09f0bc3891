package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration form; {@code login} is an e-mail address or a mobile number with its country code. */
record RegistrationForm(
    @NotBlank(message = "{accounts.login.required}")
    @Size(max = FormRules.FIELD_MAX, message = "{accounts.login.invalid}")
    @Pattern(regexp = FormRules.PRINTABLE, message = "{accounts.login.invalid}")
    String login,

    @NotEmpty(message = "{accounts.password.required}")
    @Size(min = PasswordHashing.MIN_LENGTH, max = PasswordHashing.MAX_LENGTH, message = "{accounts.password.length}")
    @Pattern(regexp = FormRules.PASSWORD, message = "{accounts.password.characters}")
    String password,

    @NotBlank(message = "{accounts.displayName.required}")
    @Size(max = FormRules.DISPLAY_NAME_MAX, message = "{accounts.displayName.length}")
    @Pattern(regexp = FormRules.DISPLAY_NAME, message = "{accounts.displayName.characters}")
    String displayName,

    @Size(max = FormRules.LEGAL_NAME_MAX, message = "{accounts.legalName.length}")
    @Pattern(regexp = FormRules.LEGAL_NAME, message = "{accounts.legalName.characters}")
    String legalName,

    String language) {

    RegistrationForm {
        displayName = FormRules.tidy(displayName);
        legalName = FormRules.tidy(legalName);
    }
}
