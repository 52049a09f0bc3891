package org.baraza.platform.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.District;
import org.baraza.platform.tenancy.DistrictGeoJson;
import org.baraza.platform.tenancy.DistrictRegister;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.baraza.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The municipality's districts: listed, imported from a GeoJSON file (all or nothing, with the
 * first problems by feature number), downloaded as GeoJSON, renamed and removed.
 */
@Controller
@RequestMapping("/admin/districts")
class DistrictsPage {

    private final DistrictsAndDepartments districtsAndDepartments;
    private final DistrictRegister register;
    private final MessageSource messages;

    DistrictsPage(DistrictsAndDepartments districtsAndDepartments, DistrictRegister register, MessageSource messages) {
        this.districtsAndDepartments = districtsAndDepartments;
        this.register = register;
        this.messages = messages;
    }

    /** A district's code and name as edited. */
    record DistrictForm(@Size(max = 40, message = "{district.code.invalid}") String code,
                        @Size(max = 200, message = "{district.name.tooLong}") String name) {
    }

    /** One problem of a refused import, translated, for the report. */
    record ReportLine(int feature, String message) {
    }

    @GetMapping
    String list(Model model) {
        Admin.current();
        return list(model, FormErrors.none(), List.of(), false);
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect) throws IOException {
        Admin admin = Admin.current();
        FormErrors errors = new FormErrors(messages);
        if (file == null || file.isEmpty()) {
            return list(model, errors.add("file", "districts.import.noFile").rejected(), List.of(), false);
        }
        if (file.getSize() > DistrictRegister.MAX_FILE_BYTES) {
            return list(model, errors.add("file", "districts.import.fileTooLarge", DistrictRegister.MAX_FILE_BYTES / (1024 * 1024))
                .rejected(), List.of(), false);
        }
        DistrictRegister.ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = register.importGeoJson(admin.organization(), in, admin.accountId());
        }
        if (!result.imported()) {
            Locale locale = LocaleContextHolder.getLocale();
            List<ReportLine> report = result.problems().stream()
                .map(problem -> new ReportLine(problem.feature(),
                    messages.getMessage(problem.messageKey(), problem.argumentArray(), locale)))
                .toList();
            errors.add("file", "districts.import.refused");
            model.addAttribute("importRefused", true);
            return list(model, errors.rejected(), report, result.moreProblems());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("districts.import.done",
            new Object[] {result.added(), result.replaced()}, LocaleContextHolder.getLocale()));
        return "redirect:/admin/districts";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        Admin admin = Admin.current();
        byte[] body = DistrictGeoJson.featureCollection(districtsAndDepartments.districts(admin.organization()));
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType("application/geo+json"))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(CurrentMunicipality.get().slug() + "-districts.geojson").build().toString())
            .body(body);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Admin admin = Admin.current();
        District district = find(admin, id);
        return edit(model, district, new DistrictForm(district.code(), district.name()), FormErrors.none());
    }

    @PostMapping("/{id}")
    String rename(@PathVariable long id, @Valid DistrictForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Admin admin = Admin.current();
        District district = find(admin, id);
        FormErrors errors = new FormErrors(messages).add(binding);
        if (!errors.any()) {
            register.rename(admin.organization(), id, form.code(), form.name(), admin.accountId()).ifPresent(errors::add);
        }
        if (errors.any()) {
            return edit(model, district, form, errors.rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("admin.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/districts";
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        Admin admin = Admin.current();
        District district = find(admin, id);
        register.remove(admin.organization(), id, admin.accountId());
        redirect.addFlashAttribute("notice", messages.getMessage("district.removed", new Object[] {district.name()},
            LocaleContextHolder.getLocale()));
        return "redirect:/admin/districts";
    }

    private String list(Model model, Map<String, String> errors, List<ReportLine> report, boolean moreProblems) {
        model.addAttribute("districts", districtsAndDepartments.districts(CurrentMunicipality.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("report", report);
        model.addAttribute("moreProblems", moreProblems);
        model.addAttribute("maxMegabytes", DistrictRegister.MAX_FILE_BYTES / (1024 * 1024));
        return "admin/districts";
    }

    private static String edit(Model model, District district, DistrictForm form, Map<String, String> errors) {
        model.addAttribute("district", district);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/district";
    }

    private District find(Admin admin, long id) {
        return districtsAndDepartments.district(admin.organization(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
