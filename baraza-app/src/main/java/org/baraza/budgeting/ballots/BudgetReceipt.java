package org.baraza.budgeting.ballots;

import org.baraza.participation.ReceiptCode;

/**
 * A budget voter's receipt: 100 random bits shown once, as 20 characters of Crockford's base 32 (no I,
 * L, O or U, so a code copied by hand survives). Kept nowhere in clear. Two hashes are derived from it,
 * each with its own domain-separating prefix so that one can never be mistaken for the other:
 * <ul>
 *   <li>{@link #ballotHash} = SHA-256("baraza-budget-receipt" ‖ edition ‖ code), stored with the ballot and
 *       published, so anyone holding the code can see their ballot is in the box;</li>
 *   <li>{@link #changeKey} = SHA-256("baraza-budget-change" ‖ edition ‖ account ‖ code), stored on the
 *       voter's roll entry, so the voter can later prove the ballot is theirs and replace it.</li>
 * </ul>
 * Without the code neither hash leads to the other: 2^100 codes cannot be tried. A receipt proves
 * that a ballot is in the box, never what is on it (nothing here reads a ballot's choices by receipt).
 */
record BudgetReceipt(String code) {

    static BudgetReceipt issue() {
        return new BudgetReceipt(ReceiptCode.issue());
    }

    /** The code as typed back: case, spaces, dashes and look-alike letters do not matter; "" if it cannot be a code. */
    static String normalise(String typed) {
        return ReceiptCode.normalise(typed);
    }

    /** A typed code in the canonical form it was shown in (groups of four), or null if it cannot be one. */
    static BudgetReceipt typed(String typed) {
        String canonical = ReceiptCode.canonical(typed);
        return canonical == null ? null : new BudgetReceipt(canonical);
    }

    byte[] ballotHash(long edition) {
        return ReceiptCode.sha256("baraza-budget-receipt:" + edition + ":" + normalise(code));
    }

    byte[] changeKey(long edition, long accountId) {
        return ReceiptCode.sha256("baraza-budget-change:" + edition + ":" + accountId + ":" + normalise(code));
    }

    /** What the public list shows: the first 64 bits of the ballot hash, in groups of four hex digits. */
    static String fingerprint(byte[] hash) {
        return ReceiptCode.fingerprint(hash);
    }

    @Override
    public String toString() {
        // a receipt must never reach a log line by accident
        return "BudgetReceipt[****]";
    }
}
