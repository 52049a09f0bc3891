package org.baraza.platform.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The public pseudonym, the private legal name and the language of an account. */
record ProfileForm(
    @NotBlank(message = "{accounts.displayName.required}")
    @Size(max = FormRules.DISPLAY_NAME_MAX, message = "{accounts.displayName.length}")
    @Pattern(regexp = FormRules.DISPLAY_NAME, message = "{accounts.displayName.characters}")
    String displayName,

    @Size(max = FormRules.LEGAL_NAME_MAX, message = "{accounts.legalName.length}")
    @Pattern(regexp = FormRules.LEGAL_NAME, message = "{accounts.legalName.characters}")
    String legalName,

    String language) {

    ProfileForm {
        displayName = FormRules.tidy(displayName);
        legalName = FormRules.tidy(legalName);
    }
}
