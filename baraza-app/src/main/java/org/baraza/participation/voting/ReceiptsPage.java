package org.baraza.participation.voting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.web.ApiProblems;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public list of receipt fingerprints of a closed consultation, in hash order, and the check of a
 * receipt code. Published only once the consultation has closed: a list that grew while people voted would
 * let someone watching a voter see which fingerprint appeared. The code is checked from a form's body, so
 * it never appears in a URL or an access log.
 */
@Controller
class ReceiptsPage {

    static final int PAGE_SIZE = 500;

    private final ConsultationCatalogue catalogue;
    private final BallotBox box;
    private final Clock clock;

    ReceiptsPage(ConsultationCatalogue catalogue, BallotBox box, Clock clock) {
        this.catalogue = catalogue;
        this.box = box;
        this.clock = clock;
    }

    @GetMapping("/consultations/{id}/receipts")
    String list(@PathVariable("id") String id, @RequestParam(name = "page", required = false) String page, Model model,
                HttpServletResponse response) {
        Consultation consultation = published(catalogue, id);
        if (!consultation.hasClosedAt(clock.instant())) {
            return notYet(consultation, model, response);
        }
        return page(consultation, Pages.page(page), new FormErrors(), model);
    }

    @PostMapping("/consultations/{id}/receipts")
    String check(@PathVariable("id") String id, @RequestParam(name = "code", required = false) String code, Model model,
                 HttpServletResponse response) {
        Consultation consultation = published(catalogue, id);
        if (!consultation.hasClosedAt(clock.instant())) {
            return notYet(consultation, model, response);
        }
        FormErrors errors = new FormErrors();
        String normalised = Receipt.normalise(code);
        if (normalised.isEmpty()) {
            errors.reject("code", "consultations.receipts.error.code");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            byte[] hash = Receipt.hash(consultation.id(), normalised);
            boolean counted = box.holdsReceipt(consultation.id(), hash);
            model.addAttribute("checked", counted ? "counted" : "notFound");
            model.addAttribute("checkedFingerprint", Receipt.fingerprint(hash));
        }
        return page(consultation, 1, errors, model);
    }

    private String page(Consultation consultation, int page, FormErrors errors, Model model) {
        long total = box.ballots(consultation.id());
        List<String> fingerprints = box.receipts(consultation.id(), PAGE_SIZE, Pages.offset(page, PAGE_SIZE)).stream()
            .map(Receipt::fingerprint).toList();
        model.addAttribute("consultation", consultation);
        model.addAttribute("receipts", new Pages<>(fingerprints, page, PAGE_SIZE, total));
        model.addAttribute("errors", errors);
        return "participation/consultations/receipts";
    }

    private String notYet(Consultation consultation, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("consultation", consultation);
        model.addAttribute("notYet", true);
        model.addAttribute("errors", new FormErrors());
        return "participation/consultations/receipts";
    }

    static Consultation published(ConsultationCatalogue catalogue, String id) {
        return catalogue.published(CurrentMunicipality.id(), new ConsultationId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The same list as JSON, with the full hashes, so anyone can check a code offline (docs/api-participation.md). */
    @RestController
    @RequestMapping(value = "/api/v1/consultations/{id}/receipts", produces = "application/json")
    static class Api {

        record ReceiptPageJson(long consultation, String hashInput, List<String> receiptHashes, int page, int size, long total,
                               String next) {
        }

        private final ConsultationCatalogue catalogue;
        private final BallotBox box;
        private final ApiProblems problems;
        private final Clock clock;

        Api(ConsultationCatalogue catalogue, BallotBox box, ApiProblems problems, Clock clock) {
            this.catalogue = catalogue;
            this.box = box;
            this.problems = problems;
            this.clock = clock;
        }

        @GetMapping
        @ResponseBody
        ResponseEntity<?> list(@PathVariable("id") String id, @RequestParam(name = "page", required = false) String page,
                               @RequestParam(name = "size", required = false) String size, HttpServletRequest request) {
            Consultation consultation = published(catalogue, id);
            if (!consultation.hasClosedAt(clock.instant())) {
                return problems.problem(request, HttpStatus.CONFLICT, "consultations.api.notClosed.title",
                    "consultations.api.receiptsNotYet");
            }
            int number = Pages.page(page);
            int pageSize = Pages.size(size, Pages.MAX_SIZE);
            long total = box.ballots(consultation.id());
            List<String> hashes = box.receipts(consultation.id(), pageSize, Pages.offset(number, pageSize)).stream()
                .map(hash -> HexFormat.of().formatHex(hash)).toList();
            Pages<String> pages = new Pages<>(hashes, number, pageSize, total);
            return ResponseEntity.ok(new ReceiptPageJson(consultation.id().value(),
                "SHA-256 of \"baraza-receipt:" + consultation.id().value() + ":\" + the code in capitals without dashes",
                hashes, number, pageSize, total,
                pages.hasNext() ? "/api/v1/consultations/" + consultation.id().value() + "/receipts?page=" + (number + 1)
                    + "&size=" + pageSize : null));
        }
    }
}
