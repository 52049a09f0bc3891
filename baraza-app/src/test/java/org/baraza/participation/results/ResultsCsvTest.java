package org.baraza.participation.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

    @Test
    void aggregatesOnlyWithFormulaInjectionDefused() {
        Counts counts = new Counts(3, List.of(new Counts.Row(1, 11L, null, 2), new Counts.Row(1, 12L, null, 1)),
            Map.of("ONLINE", 3L), Map.of(), 0, 0, 0, List.of());
        var poll = TallyTest.POLL;
        var hostile = new org.baraza.participation.consultations.Question(1, 1, "=HYPERLINK(\"http://evil\")",
            org.baraza.participation.consultations.QuestionType.SINGLE, 1, null, TallyTest.SINGLE.answers());
        var consultation = new org.baraza.participation.consultations.Consultation(poll.id(), poll.organization(), poll.process(),
            poll.title(), "", poll.opensAt(), poll.closesAt(), null, null, poll.closedAt(), null, null, List.of(hostile));

        String csv = ResultsCsv.write(Tally.of(consultation, counts, List.of()), word -> word);

        assertThat(csv).startsWith(ResultsCsv.HEADER + "\r\n");
        assertThat(csv).contains("answer,1,\"'=HYPERLINK(\"\"http://evil\"\")\",North,,2,2,0,66.7,\r\n");
        assertThat(csv.lines()).allSatisfy(line -> assertThat(line.split(",")[0]).isIn("kind", "ballots_box", "ballots_paper",
            "ballots_paper_null", "turnout_channel", "turnout_district", "blank", "answer", "rank", "borda"));
    }

    @Test
    void theChartIsAnAccessibleImageWithEscapedLabels() {
        String svg = BarChart.svg("chart-1", "Question 1", "Bar chart", List.of(new BarChart.Bar("<b>North</b>", 3, "3 (75 %)"),
            new BarChart.Bar("South", 1, "1 (25 %)")));
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "aria-labelledby=\"chart-1-title chart-1-desc\"",
            "<title id=\"chart-1-title\">Question 1</title>", "&lt;b&gt;North&lt;/b&gt;").doesNotContain("<b>", "style=");
    }
}
