package org.baraza.budgeting.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every heading's result, and turnout: voters on the roll by channel (online, booth, paper) in aggregate only.
 */
public record EditionResults(Edition edition, List<HeadingResult> headings, Map<String, Long> votersByChannel,
                             Instant computedAt, long computeMillis) {

    public EditionResults {
        headings = List.copyOf(headings);
        votersByChannel = Map.copyOf(votersByChannel);
    }

    public long voters() {
        return votersByChannel.values().stream().mapToLong(Long::longValue).sum();
    }

    public long voters(String channel) {
        return votersByChannel.getOrDefault(channel, 0L);
    }

    public java.util.Optional<HeadingResult> heading(long id) {
        return headings.stream().filter(h -> h.heading().id() == id).findFirst();
    }
}
