package org.baraza.budgeting.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.participation.ProcessId;
import org.baraza.participation.Processes;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's page to create an edition from a pabulib {@code .pb} file. */
@Controller
@RequestMapping("/admin/budgets/import")
class ImportPage {

    private final ImportEdition importer;
    private final ImportLimits limits;
    private final Processes processes;
    private final JdbcClient jdbc;

    ImportPage(ImportEdition importer, ImportLimits limits, Processes processes, JdbcClient jdbc) {
        this.importer = importer;
        this.limits = limits;
        this.processes = processes;
        this.jdbc = jdbc;
    }

    @GetMapping
    String form(Model model) {
        return page(model, "", null, null);
    }

    @PostMapping
    String upload(@RequestParam(name = "process", required = false) String process,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        String processText = process == null ? "" : process.strip();
        ProcessId processId = processId(processText);
        if (processId == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, processText, "process", new ImportRefusal("budgetResults.import.error.process"));
        }
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, processText, "file", new ImportRefusal("budgetResults.import.error.file"));
        }
        OrganizationId organization = CurrentMunicipality.id();
        long actor = SignedInAccount.current().orElseThrow().accountId();
        ImportEdition.Result result = importer.importFile(organization, actor, processId, new ImportEdition.Upload() {
            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }

            @Override
            public String name() {
                return file.getOriginalFilename();
            }
        });
        if (result instanceof ImportEdition.Refused refused) {
            String key = refused.refusal().messageKey();
            response.setStatus(switch (key) {
                case "budgetResults.import.refused.hasEdition" -> HttpStatus.CONFLICT.value();
                case "budgetResults.import.refused.tooManyBallots" -> HttpStatus.PAYLOAD_TOO_LARGE.value();
                default -> HttpStatus.BAD_REQUEST.value();
            });
            boolean aboutProcess = key.endsWith(".process") || key.endsWith(".hasEdition");
            return page(model, processText, aboutProcess ? "process" : "file", refused.refusal());
        }
        ImportedEdition created = ((ImportEdition.Created) result).edition();
        redirect.addFlashAttribute("notice", "budgetResults.import.done");
        redirect.addFlashAttribute("noticeArguments", new Object[] {created.projects(), created.ballots()});
        return "redirect:/admin/budgets/" + created.editionId() + "/results";
    }

    private String page(Model model, String process, String field, ImportRefusal error) {
        model.addAttribute("process", process);
        model.addAttribute("errorField", field);
        model.addAttribute("error", error);
        model.addAttribute("maxBallots", limits.maxBallots());
        model.addAttribute("maxProjects", limits.maxProjects());
        model.addAttribute("processChoices", freeProcesses(CurrentMunicipality.id()));
        return "budgeting/exchange/import";
    }

    /** The published processes an edition can still be imported into: those without one. */
    private Map<ProcessId, String> freeProcesses(OrganizationId organization) {
        Map<ProcessId, String> free = new LinkedHashMap<>(processes.titles(organization));
        free.keySet().removeAll(jdbc.sql("SELECT process_id FROM budget_edition WHERE organization_id = :org")
            .param("org", organization.value()).query((rs, row) -> new ProcessId(rs.getLong(1))).set());
        return free;
    }

    private static ProcessId processId(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long id = Long.parseLong(text);
        return id > 0 ? new ProcessId(id) : null;
    }
}
