package org.baraza.budgeting.projects;

import java.math.BigDecimal;
import java.time.Instant;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.platform.OrganizationId;

/**
 * A project residents (or admins) put forward under a heading of an edition. {@code cost} is the valuator's,
 * null until the project is valued feasible; the ballot and the rules use it.
 */
record Project(long id, OrganizationId organization, long editionId, long headingId, Long authorAccountId, String title,
               String description, String districtCode, Double latitude, Double longitude, boolean hasImage,
               String imageAlt, BigDecimal estimatedCost, BigDecimal cost, Feasibility feasibility, String explanation,
               int supports, Instant withdrawnAt, Instant createdAt) {

    public String path() {
        return "/budgets/" + editionId + "/projects/" + id;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** The valuator's cost when there is one, else the author's estimate. */
    public BigDecimal shownCost() {
        return cost != null ? cost : estimatedCost;
    }

    public boolean costEstimated() {
        return cost == null;
    }

    /** The description rendered from the safe subset of Markdown, every HTML character escaped. */
    public String descriptionHtml() {
        return SafeMarkdown.render(description);
    }
}
