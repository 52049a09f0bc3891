package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A login, the reset code sent to it and the new password. */
record ResetForm(
    @NotBlank(message = "{accounts.login.required}")
    @Size(max = FormRules.FIELD_MAX, message = "{accounts.login.invalid}")
    @Pattern(regexp = FormRules.PRINTABLE, message = "{accounts.login.invalid}")
    String login,

    @NotBlank(message = "{accounts.code.required}")
    @Size(max = 20, message = "{accounts.code.format}")
    String code,

    @NotEmpty(message = "{accounts.password.required}")
    @Size(min = PasswordHashing.MIN_LENGTH, max = PasswordHashing.MAX_LENGTH, message = "{accounts.password.length}")
    @Pattern(regexp = FormRules.PASSWORD, message = "{accounts.password.characters}")
    String password) {
}
