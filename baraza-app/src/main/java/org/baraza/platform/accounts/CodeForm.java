package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A login and the one-time code sent to it. */
record CodeForm(
    @NotBlank(message = "{accounts.login.required}")
    @Size(max = FormRules.FIELD_MAX, message = "{accounts.login.invalid}")
    @Pattern(regexp = FormRules.PRINTABLE, message = "{accounts.login.invalid}")
    String login,

    @NotBlank(message = "{accounts.code.required}")
    @Size(max = 20, message = "{accounts.code.format}")
    String code) {
}
