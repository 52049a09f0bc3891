package org.baraza.pb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTest {

    @Test
    void everyListedNameGivesTheRuleOfThatName() {
        assertThat(Rules.names()).containsExactlyInAnyOrder(
            "greedy", "greedy-no-skip", "greedy-threshold", "auto", "phragmen", "mes", "mes-add1",
            "mes-add1-greedy", "equalshares/add1", "equalshares/add1-comparison");
        for (String name : Rules.names()) {
            assertThat(Rules.named(name).name()).isEqualTo(name);
        }
    }

    @Test
    void unknownNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Rules.named("lottery"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown rule 'lottery'")
            .hasMessageContaining("mes-add1-greedy");
    }
}
