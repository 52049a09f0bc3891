package org.baraza.platform.verification;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.Role;
import org.baraza.platform.SignedInAccount;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Receives census uploads. The application's multipart limit (20 MB) suits photos, not a census of a
 * million people, so the census has a servlet of its own with its own limit ({@link CensusLimits}). It
 * streams the file into {@link ImportCensus}, then forwards to {@link CensusPage} to show the report in
 * the shell, with the status that fits (200, 413 too large, 422 refused, 400 unreadable).
 *
 * <p>The form carries its CSRF token in the URL as well as in the body: when an upload is over the
 * limit the body is never parsed, and the token must still be found so the person sees "too large"
 * rather than "forbidden".
 */
@Configuration(proxyBeanMethods = false)
class CensusUpload {

    static final String PATH = "/admin/census/upload";
    static final String REPORT = CensusUpload.class.getName() + ".report";
    static final String STATUS = CensusUpload.class.getName() + ".status";
    /** The form field of the file. */
    static final String FILE = "census";
    /** Room for the form's other fields and the multipart framing around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** An over-limit body is read to its end, up to this much, so the browser can read the answer. */
    private static final long DRAIN_LIMIT = 512L * 1024 * 1024;

    @Bean
    ServletRegistrationBean<HttpServlet> censusUploadServlet(ImportCensus importCensus, CensusLimits limits) {
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(new Servlet(importCensus, limits), PATH);
        registration.setName("censusUpload");
        long max = limits.maxFileSize().toBytes();
        registration.setMultipartConfig(new MultipartConfigElement("", max, max + FORM_OVERHEAD, 1024 * 1024));
        return registration;
    }

    private static final class Servlet extends HttpServlet {

        private final transient ImportCensus importCensus;
        private final transient CensusLimits limits;

        Servlet(ImportCensus importCensus, CensusLimits limits) {
            this.importCensus = importCensus;
            this.limits = limits;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            Optional<Municipality> municipality = CurrentMunicipality.of(request);
            Optional<SignedInAccount> admin = SignedInAccount.current();
            if (municipality.isEmpty() || admin.isEmpty() || !admin.get().has(Role.ADMIN)
                || !admin.get().organization().equals(municipality.get().id())) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            ImportMode mode = mode(request.getParameter("mode"));
            long maxBytes = limits.maxFileSize().toBytes();
            if (request.getContentLengthLong() > maxBytes + FORM_OVERHEAD) {
                drain(request);
                tooLarge(request, response, mode, maxBytes);
                return;
            }
            Part part;
            try {
                part = request.getPart(FILE);
            } catch (IllegalStateException tooLarge) {
                drain(request);
                tooLarge(request, response, mode, maxBytes);
                return;
            } catch (IOException | ServletException unreadable) {
                show(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    CensusImportReport.refused(mode, CensusProblem.atLine(0, CensusProblem.Kind.UNREADABLE_UPLOAD)));
                return;
            }
            if (part == null || (part.getSize() == 0 && (part.getSubmittedFileName() == null || part.getSubmittedFileName().isEmpty()))) {
                show(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    CensusImportReport.refused(mode, CensusProblem.atLine(0, CensusProblem.Kind.NO_FILE)));
                return;
            }
            CensusImportReport report;
            try (InputStream file = part.getInputStream()) {
                report = importCensus.importFile(municipality.get(), admin.get().accountId(), file, mode);
            } finally {
                part.delete();
            }
            int status = report.imported() ? HttpServletResponse.SC_OK
                : tooLarge(report) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 422;
            show(request, response, status, report);
        }

        private static boolean tooLarge(CensusImportReport report) {
            return report.problems().stream().anyMatch(p -> p.kind() == CensusProblem.Kind.FILE_TOO_LARGE);
        }

        private void tooLarge(HttpServletRequest request, HttpServletResponse response, ImportMode mode, long maxBytes)
            throws ServletException, IOException {
            show(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, CensusImportReport.refused(mode,
                new CensusProblem(0, CensusProblem.Kind.FILE_TOO_LARGE, null, maxBytes)));
        }

        private static ImportMode mode(String value) {
            return "add".equals(value == null ? null : value.toLowerCase(Locale.ROOT)) ? ImportMode.ADD : ImportMode.REPLACE;
        }

        /** Reads what is left of an over-limit body, so the answer reaches a browser that is still sending. */
        private static void drain(HttpServletRequest request) {
            try (InputStream body = request.getInputStream()) {
                byte[] skip = new byte[64 * 1024];
                long total = 0;
                int read;
                while (total < DRAIN_LIMIT && (read = body.read(skip)) > 0) {
                    total += read;
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away or the body was consumed already: nothing more to read
            }
        }

        /** Hands the report to the census page, hiding the multipart body so Spring MVC does not parse it again. */
        private static void show(HttpServletRequest request, HttpServletResponse response, int status, CensusImportReport report)
            throws ServletException, IOException {
            request.setAttribute(REPORT, report);
            request.setAttribute(STATUS, status);
            HttpServletRequest plain = new HttpServletRequestWrapper(request) {
                @Override
                public String getContentType() {
                    return null;
                }

                @Override
                public String getHeader(String name) {
                    return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
                }
            };
            request.getRequestDispatcher(CensusPage.REPORT_PATH).forward(plain, response);
        }
    }
}
