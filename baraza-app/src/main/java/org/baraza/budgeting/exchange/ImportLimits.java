package org.baraza.budgeting.exchange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How large a pabulib import may be. The upload itself is capped by the multipart limit (20 MB); ballots are
 * capped here, counted by a streaming pre-scan before the file is parsed, because the parsed election is held
 * in memory while it is stored: 250,000 ballots (twice the largest real file, Wrocław 2015) take well under
 * 100 MB, a million would not fit the application's heap beside its other work.
 */
@Component
class ImportLimits {

    private final long maxBallots;
    private final int maxProjects;

    ImportLimits(@Value("${baraza.budgets.import.max-ballots:250000}") long maxBallots,
                 @Value("${baraza.budgets.import.max-projects:1000}") int maxProjects) {
        this.maxBallots = maxBallots;
        this.maxProjects = maxProjects;
    }

    long maxBallots() {
        return maxBallots;
    }

    int maxProjects() {
        return maxProjects;
    }
}
