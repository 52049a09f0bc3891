package org.baraza.pb;

/**
 * Two projects a rule values equally that its tie-breaking cannot order either: pabulib's checker
 * conventions (lowest cost, then most approvals, and no further) leave such ties open, as the checker
 * does. A property of the election, not a fault of the engine.
 */
public final class UnbreakableTieException extends IllegalStateException {

    UnbreakableTieException(String message) {
        super(message);
    }
}
