package org.baraza.budgeting.ballots;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Officers enter paper ballot sheets once voting has closed: one per form, or a CSV file of them. */
@Controller
@RequestMapping("/officer/budgets/{id}/paper")
class PaperSheetsController {

    /** A CSV of sheets may be at most this large (about half a million sheets). */
    static final long MAX_FILE = 10L * 1024 * 1024;

    private final BallotEditions editions;
    private final PaperSheets sheets;
    private final BudgetBallotBox box;

    PaperSheetsController(BallotEditions editions, PaperSheets sheets, BudgetBallotBox box) {
        this.editions = editions;
        this.sheets = sheets;
        this.box = box;
    }

    @GetMapping
    String sheet(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        BallotEdition edition = BallotForms.edition(editions, id);
        return page(edition, editions.offer(edition), BallotForms.blank(), List.of(), model, response);
    }

    @PostMapping
    String enter(@PathVariable("id") String id, HttpServletRequest request, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        BallotEdition edition = BallotForms.edition(editions, id);
        BallotOffer offer = editions.offer(edition);
        BallotOffer.Read read = offer.read(BallotForms.fields(request));
        PaperSheets.Entry entry = sheets.enter(BallotForms.signedIn().accountId(), edition, offer, read);
        if (entry instanceof PaperSheets.Entered) {
            redirect.addFlashAttribute("notice", "budgetBallots.paper.entered");
            return "redirect:/officer/budgets/" + edition.id() + "/paper";
        }
        if (entry instanceof PaperSheets.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(edition, offer, read.draft(), invalid.errors().stream().map(PaperSheets.LineError::violation).toList(),
                model, response);
        }
        return refused(edition, offer, (PaperSheets.Refused) entry, model, response);
    }

    @PostMapping("/import")
    String importFile(@PathVariable("id") String id, @RequestParam(name = "file", required = false) MultipartFile file,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        BallotEdition edition = BallotForms.edition(editions, id);
        BallotOffer offer = editions.offer(edition);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return importErrors(edition, offer, List.of(new PaperSheets.LineError(0, Violation.of("file", "csvMissing"))), false,
                model, response);
        }
        if (file.getSize() > MAX_FILE) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return importErrors(edition, offer, List.of(new PaperSheets.LineError(0, Violation.of("file", "csvTooLarge", 10))), false,
                model, response);
        }
        PaperSheets.Entry entry;
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            entry = sheets.importCsv(BallotForms.signedIn().accountId(), edition, offer, reader);
        }
        if (entry instanceof PaperSheets.Entered entered) {
            redirect.addFlashAttribute("notice", "budgetBallots.paper.imported");
            redirect.addFlashAttribute("noticeCount", entered.sheets());
            return "redirect:/officer/budgets/" + edition.id() + "/paper";
        }
        if (entry instanceof PaperSheets.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return importErrors(edition, offer, invalid.errors(), invalid.more(), model, response);
        }
        return refused(edition, offer, (PaperSheets.Refused) entry, model, response);
    }

    private String refused(BallotEdition edition, BallotOffer offer, PaperSheets.Refused refused, Model model,
                           HttpServletResponse response) {
        model.addAttribute("refusal", refused.reason().messageKey());
        String view = page(edition, offer, BallotForms.blank(), List.of(), model, response);
        response.setStatus(BallotForms.status(refused.reason()).value());
        return view;
    }

    private String importErrors(BallotEdition edition, BallotOffer offer, List<PaperSheets.LineError> errors, boolean more,
                                Model model, HttpServletResponse response) {
        model.addAttribute("importErrors", errors);
        model.addAttribute("moreErrors", more);
        return page(edition, offer, BallotForms.blank(), List.of(), model, response);
    }

    private String page(BallotEdition edition, BallotOffer offer, BallotOffer.Draft draft, List<Violation> violations, Model model,
                        HttpServletResponse response) {
        var refusal = sheets.refusal(edition);
        model.addAttribute("edition", edition);
        model.addAttribute("closedRefusal", refusal.map(CastBudgetBallot.Refusal::messageKey).orElse(null));
        model.addAttribute("canEnter", refusal.isEmpty());
        model.addAttribute("sheets", box.paperSheets(edition.id()));
        model.addAttribute("marked", box.markedForPaper(edition.id()));
        if (!model.containsAttribute("importErrors")) {
            model.addAttribute("importErrors", List.of());
            model.addAttribute("moreErrors", false);
        }
        BallotForms.describe(model, offer, offer.headings(), draft, violations);
        // on a sheet the officer says which heading it is for, whatever the edition's heading rule
        model.addAttribute("chooseOne", true);
        model.addAttribute("sheet", true);
        model.addAttribute("action", "/officer/budgets/" + edition.id() + "/paper");
        return "budgeting/ballots/paper";
    }
}
