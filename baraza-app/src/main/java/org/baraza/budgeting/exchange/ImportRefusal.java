package org.baraza.budgeting.exchange;

/** Why an import stored nothing: a message key of budget-results*.properties and its arguments. */
record ImportRefusal(String messageKey, Object... arguments) {
}
