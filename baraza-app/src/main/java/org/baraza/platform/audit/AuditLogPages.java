package org.baraza.platform.audit;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log as admins read it: a municipality's chain for its admins, the platform's chain for
 * platform admins; newest first, a page at a time, with a button that verifies the whole chain.
 * Verifying only reads, so it is a plain link (GET) and works without JavaScript.
 */
@Controller
class AuditLogPages {

    static final int PAGE_SIZE = 50;

    private final AuditEntries entries;
    private final AuditChainVerifier verifier;

    AuditLogPages(AuditEntries entries, AuditChainVerifier verifier) {
        this.entries = entries;
        this.verifier = verifier;
    }

    @GetMapping("/admin/audit")
    String municipality(@RequestParam(name = "before", required = false) Long before, Model model) {
        Municipality municipality = CurrentMunicipality.get();
        return page(municipality.id().value(), "/admin/audit", "audit.title", municipality.timeZone(), before, model);
    }

    @GetMapping("/admin/audit/verification")
    String verifyMunicipality(Model model) {
        Municipality municipality = CurrentMunicipality.get();
        model.addAttribute("check", verifier.verify(municipality.id()));
        return page(municipality.id().value(), "/admin/audit", "audit.title", municipality.timeZone(), null, model);
    }

    @GetMapping("/platform/audit")
    String platform(@RequestParam(name = "before", required = false) Long before, Model model) {
        return page(null, "/platform/audit", "audit.platform.title", ZoneOffset.UTC, before, model);
    }

    @GetMapping("/platform/audit/verification")
    String verifyPlatform(Model model) {
        model.addAttribute("check", verifier.verify((Long) null));
        return page(null, "/platform/audit", "audit.platform.title", ZoneOffset.UTC, null, model);
    }

    private String page(Long organization, String path, String titleKey, ZoneId zone, Long before, Model model) {
        model.addAttribute("page", entries.page(organization, before != null && before > 0 ? before : null, PAGE_SIZE));
        model.addAttribute("firstPage", before == null);
        model.addAttribute("basePath", path);
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("zone", zone);
        return "audit/log";
    }
}
