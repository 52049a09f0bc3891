package org.baraza.participation.results;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.consultations.Question;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.web.ApiProblems;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read-only JSON for consultations and, once they have closed, their results (docs/api-participation.md). */
@RestController
@RequestMapping(value = "/api/v1/consultations", produces = "application/json")
class ConsultationApi {

    record AnswerJson(long id, int position, String text) {
    }

    record QuestionJson(long id, int position, String text, String type, int maxChoices, Long proposalId, List<AnswerJson> answers) {
    }

    record EligibilityJson(String districtCode, String districtName, Integer minimumAge) {
    }

    record ConsultationJson(long id, long process, String title, String description, String opensAt, String closesAt,
                            String closedAt, String status, EligibilityJson eligibility, List<QuestionJson> questions,
                            String url, String results, String receipts) {
    }

    record AnswerResultJson(long answer, String text, long votes, long boxVotes, long paperVotes, double percent,
                            List<Long> perRank, Long bordaPoints) {
    }

    record QuestionResultJson(long question, String text, String type, long answered, long blank, List<AnswerResultJson> answers) {
    }

    record DistrictJson(String code, String name, String voters) {
    }

    record TurnoutJson(long online, long booth, long paper, long total, List<DistrictJson> districts) {
    }

    record ResultsJson(long consultation, String closedAt, long ballotsInBox, long paperBallots, long paperNullBallots,
                       long paperBooths, boolean boxMatchesRoll, TurnoutJson turnout, List<QuestionResultJson> questions,
                       String csv) {
    }

    private final ConsultationCatalogue catalogue;
    private final ConsultationResults results;
    private final KnownDistricts districts;
    private final ApiProblems problems;
    private final Clock clock;

    ConsultationApi(ConsultationCatalogue catalogue, ConsultationResults results, KnownDistricts districts, ApiProblems problems,
                    Clock clock) {
        this.catalogue = catalogue;
        this.results = results;
        this.districts = districts;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    ConsultationJson show(@PathVariable("id") String id) {
        Consultation c = consultation(id);
        Instant now = clock.instant();
        boolean closed = c.hasClosedAt(now);
        String base = "/api/v1/consultations/" + c.id().value();
        return new ConsultationJson(c.id().value(), c.process().value(), c.title(), c.description(), c.opensAt().toString(),
            c.closesAt().toString(), c.closedAt() == null ? null : c.effectiveClose().toString(),
            c.statusAt(now).name().toLowerCase(java.util.Locale.ROOT),
            new EligibilityJson(c.eligibleDistrictCode(),
                c.eligibleDistrictCode() == null ? null : districts.name(c.organization(), c.eligibleDistrictCode()), c.minimumAge()),
            c.questions().stream().map(ConsultationApi::question).toList(), "/consultations/" + c.id().value(),
            closed ? base + "/results" : null, closed ? base + "/receipts" : null);
    }

    @GetMapping("/{id}/results")
    ResponseEntity<?> results(@PathVariable("id") String id, HttpServletRequest request) {
        Consultation c = consultation(id);
        var found = results.of(c);
        if (found.isEmpty()) {
            return problems.problem(request, HttpStatus.CONFLICT, "consultations.api.notClosed.title",
                "consultations.api.resultsNotYet");
        }
        Results r = found.get();
        return ResponseEntity.ok(new ResultsJson(c.id().value(), c.effectiveClose().toString(), r.electronicBallots(),
            r.paperBallots(), r.paperNullBallots(), r.booths(), r.boxMatchesRoll(),
            new TurnoutJson(r.turnout().online(), r.turnout().booth(), r.turnout().paper(), r.turnout().total(),
                r.turnout().districts().stream().map(d -> new DistrictJson(d.code(), d.name(), d.shown())).toList()),
            r.questions().stream().map(q -> new QuestionResultJson(q.question().id(), q.question().text(),
                q.question().type().name(), q.answered(), q.blank(), q.answers().stream()
                .map(a -> new AnswerResultJson(a.answer().id(), a.answer().text(), a.votes(), a.electronic(), a.paper(), a.percent(),
                    a.perRank(), q.question().isRanked() ? a.bordaPoints() : null)).toList())).toList(),
            "/consultations/" + c.id().value() + "/results.csv"));
    }

    private static QuestionJson question(Question q) {
        return new QuestionJson(q.id(), q.position(), q.text(), q.type().name(), q.maxChoices(), q.proposalId(),
            q.answers().stream().map((Answer a) -> new AnswerJson(a.id(), a.position(), a.text())).toList());
    }

    private Consultation consultation(String id) {
        return catalogue.published(CurrentMunicipality.id(), new ConsultationId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
