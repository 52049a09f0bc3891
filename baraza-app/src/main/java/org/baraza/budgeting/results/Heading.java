package org.baraza.budgeting.results;

import java.math.BigDecimal;

/** A heading of an edition: city-wide when {@code districtCode} is null. */
public record Heading(long id, long editionId, String name, String districtCode, BigDecimal budget, int position) {
}
