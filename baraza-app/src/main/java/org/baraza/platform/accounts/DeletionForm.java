package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Deleting the account asks for the password, so a borrowed signed-in phone cannot do it. */
record DeletionForm(
    @NotEmpty(message = "{accounts.password.currentRequired}")
    @Size(max = PasswordHashing.MAX_LENGTH, message = "{accounts.password.wrong}")
    String password) {
}
