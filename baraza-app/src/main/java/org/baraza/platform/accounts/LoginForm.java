package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Just a login: asking for a new code or a password reset. */
record LoginForm(
    @NotBlank(message = "{accounts.login.required}")
    @Size(max = FormRules.FIELD_MAX, message = "{accounts.login.invalid}")
    @Pattern(regexp = FormRules.PRINTABLE, message = "{accounts.login.invalid}")
    String login) {
}
