package org.baraza.platform.verification;

import jakarta.servlet.FilterChain;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives census uploads. The application's multipart limit (20 MB) suits photos, not a census of a
 * million people, so the census has a servlet of its own with its own limit ({@link CensusLimits}). It
 * streams the file into {@link ImportCensus}, then forwards to {@link CensusPage} to show the report in
 * the shell, with the status that fits (200, 413 too large, 422 refused, 400 unreadable).
 *
 * <p>An upload that declares more than the limit is read to its end and discarded (up to
 * {@link #DRAIN_LIMIT}) before anything answers, so a browser still sending gets the answer rather than
 * a reset connection. A filter does it ahead of the others, since the application's generic upload
 * check would otherwise answer first, with its own 20 MB limit. The form carries its CSRF token in the
 * URL as well as in the body: the body of an upload over the limit is never parsed, and the token must
 * still be found so the person sees "too large" rather than "forbidden".
 */
@Configuration(proxyBeanMethods = false)
class CensusUpload {

    private static final Logger log = LoggerFactory.getLogger(CensusUpload.class);

    static final String PATH = "/admin/census/upload";
    static final String REPORT = CensusUpload.class.getName() + ".report";
    static final String STATUS = CensusUpload.class.getName() + ".status";
    /** Set on a request whose body was over the limit and has been discarded. */
    static final String OVER_LIMIT = CensusUpload.class.getName() + ".overLimit";
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

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> censusUploadLimit(CensusLimits limits) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OverLimitFilter(limits));
        registration.addUrlPatterns(PATH);
        registration.setName("censusUploadLimit");
        // after the tenancy filter, before the generic upload limit and Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
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
            if (request.getAttribute(OVER_LIMIT) != null) {
                tooLarge(request, response, ImportMode.REPLACE);
                return;
            }
            ImportMode mode = mode(request.getParameter("mode"));
            Part part;
            try {
                part = request.getPart(FILE);
            } catch (IllegalStateException overLimit) {
                tooLarge(request, response, mode);
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
            boolean tooLarge = report.problems().stream().anyMatch(p -> p.kind() == CensusProblem.Kind.FILE_TOO_LARGE);
            show(request, response, report.imported() ? HttpServletResponse.SC_OK
                : tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 422, report);
        }

        private void tooLarge(HttpServletRequest request, HttpServletResponse response, ImportMode mode)
            throws ServletException, IOException {
            show(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, CensusImportReport.refused(mode,
                new CensusProblem(0, CensusProblem.Kind.FILE_TOO_LARGE, null, limits.maxFileSize().toBytes())));
        }

        private static ImportMode mode(String value) {
            return "add".equals(value == null ? null : value.toLowerCase(Locale.ROOT)) ? ImportMode.ADD : ImportMode.REPLACE;
        }

        /** Hands the report to the census page, hiding the multipart body so Spring MVC does not parse it again. */
        private static void show(HttpServletRequest request, HttpServletResponse response, int status, CensusImportReport report)
            throws ServletException, IOException {
            request.setAttribute(REPORT, report);
            request.setAttribute(STATUS, status);
            request.getRequestDispatcher(CensusPage.REPORT_PATH).forward(new WithoutBody(request), response);
        }
    }

    /**
     * Discards the body of an upload that declares more than the limit, then lets the request go on as a
     * body-less one, marked {@link #OVER_LIMIT}, for the servlet to answer "too large" in the shell.
     */
    private static final class OverLimitFilter extends OncePerRequestFilter {

        private final CensusLimits limits;

        OverLimitFilter(CensusLimits limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            if (!"POST".equals(request.getMethod())
                || request.getContentLengthLong() <= limits.maxFileSize().toBytes() + FORM_OVERHEAD) {
                chain.doFilter(request, response);
                return;
            }
            long discarded = 0;
            try (InputStream body = request.getInputStream()) {
                byte[] skip = new byte[64 * 1024];
                int read;
                while (discarded < DRAIN_LIMIT && (read = body.read(skip)) >= 0) {
                    discarded += read;
                }
            } catch (IOException clientGone) {
                log.info("census upload over the limit: the client went away after {} bytes", discarded);
            }
            request.setAttribute(OVER_LIMIT, Boolean.TRUE);
            chain.doFilter(new WithoutBody(request), response);
        }
    }

    /** A request whose body is consumed or already read: it no longer claims one, so nothing parses it again. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}
