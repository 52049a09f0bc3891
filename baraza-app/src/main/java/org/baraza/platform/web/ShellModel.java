package org.baraza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.i18n.ResidentLanguage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every page's shell needs: the municipality, the language and its direction, the language menu. */
@ControllerAdvice
class ShellModel {

    @ModelAttribute("municipality")
    Municipality municipality(HttpServletRequest request) {
        return CurrentMunicipality.of(request).orElse(null);
    }

    @ModelAttribute("lang")
    String lang(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request).getLanguage();
    }

    @ModelAttribute("dir")
    String dir(HttpServletRequest request) {
        return ResidentLanguage.direction(RequestContextUtils.getLocale(request));
    }

    @ModelAttribute("languages")
    List<String> languages(HttpServletRequest request) {
        return CurrentMunicipality.of(request).map(Municipality::enabledLanguages).orElse(ResidentLanguage.SHIPPED);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The language's own name, as a resident looks for it in the menu. */
    @ModelAttribute("languageNames")
    java.util.Map<String, String> languageNames() {
        return LANGUAGE_NAMES;
    }

    private static final java.util.Map<String, String> LANGUAGE_NAMES = java.util.Map.of(
        "en", "English", "fr", "Français", "es", "Español", "pt", "Português", "sw", "Kiswahili", "ar", "العربية");

    static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
