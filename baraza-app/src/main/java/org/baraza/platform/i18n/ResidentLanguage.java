package org.baraza.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a page is shown in: the one the resident chose (remembered in a cookie, and in
 * their account once signed in) if the municipality offers it, else the municipality's default.
 */
public class ResidentLanguage implements LocaleResolver {

    public static final String COOKIE = "baraza-lang";
    /** Every language Baraza ships; Arabic is laid out right to left. */
    public static final List<String> SHIPPED = List.of("en", "fr", "es", "pt", "sw", "ar");

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        Municipality municipality = CurrentMunicipality.of(request).orElse(null);
        String fromCookie = cookie(request);
        if (municipality == null) {
            if (fromCookie != null && SHIPPED.contains(fromCookie)) {
                return Locale.forLanguageTag(fromCookie);
            }
            Locale accepted = request.getLocale();
            return SHIPPED.contains(accepted.getLanguage()) ? Locale.forLanguageTag(accepted.getLanguage()) : Locale.ENGLISH;
        }
        if (fromCookie != null && municipality.offers(fromCookie)) {
            return Locale.forLanguageTag(fromCookie);
        }
        return municipality.defaultLocale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (locale == null || !SHIPPED.contains(locale.getLanguage())) {
            return;
        }
        Municipality municipality = CurrentMunicipality.of(request).orElse(null);
        if (municipality != null && !municipality.offers(locale.getLanguage())) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(COOKIE, locale);
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Text direction of a language, for the html element's dir attribute. */
    public static String direction(Locale locale) {
        return "ar".equals(locale.getLanguage()) ? "rtl" : "ltr";
    }
}
