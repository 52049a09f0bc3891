package org.baraza.platform.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How big a census upload may be ({@code BARAZA_CENSUS_MAX_FILE_SIZE}, {@code BARAZA_CENSUS_MAX_ROWS}).
 * 50 MB holds about 1.5 million rows of a typical census file; a larger city splits it and uploads
 * the parts in "add" mode.
 */
@ConfigurationProperties("baraza.census")
record CensusLimits(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("2000000") long maxRows) {
}
