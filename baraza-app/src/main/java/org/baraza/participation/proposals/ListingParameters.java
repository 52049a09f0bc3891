package org.baraza.participation.proposals;

import java.util.Collection;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.participation.web.Pages;
import org.baraza.platform.OrganizationId;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The proposals list's request parameters, checked: {@code q}, {@code category}, {@code district},
 * {@code status}, {@code sort}, {@code seed}, {@code page}. Pages read them leniently (a value they do
 * not know is ignored, as a visitor may have edited the link); the JSON API refuses unknown values.
 * Links to other pages and to the map keep every choice.
 */
record ListingParameters(String text, Long categoryId, String districtCode, ProposalQuery.StatusFilter status,
                         ProposalQuery.Sort sort, long seed, int page) {

    /** Lenient: anything unknown falls back to the default. */
    static ListingParameters lenient(String q, String category, String district, String status, String sort, long seed,
                                     String page, Collection<Long> categoryIds, Collection<String> districtCodes) {
        String text = q == null ? "" : (q.length() > ProposalQuery.MAX_TEXT ? q.substring(0, ProposalQuery.MAX_TEXT) : q).strip();
        Long categoryId = categoryId(category).filter(categoryIds::contains).orElse(null);
        String districtCode = district != null && districtCodes.contains(district.strip()) ? district.strip() : null;
        ProposalQuery.StatusFilter filter = ProposalQuery.StatusFilter.parse(status).orElse(ProposalQuery.StatusFilter.CURRENT);
        ProposalQuery.Sort order = (sort == null || sort.isBlank()) && !ProposalQuery.words(text).isEmpty()
            ? ProposalQuery.Sort.RELEVANCE
            : ProposalQuery.Sort.parse(sort).orElse(ProposalQuery.Sort.RANDOM);
        return new ListingParameters(text, categoryId, districtCode, filter, order, seed, Pages.page(page));
    }

    static Optional<Long> categoryId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    ProposalQuery query(OrganizationId organization, ProcessId process, int size) {
        return new ProposalQuery(organization, process, ProposalQuery.words(text), categoryId, districtCode, status,
            sort, seed, page, size);
    }

    /** The list's address for another page, every choice kept; {@code base} is e.g. /processes/3/proposals. */
    String link(String base, int toPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        if (!text.isEmpty()) {
            uri.queryParam("q", text);
        }
        if (categoryId != null) {
            uri.queryParam("category", categoryId);
        }
        if (districtCode != null) {
            uri.queryParam("district", districtCode);
        }
        if (status != ProposalQuery.StatusFilter.CURRENT) {
            uri.queryParam("status", status.code());
        }
        uri.queryParam("sort", sort.code());
        if (sort == ProposalQuery.Sort.RANDOM) {
            uri.queryParam("seed", seed);
        }
        if (toPage > 1) {
            uri.queryParam("page", toPage);
        }
        return uri.build().encode().toUriString();
    }

    public String categoryValue() {
        return categoryId == null ? "" : categoryId.toString();
    }

    public String districtValue() {
        return districtCode == null ? "" : districtCode;
    }
}
