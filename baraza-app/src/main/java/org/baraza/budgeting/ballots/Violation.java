package org.baraza.budgeting.ballots;

import java.util.List;

/**
 * One broken ballot rule, said in plain words: a message key of the budget-ballots bundle with its
 * arguments, and the form field it is about (the error summary links to it).
 */
record Violation(String field, String key, List<Object> arguments) {

    static Violation of(String field, String key, Object... arguments) {
        return new Violation(field, "budgetBallots.error." + key, List.of(arguments));
    }

    /** For the templates: the arguments as MessageFormat takes them. */
    public Object[] args() {
        return arguments.toArray();
    }

    public String getField() {
        return field;
    }
}
