package org.baraza.browser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a page costs a resident on a slow, metered connection: the bytes of its HTML, CSS, scripts
 * and fonts as transferred (gzip, headers included), images excluded. Issue 2 caps it at 60 KB.
 */
public record PageWeight(long bytes, List<Browser.Request> counted) {

    public static final long LIMIT_BYTES = 60 * 1024;

    private static final Set<String> COUNTED_TYPES = Set.of("Document", "Stylesheet", "Script", "Font");

    /** The weight of the page now shown; call right after {@link Browser#open}. */
    public static PageWeight of(Browser browser) {
        List<Browser.Request> counted = browser.requests().stream()
            .filter(request -> COUNTED_TYPES.contains(request.type())).toList();
        return new PageWeight(counted.stream().mapToLong(Browser.Request::transferredBytes).sum(), counted);
    }

    public boolean withinLimit() {
        return bytes <= LIMIT_BYTES;
    }

    @Override
    public String toString() {
        return bytes + " bytes (" + counted.stream()
            .map(request -> request.type() + " " + request.url() + " " + request.transferredBytes())
            .collect(Collectors.joining(", ")) + ")";
    }
}
