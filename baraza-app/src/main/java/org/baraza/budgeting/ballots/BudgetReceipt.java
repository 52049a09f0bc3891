package org.baraza.budgeting.ballots;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

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

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    static BudgetReceipt issue() {
        StringBuilder code = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return new BudgetReceipt(code.toString());
    }

    /** The code as typed back: case, spaces, dashes and look-alike letters do not matter; "" if it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 60) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) >= 0) {
                out.append(mapped);
            } else if (c != '-' && c != ' ') {
                return "";
            }
        }
        return out.length() == LENGTH ? out.toString() : "";
    }

    /** A typed code in the canonical form it was shown in (groups of four), or null if it cannot be one. */
    static BudgetReceipt typed(String typed) {
        String normalised = normalise(typed);
        if (normalised.isEmpty()) {
            return null;
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(normalised.charAt(i));
        }
        return new BudgetReceipt(code.toString());
    }

    byte[] ballotHash(long edition) {
        return sha256("baraza-budget-receipt:" + edition + ":" + normalise(code));
    }

    byte[] changeKey(long edition, long accountId) {
        return sha256("baraza-budget-change:" + edition + ":" + accountId + ":" + normalise(code));
    }

    /** What the public list shows: the first 64 bits of the ballot hash, in groups of four hex digits. */
    static String fingerprint(byte[] hash) {
        String hex = HexFormat.of().formatHex(hash, 0, 8);
        return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " " + hex.substring(12, 16);
    }

    private static byte[] sha256(String input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        // a receipt must never reach a log line by accident
        return "BudgetReceipt[****]";
    }
}
