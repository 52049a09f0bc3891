package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProposalQueryTest {

    @Test
    void searchWordsAreRunsOfLettersDigitsAndMarks() {
        assertThat(ProposalQuery.words("l’École Sainte-Thérèse, 2026!")).containsExactly("l", "École", "Sainte", "Thérèse", "2026");
        assertThat(ProposalQuery.words("حديقةٌ جديدة")).containsExactly("حديقةٌ", "جديدة");
    }

    @Test
    void nothingButWordsReachesTheQuery() {
        assertThat(ProposalQuery.words("'; DROP TABLE proposal; -- a & b | !c :* (")).containsExactly("DROP", "TABLE", "proposal",
            "a", "b", "c");
        assertThat(ProposalQuery.words("\u0301 \u064B")).as("stray accents alone are no words").isEmpty();
        assertThat(ProposalQuery.words(null)).isEmpty();
    }

    @Test
    void wordsAreLimitedInNumberAndLength() {
        assertThat(ProposalQuery.words("one two three four five six seven eight nine ten")).hasSize(ProposalQuery.MAX_WORDS);
        assertThat(ProposalQuery.words("x".repeat(500)).get(0)).hasSize(ProposalQuery.MAX_WORD);
    }

    @Test
    void everyWordIsMatchedAsAPrefix() {
        ProposalQuery query = new ProposalQuery(null, null, ProposalQuery.words("fontaine école"), null, null,
            ProposalQuery.StatusFilter.CURRENT, ProposalQuery.Sort.RELEVANCE, 1, 1, 20);
        assertThat(query.prefixQuery()).isEqualTo("fontaine:* & école:*");
    }

    @Test
    void relevanceWithoutWordsFallsBackToTheRandomOrder() {
        ProposalQuery query = new ProposalQuery(null, null, ProposalQuery.words(""), null, null,
            ProposalQuery.StatusFilter.CURRENT, ProposalQuery.Sort.RELEVANCE, 1, 1, 20);
        assertThat(query.effectiveSort()).isEqualTo(ProposalQuery.Sort.RANDOM);
    }
}
