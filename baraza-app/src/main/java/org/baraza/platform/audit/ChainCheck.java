package org.baraza.platform.audit;

import java.util.Optional;

/**
 * The result of walking one audit chain from its first entry.
 *
 * @param organization the municipality whose chain this is, or null for the platform's
 * @param entries how many entries were checked (up to and including a broken one)
 */
public record ChainCheck(Long organization, long entries, Optional<Break> firstBreak) {

    /** What can be wrong with an entry. */
    public enum Problem {
        /** The entry's content no longer gives its hash: the entry itself was changed. */
        HASH_MISMATCH,
        /** The entry does not carry the hash of the entry before it: an earlier entry was changed, removed or inserted. */
        PREVIOUS_HASH_MISMATCH
    }

    /** The first entry at which the chain does not hold. */
    public record Break(long entryId, Problem problem) {
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
