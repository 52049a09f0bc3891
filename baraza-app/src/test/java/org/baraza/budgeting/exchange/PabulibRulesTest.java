package org.baraza.budgeting.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PabulibRulesTest {

    @Test
    void ourRulesAndPabulibsNamesMapBothWays() {
        assertThat(PabulibRules.fromPabulib("equalshares/add1")).isEqualTo("mes-add1");
        assertThat(PabulibRules.fromPabulib("equalshares/add1-comparison")).isEqualTo("mes-add1");
        assertThat(PabulibRules.fromPabulib("equalshares")).isEqualTo("mes");
        assertThat(PabulibRules.fromPabulib("Greedy ")).isEqualTo("greedy");
        assertThat(PabulibRules.fromPabulib("phragmen")).isEqualTo("phragmen");
        assertThat(PabulibRules.toPabulib("mes-add1")).isEqualTo("equalshares/add1");
        assertThat(PabulibRules.toPabulib("phragmen")).isEqualTo("unknown");
    }

    @Test
    void anUnknownOrMissingRuleIsEqualSharesWithAdd1() {
        assertThat(PabulibRules.fromPabulib("greedy-custom")).isEqualTo("mes-add1");
        assertThat(PabulibRules.fromPabulib("unknown")).isEqualTo("mes-add1");
        assertThat(PabulibRules.fromPabulib(null)).isEqualTo("mes-add1");
    }
}
