package org.baraza.participation.results;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.processes.ProcessCatalogue;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The results of a closed consultation: tables, accessible SVG charts beside them, and a CSV download. */
@Controller
class ResultsPage {

    private final ConsultationCatalogue catalogue;
    private final ProcessCatalogue processes;
    private final ConsultationResults results;
    private final MessageSource messages;
    private final Clock clock;

    ResultsPage(ConsultationCatalogue catalogue, ProcessCatalogue processes, ConsultationResults results, MessageSource messages,
                Clock clock) {
        this.catalogue = catalogue;
        this.processes = processes;
        this.results = results;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/consultations/{id}/results")
    String show(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        Consultation consultation = consultation(id);
        model.addAttribute("consultation", consultation);
        model.addAttribute("process", processes.published(consultation.organization(), consultation.process()).orElseThrow());
        Optional<Results> found = results.of(consultation);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("notYet", true);
            return "participation/consultations/results";
        }
        Results counted = found.get();
        model.addAttribute("results", counted);
        Map<Long, String> charts = new LinkedHashMap<>();
        Map<Long, List<Results.AnswerResult>> rankings = new LinkedHashMap<>();
        int number = 0;
        for (Results.QuestionResult question : counted.questions()) {
            number++;
            charts.put(question.question().id(), chart(number, question));
            if (question.question().isRanked()) {
                rankings.put(question.question().id(), Tally.byBorda(question));
            }
        }
        model.addAttribute("charts", charts);
        model.addAttribute("rankings", rankings);
        return "participation/consultations/results";
    }

    @GetMapping(value = "/consultations/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable("id") String id) {
        Consultation consultation = consultation(id);
        Results counted = results.of(consultation).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        Locale locale = LocaleContextHolder.getLocale();
        String csv = ResultsCsv.write(counted, word -> messages.getMessage("consultations.answer." + word, null, word, locale));
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("consultation-" + consultation.id().value() + "-results.csv").build().toString())
            .cacheControl(CacheControl.noCache())
            .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String chart(int number, Results.QuestionResult question) {
        Locale locale = LocaleContextHolder.getLocale();
        List<BarChart.Bar> bars = new ArrayList<>();
        boolean ranked = question.question().isRanked();
        for (Results.AnswerResult answer : question.answers()) {
            String label = ResultsCsv.label(question.question(), answer.answer(),
                word -> messages.getMessage("consultations.answer." + word, null, word, locale));
            long value = ranked ? answer.bordaPoints() : answer.votes();
            String figure = ranked ? Long.toString(value) : value + " (" + answer.percent() + " %)";
            bars.add(new BarChart.Bar(label, value, figure));
        }
        String title = messages.getMessage(ranked ? "consultations.results.chart.borda" : "consultations.results.chart.votes",
            new Object[] {number}, locale);
        String description = messages.getMessage("consultations.results.chart.description", null, locale);
        return BarChart.svg("chart-" + number, title, description, bars);
    }

    private Consultation consultation(String id) {
        return catalogue.published(CurrentMunicipality.id(), new ConsultationId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
