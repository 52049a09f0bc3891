package org.baraza.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the servlet container forwards here gets an answer in the resident's language: a
 * page in the shell for people, problem+json under /api for programs. It replaces Spring Boot's
 * Whitelabel page, which is English-only and shows internals.
 */
@Controller
class ErrorPages implements ErrorController {

    /** The statuses with a page of their own; any other 4xx shows the 400 page, any 5xx the 500 page. */
    private static final Set<Integer> PAGES = Set.of(400, 403, 404, 405, 413, 429, 500);

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path == null) {
            path = request.getRequestURI();
        }
        if (Problems.isApi(path)) {
            return problems.response(request, HttpStatus.valueOf(status), null, path);
        }
        response.setStatus(status);
        int page = PAGES.contains(status) ? status : status >= 500 ? 500 : 400;
        // the language menu must link to the page that failed, not to /error
        return new ModelAndView("error/" + page, Map.of("currentPath", path, "status", status), HttpStatus.valueOf(status));
    }

    /**
     * The status to answer with. An exception that escaped a filter (an upload over the limit, a
     * malformed multipart body) arrives as a 500 but is the client's doing, so it answers 4xx.
     */
    static int status(HttpServletRequest request) {
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException || cause.getClass().getName().endsWith("SizeLimitExceededException")
                || cause.getClass().getName().endsWith("FileSizeLimitExceededException")) {
                return HttpStatus.PAYLOAD_TOO_LARGE.value();
            }
            if (cause instanceof MultipartException) {
                return HttpStatus.BAD_REQUEST.value();
            }
            if (cause instanceof ResponseStatusException statusException) {
                return statusException.getStatusCode().value();
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value <= 599 && HttpStatus.resolve(value) != null) {
            return value;
        }
        // /error asked for directly: there is nothing here
        return HttpStatus.NOT_FOUND.value();
    }
}
