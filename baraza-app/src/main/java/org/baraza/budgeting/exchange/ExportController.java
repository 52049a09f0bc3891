package org.baraza.budgeting.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.baraza.budgeting.results.Edition;
import org.baraza.budgeting.results.EditionIds;
import org.baraza.budgeting.results.EditionReader;
import org.baraza.budgeting.results.Heading;
import org.baraza.budgeting.results.VotingClosed;
import org.baraza.pb.Election;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of the anonymised ballots as pabulib files: for admins once voting has closed, for everyone once
 * results are published. With {@code heading} one {@code .pb} file, without it a zip of every heading's file.
 */
@Controller
class ExportController {

    private final EditionReader editions;
    private final BallotExport export;
    private final VotingClosed votingClosed;
    private final AuditTrail audit;

    ExportController(EditionReader editions, BallotExport export, VotingClosed votingClosed, AuditTrail audit) {
        this.editions = editions;
        this.export = export;
        this.votingClosed = votingClosed;
        this.audit = audit;
    }

    @GetMapping("/admin/budgets/{id}/export")
    void adminExport(@PathVariable("id") String id, @RequestParam(name = "heading", required = false) String heading,
                     HttpServletResponse response) throws IOException {
        Edition edition = edition(id);
        if (!votingClosed.of(edition)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        List<Heading> chosen = headings(edition, heading);
        long actor = SignedInAccount.current().orElseThrow().accountId();
        audit.record(edition.organization(), actor, "budget.ballots.exported", "budget_edition:" + edition.id(),
            Map.of("headings", Integer.toString(chosen.size())));
        write(edition, chosen, heading != null, response);
    }

    @GetMapping("/budgets/{id}/results/ballots")
    void publicExport(@PathVariable("id") String id, @RequestParam(name = "heading", required = false) String heading,
                      HttpServletResponse response) throws IOException {
        Edition edition = edition(id);
        if (!edition.published()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        write(edition, headings(edition, heading), heading != null, response);
    }

    private void write(Edition edition, List<Heading> headings, boolean single, HttpServletResponse response) throws IOException {
        Municipality municipality = CurrentMunicipality.get();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (single) {
            Heading heading = headings.get(0);
            Election election = export.election(municipality, edition, heading);
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(BallotExport.fileName(edition, heading)).build().toString());
            export.writePb(election, response.getOutputStream());
        } else {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("budget-" + edition.id() + "-ballots.zip").build().toString());
            export.writeZip(municipality, edition, headings, response.getOutputStream());
        }
    }

    private List<Heading> headings(Edition edition, String heading) {
        List<Heading> all = editions.headings(edition.organization(), edition.id());
        if (heading == null) {
            return all;
        }
        long wanted = EditionIds.parse(heading);
        return List.of(all.stream().filter(h -> h.id() == wanted).findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Edition edition(String id) {
        return editions.edition(CurrentMunicipality.id(), EditionIds.parse(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
