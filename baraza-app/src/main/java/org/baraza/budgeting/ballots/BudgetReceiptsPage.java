package org.baraza.budgeting.ballots;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public receipt check of an edition and its list of receipt fingerprints. The check works at any
 * time (it says only whether a ballot with that receipt is in the box, never what it says); the list is
 * published once voting has closed, because a list that changes while people vote would let someone
 * watching a voter see which fingerprint appeared or vanished. The code travels in a form's body, never
 * in a URL or an access log.
 */
@Controller
class BudgetReceiptsPage {

    static final int PAGE_SIZE = 500;

    private final BallotEditions editions;
    private final BudgetBallotBox box;
    private final CastBudgetBallot cast;

    BudgetReceiptsPage(BallotEditions editions, BudgetBallotBox box, CastBudgetBallot cast) {
        this.editions = editions;
        this.box = box;
        this.cast = cast;
    }

    @GetMapping("/budgets/{id}/receipts")
    String list(@PathVariable("id") String id, @RequestParam(name = "page", required = false) String page, Model model) {
        BallotEdition edition = published(id);
        Long number = page == null ? Long.valueOf(1) : BallotOffer.number(page);
        return page(edition, number == null || number > 1_000_000 ? 1 : number.intValue(), model);
    }

    @PostMapping("/budgets/{id}/receipts")
    String check(@PathVariable("id") String id, @RequestParam(name = "code", required = false) String code, Model model,
                 HttpServletResponse response) {
        BallotEdition edition = published(id);
        BudgetReceipt receipt = BudgetReceipt.typed(code);
        if (receipt == null) {
            model.addAttribute("violations", List.of(Violation.of("code", "receiptUnreadable")));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            byte[] hash = receipt.ballotHash(edition.id());
            model.addAttribute("checked", box.holdsReceipt(edition.id(), hash) ? "counted" : "notFound");
            model.addAttribute("checkedFingerprint", BudgetReceipt.fingerprint(hash));
        }
        return page(edition, 1, model);
    }

    private BallotEdition published(String id) {
        BallotEdition edition = BallotForms.edition(editions, id);
        if (!cast.published(edition)) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return edition;
    }

    private String page(BallotEdition edition, int page, Model model) {
        boolean published = cast.votingClosed(edition);
        model.addAttribute("edition", edition);
        model.addAttribute("published", published);
        if (!model.containsAttribute("violations")) {
            model.addAttribute("violations", List.of());
        }
        if (published) {
            long total = box.receiptCount(edition.id());
            long lastPage = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int shown = (int) Math.min(page, lastPage);
            model.addAttribute("fingerprints", box.receipts(edition.id(), PAGE_SIZE, (long) (shown - 1) * PAGE_SIZE).stream()
                .map(BudgetReceipt::fingerprint).toList());
            model.addAttribute("total", total);
            model.addAttribute("page", shown);
            model.addAttribute("lastPage", lastPage);
            model.addAttribute("paperSheets", box.paperSheets(edition.id()));
        }
        return "budgeting/ballots/receipts";
    }

    /**
     * The same list as JSON with the full hashes, so that anyone can check a code offline: SHA-256 of
     * "baraza-budget-receipt:" + edition + ":" + the code in capitals without dashes. Published once voting
     * has closed (409 before), in hash order, a page at a time.
     */
    @RestController
    @RequestMapping(value = "/api/v1/budgets/{id}/receipts", produces = "application/json")
    static class Api {

        static final int MAX_SIZE = 1000;

        record ReceiptPageJson(long edition, String hashInput, List<String> receiptHashes, long page, int size, long total,
                               long paperSheets) {
        }

        private final BallotEditions editions;
        private final BudgetBallotBox box;
        private final CastBudgetBallot cast;

        Api(BallotEditions editions, BudgetBallotBox box, CastBudgetBallot cast) {
            this.editions = editions;
            this.box = box;
            this.cast = cast;
        }

        @GetMapping
        ReceiptPageJson list(@PathVariable("id") String id, @RequestParam(name = "page", required = false) String page,
                             @RequestParam(name = "size", required = false) String size) {
            BallotEdition edition = BallotForms.edition(editions, id);
            if (!cast.published(edition)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            if (!cast.votingClosed(edition)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "published when voting closes");
            }
            Long number = page == null ? Long.valueOf(1) : BallotOffer.number(page);
            Long wanted = size == null ? Long.valueOf(PAGE_SIZE) : BallotOffer.number(size);
            if (number == null || wanted == null || number > 1_000_000) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page and size are positive whole numbers");
            }
            int pageSize = (int) Math.min(wanted, MAX_SIZE);
            List<String> hashes = box.receipts(edition.id(), pageSize, (number - 1) * pageSize).stream()
                .map(hash -> HexFormat.of().formatHex(hash)).toList();
            return new ReceiptPageJson(edition.id(),
                "SHA-256 of \"baraza-budget-receipt:" + edition.id() + ":\" + the code in capitals without dashes", hashes, number,
                pageSize, box.receiptCount(edition.id()), box.paperSheets(edition.id()));
        }
    }
}
