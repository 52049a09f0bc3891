package org.baraza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.i18n.ResidentLanguage;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page's shell needs: the municipality, the language and its direction, the language menu, the
 * links of the account menu.
 */
@ControllerAdvice
class ShellModel {

    /** The language's own name, as a resident looks for it in the menu. */
    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
        "en", "English", "fr", "Français", "es", "Español", "pt", "Português", "sw", "Kiswahili", "ar", "العربية");

    /**
     * All of it in one method: Spring MVC builds a handler for each model-attribute method of an advice on
     * every request, annotations looked up afresh, and with one method per attribute that cost a vote request
     * more than the attributes themselves (BENCHMARKS.md). An attribute the model already holds (a flash
     * attribute, say) is left as it is, as separate {@code @ModelAttribute("name")} methods would.
     */
    @ModelAttribute
    void shell(HttpServletRequest request, Model model) {
        Municipality municipality = CurrentMunicipality.of(request).orElse(null);
        Locale locale = RequestContextUtils.getLocale(request);
        add(model, "municipality", municipality);
        add(model, "lang", locale.getLanguage());
        add(model, "dir", ResidentLanguage.direction(locale));
        add(model, "languages", municipality == null ? ResidentLanguage.SHIPPED : municipality.enabledLanguages());
        add(model, "currentPath", request.getRequestURI());
        add(model, "languageNames", LANGUAGE_NAMES);
        // the account menu's links for this visitor: the layout reads them instead of asking Spring Security itself
        add(model, "accountMenu", AccountMenu.of(SecurityContextHolder.getContext().getAuthentication()));
    }

    private static void add(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
