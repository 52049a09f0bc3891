package org.baraza.participation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Participation's JSON API errors that need a detail of their own (e.g. "results are published when the
 * consultation closes"), as RFC 9457 problem details in the client's language. Plain 404s and the like go
 * through the platform's error handling, which answers problem+json under /api already.
 */
@Component
public class ApiProblems {

    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "sw", "ar");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<String> problem(HttpServletRequest request, HttpStatus status, String titleKey, String detailKey) {
        Locale locale = language(request);
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(titleKey, null, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(detailKey, null, locale));
        problem.put("instance", request.getRequestURI());
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
            .cacheControl(CacheControl.noStore())
            .body(JSON.writeValueAsString(problem));
    }

    static Locale language(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted != null && !accepted.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accepted), LANGUAGES);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed Accept-Language is ignored, as if absent
            }
        }
        return RequestContextUtils.getLocale(request);
    }
}
