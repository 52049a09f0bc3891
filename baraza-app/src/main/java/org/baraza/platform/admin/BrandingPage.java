package org.baraza.platform.admin;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.i18n.ResidentLanguage;
import org.baraza.platform.tenancy.Municipalities;
import org.baraza.platform.tenancy.Refusal;
import org.baraza.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The municipality's name, colour, logo and languages, as its admins set them. */
@Controller
@RequestMapping("/admin/municipality")
class BrandingPage {

    private final Municipalities municipalities;
    private final MessageSource messages;

    BrandingPage(Municipalities municipalities, MessageSource messages) {
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        Admin.current();
        return page(model, BrandingForm.of(CurrentMunicipality.get()), FormErrors.none());
    }

    @PostMapping
    String save(@Valid BrandingForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Admin admin = Admin.current();
        Municipality current = CurrentMunicipality.get();
        FormErrors errors = new FormErrors(messages).add(binding);
        Municipalities.Settings settings = form.settings(current, errors);
        if (settings != null) {
            municipalities.configure(admin.organization(), settings, null, admin.accountId()).ifPresent(errors::add);
        }
        if (errors.any()) {
            return page(model, form, errors.rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("admin.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/municipality";
    }

    @PostMapping("/logo")
    String changeLogo(@RequestParam(name = "logo", required = false) MultipartFile logo, Model model,
                      RedirectAttributes redirect) throws IOException {
        Admin admin = Admin.current();
        byte[] bytes = logo == null ? new byte[0] : logo.getBytes();
        Optional<Refusal> refusal = municipalities.changeLogo(admin.organization(), bytes, admin.accountId());
        if (refusal.isPresent()) {
            return page(model, BrandingForm.of(CurrentMunicipality.get()), new FormErrors(messages).add(refusal.get()).rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("municipality.logo.changed", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/municipality";
    }

    @PostMapping("/logo/remove")
    String removeLogo(RedirectAttributes redirect) {
        Admin admin = Admin.current();
        municipalities.removeLogo(admin.organization(), admin.accountId());
        redirect.addFlashAttribute("notice", messages.getMessage("municipality.logo.removed", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/municipality";
    }

    private static String page(Model model, BrandingForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("shippedLanguages", ResidentLanguage.SHIPPED);
        return "admin/municipality";
    }
}
