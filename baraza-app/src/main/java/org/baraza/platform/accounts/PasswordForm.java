package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changing the password: the current one, and the new one. */
record PasswordForm(
    @NotEmpty(message = "{accounts.password.currentRequired}")
    @Size(max = PasswordHashing.MAX_LENGTH, message = "{accounts.password.wrong}")
    String currentPassword,

    @NotEmpty(message = "{accounts.password.required}")
    @Size(min = PasswordHashing.MIN_LENGTH, max = PasswordHashing.MAX_LENGTH, message = "{accounts.password.length}")
    @Pattern(regexp = FormRules.PASSWORD, message = "{accounts.password.characters}")
    String newPassword) {
}
