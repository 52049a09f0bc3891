package org.baraza.participation.proposals;

import java.util.Locale;
import java.util.Optional;

/**
 * What a resident just did to a proposal, told on the page they are sent back to: {@code ?done=supported}.
 * A query parameter rather than a flash attribute, because a flash attribute is written to the session
 * (a database row) on every support: one person's many simultaneous supports would all write it at once.
 * Only these codes are known; anything else shows nothing.
 */
enum Done {
    CREATED, SAVED, SUPPORTED, ALREADY_SUPPORTED, UNSUPPORTED, WITHDRAWN, FOLLOWING, UNFOLLOWED;

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String messageKey() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder("proposals.notice.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    /** The proposal's address with this notice, and an anchor to the part of the page concerned. */
    String redirect(Proposal proposal, String anchor) {
        return "redirect:" + proposal.path() + "?done=" + code() + (anchor == null ? "" : "#" + anchor);
    }

    static Optional<Done> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Done done : values()) {
            if (done.code().equals(code)) {
                return Optional.of(done);
            }
        }
        return Optional.empty();
    }
}
