package org.baraza.budgeting.projects;

import java.math.BigDecimal;
import org.baraza.budgeting.editions.FieldErrors;
import org.baraza.budgeting.editions.FormInput;

/**
 * A valuator's verdict as typed: FEASIBLE with the cost the ballot will use, or UNFEASIBLE; an explanation
 * either way (shown publicly: what the cost covers, or why it cannot be done).
 */
record ValuationForm(String feasibility, String cost, String explanation) {

    static ValuationForm of(Project project) {
        return new ValuationForm(project.feasibility() == Feasibility.PENDING ? "" : project.feasibility().name(),
            project.cost() == null ? "" : project.cost().toPlainString(),
            project.explanation() == null ? "" : project.explanation());
    }

    record Verdict(Feasibility feasibility, BigDecimal cost, String explanation) {
    }

    Verdict verdict(FieldErrors errors) {
        Feasibility chosen = "FEASIBLE".equals(feasibility) ? Feasibility.FEASIBLE
            : "UNFEASIBLE".equals(feasibility) ? Feasibility.UNFEASIBLE : null;
        if (chosen == null) {
            errors.reject("feasibility", "budgets.error.chooseFeasibility");
        }
        BigDecimal amount = null;
        if (chosen == Feasibility.FEASIBLE) {
            amount = FormInput.amount(errors, "cost", cost, true);
        }
        String text = FormInput.text(errors, "explanation", explanation, 5000, true, true);
        return errors.isEmpty() ? new Verdict(chosen, amount, text) : null;
    }
}
