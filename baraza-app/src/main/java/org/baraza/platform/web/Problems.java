package org.baraza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.baraza.platform.i18n.ResidentLanguage;
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
 * Errors of the JSON API as RFC 9457 problem details ({@code application/problem+json}), with a
 * title and detail in the language the client asks for (Accept-Language, else the municipality's).
 * The content type is set here, so even a client that accepts only something else (a 406) can read why.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether a path belongs to the JSON API, whose errors are problem+json rather than pages. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /**
     * @param detailKey a message key for a detail more precise than the status's own, or null
     * @param instance the path the problem occurred at
     */
    public ResponseEntity<String> response(HttpServletRequest request, HttpStatus status, String detailKey, String instance,
                                           Object... detailArguments) {
        Locale locale = language(request);
        String kind = kind(status);
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("error." + kind + ".title", null, locale));
        problem.put("status", status.value());
        problem.put("detail", detailKey == null
            ? messages.getMessage("error." + kind + ".detail", null, locale)
            : messages.getMessage(detailKey, detailArguments, locale));
        if (instance != null) {
            problem.put("instance", instance);
        }
        return ResponseEntity.status(status)
            .contentType(PROBLEM_JSON)
            .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
            .cacheControl(CacheControl.noStore())
            .body(JSON.writeValueAsString(problem));
    }

    /** The first language of Accept-Language that Baraza ships; without one, the page language (cookie, then municipality). */
    public static Locale language(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted != null && !accepted.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accepted), ResidentLanguage.SHIPPED);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed Accept-Language is ignored, as if absent
            }
        }
        return RequestContextUtils.getLocale(request);
    }

    /** The message-key stem of a status; the same stems name the HTML error pages' texts. */
    static String kind(HttpStatus status) {
        return switch (status.value()) {
            case 401, 403 -> "forbidden";
            case 404 -> "notFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "notAcceptable";
            case 413 -> "tooLarge";
            case 415 -> "unsupportedMediaType";
            case 429 -> "tooManyRequests";
            default -> status.is5xxServerError() ? "server" : "badRequest";
        };
    }
}
