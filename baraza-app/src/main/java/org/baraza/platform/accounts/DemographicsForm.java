package org.baraza.platform.accounts;

import jakarta.validation.constraints.Size;

/** Voluntary answers; each may be blank. The district comes as text so a forged value gets a message, not a binding error. */
record DemographicsForm(
    @Size(max = 20, message = "{accounts.demographics.invalid}") String ageBand,
    @Size(max = 20, message = "{accounts.demographics.invalid}") String gender,
    @Size(max = 20, message = "{accounts.demographics.invalid}") String district) {
}
