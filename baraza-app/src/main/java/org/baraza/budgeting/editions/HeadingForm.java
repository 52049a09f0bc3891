package org.baraza.budgeting.editions;

import java.math.BigDecimal;
import java.util.Set;

/** A heading as typed by an admin: its name, city-wide (empty district) or one district, and its budget. */
record HeadingForm(String name, String district, String budget) {

    static HeadingForm empty() {
        return new HeadingForm("", "", "");
    }

    static HeadingForm of(Heading heading) {
        return new HeadingForm(heading.name(), heading.districtCode() == null ? "" : heading.districtCode(),
            heading.budget().toPlainString());
    }

    record Checked(String name, String district, BigDecimal budget) {
    }

    Checked check(FieldErrors errors, Set<String> districtCodes) {
        String checkedName = FormInput.text(errors, "name", name, 120, true, false);
        String code = district == null || district.isBlank() ? null : district.strip();
        if (code != null && !districtCodes.contains(code)) {
            errors.reject("district", "budgets.error.choose");
        }
        BigDecimal amount = FormInput.amount(errors, "budget", budget, true);
        return errors.isEmpty() ? new Checked(checkedName, code, amount) : null;
    }
}
