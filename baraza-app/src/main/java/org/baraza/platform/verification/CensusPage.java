package org.baraza.platform.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The admin's census page: what the census holds, the upload form, and the report of the last upload
 * (which {@link CensusUpload} forwards here).
 */
@Controller
@RequestMapping("/admin/census")
class CensusPage {

    static final String REPORT_PATH = "/admin/census/report";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CensusOverview overview;
    private final DistrictsAndDepartments districts;
    private final CensusLimits limits;
    private final MessageSource messages;

    CensusPage(CensusOverview overview, DistrictsAndDepartments districts, CensusLimits limits, MessageSource messages) {
        this.overview = overview;
        this.districts = districts;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("mode", ImportMode.REPLACE.name());
        return page(model);
    }

    /** Reached only by the upload's forward; anyone else is sent to the page itself. */
    @PostMapping("/report")
    String report(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        if (!(request.getAttribute(CensusUpload.REPORT) instanceof CensusImportReport report)) {
            return "redirect:/admin/census";
        }
        response.setStatus((Integer) request.getAttribute(CensusUpload.STATUS));
        model.addAttribute("report", report);
        model.addAttribute("mode", report.mode().name());
        model.addAttribute("problems", report.problems().stream().map(problem -> describe(problem, locale)).toList());
        return page(model);
    }

    private String page(Model model) {
        Municipality municipality = CurrentMunicipality.get();
        CensusOverview.Summary census = overview.of(municipality.id());
        model.addAttribute("census", census);
        census.lastImport().ifPresent(last -> {
            model.addAttribute("lastImportAt", MINUTES.format(last.at().atZone(municipality.timeZone())));
            model.addAttribute("lastImportModeKey", "census.upload.mode." + last.mode().name());
        });
        model.addAttribute("districts", districts.districts(CurrentMunicipality.id()));
        model.addAttribute("uploadPath", CensusUpload.PATH);
        model.addAttribute("maxFileSize", megabytes(limits.maxFileSize()));
        model.addAttribute("maxRows", limits.maxRows());
        return "verification/census";
    }

    /** A problem in words: the line, the column's name (translated) and what is wrong; never the cell. */
    String describe(CensusProblem problem, Locale locale) {
        String column = problem.column() == null ? ""
            : messages.getMessage("census.column." + problem.column(), null, locale);
        Object detail = problem.kind() == CensusProblem.Kind.FILE_TOO_LARGE
            ? megabytes(DataSize.ofBytes(problem.detail())) : problem.detail();
        String what = messages.getMessage(problem.messageKey(), new Object[] {column, detail}, locale);
        if (problem.line() <= 0) {
            return what;
        }
        String line = NumberFormat.getIntegerInstance(locale).format(problem.line());
        return messages.getMessage("census.problem.atLine", new Object[] {line, what}, locale);
    }

    private static long megabytes(DataSize size) {
        return size.toMegabytes();
    }

}
