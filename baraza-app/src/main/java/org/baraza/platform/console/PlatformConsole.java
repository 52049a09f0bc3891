package org.baraza.platform.console;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.RoleAssignments;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.i18n.ResidentLanguage;
import org.baraza.platform.tenancy.Municipalities;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.baraza.platform.tenancy.Refusal;
import org.baraza.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operator's console: every municipality this installation hosts, created and
 * configured here (name, hosts, languages, time zone, branding). Only platform admins reach it.
 */
@Controller
@RequestMapping("/platform")
class PlatformConsole {

    private final MunicipalityDirectory directory;
    private final Municipalities municipalities;
    private final AccountDirectory accounts;
    private final RoleAssignments roles;
    private final MessageSource messages;

    PlatformConsole(MunicipalityDirectory directory, Municipalities municipalities, AccountDirectory accounts,
                    RoleAssignments roles, MessageSource messages) {
        this.directory = directory;
        this.municipalities = municipalities;
        this.accounts = accounts;
        this.roles = roles;
        this.messages = messages;
    }

    /** A municipality as listed: with the host names it answers at. */
    record Row(Municipality municipality, List<String> hosts) {
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("rows", directory.all().stream()
            .map(municipality -> new Row(municipality, municipalities.hosts(municipality.id()))).toList());
        return "console/index";
    }

    @GetMapping("/municipalities/new")
    String newMunicipality(Model model) {
        return form(model, MunicipalityForm.blank(), null, FormErrors.none());
    }

    @PostMapping("/municipalities")
    String create(@Valid MunicipalityForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages).add(binding);
        Municipalities.Settings settings = form.settings(errors, true);
        if (errors.any()) {
            return form(model, form, null, errors.rejected());
        }
        Municipalities.Created created = municipalities.create(form.slug() == null ? "" : form.slug().trim(), settings,
            form.hostNames().hosts(), actor());
        if (created.refusal().isPresent()) {
            return form(model, form, null, errors.add(created.refusal().get()).rejected());
        }
        OrganizationId id = created.id().orElseThrow();
        redirect.addFlashAttribute("notice", messages.getMessage("console.created", new Object[] {settings.name()},
            LocaleContextHolder.getLocale()));
        return "redirect:/platform/municipalities/" + id.value();
    }

    @GetMapping("/municipalities/{id}")
    String edit(@PathVariable long id, Model model) {
        Municipality municipality = find(id);
        return form(model, MunicipalityForm.of(municipality, municipalities.hosts(municipality.id())), municipality,
            FormErrors.none());
    }

    @PostMapping("/municipalities/{id}")
    String update(@PathVariable long id, @Valid MunicipalityForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Municipality municipality = find(id);
        FormErrors errors = new FormErrors(messages).add(binding);
        Municipalities.Settings settings = form.settings(errors, false);
        if (errors.any()) {
            return form(model, form, municipality, errors.rejected());
        }
        Optional<Refusal> refusal = municipalities.configure(municipality.id(), settings, form.hostNames().hosts(), actor());
        if (refusal.isPresent()) {
            return form(model, form, municipality, errors.add(refusal.get()).rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("console.saved", null,
            LocaleContextHolder.getLocale()));
        return "redirect:/platform/municipalities/" + id;
    }

    @PostMapping("/municipalities/{id}/logo")
    String changeLogo(@PathVariable long id, @RequestParam(name = "logo", required = false) MultipartFile logo, Model model,
                      RedirectAttributes redirect) throws IOException {
        Municipality municipality = find(id);
        byte[] bytes = logo == null ? new byte[0] : logo.getBytes();
        Optional<Refusal> refusal = municipalities.changeLogo(municipality.id(), bytes, actor());
        if (refusal.isPresent()) {
            return form(model, MunicipalityForm.of(municipality, municipalities.hosts(municipality.id())), municipality,
                new FormErrors(messages).add(refusal.get()).rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("municipality.logo.changed", null,
            LocaleContextHolder.getLocale()));
        return "redirect:/platform/municipalities/" + id;
    }

    @PostMapping("/municipalities/{id}/logo/remove")
    String removeLogo(@PathVariable long id, RedirectAttributes redirect) {
        Municipality municipality = find(id);
        municipalities.removeLogo(municipality.id(), actor());
        redirect.addFlashAttribute("notice", messages.getMessage("municipality.logo.removed", null,
            LocaleContextHolder.getLocale()));
        return "redirect:/platform/municipalities/" + id;
    }

    /**
     * Makes a person an administrator of a municipality: how a new municipality gets its first
     * admin. They register at the municipality's own host first (accounts belong to one
     * municipality); the operator then finds them by login here. Audited by {@link RoleAssignments}.
     */
    @PostMapping("/municipalities/{id}/admins")
    String makeAdmin(@PathVariable long id, @RequestParam(name = "login", required = false) String login, Model model,
                     RedirectAttributes redirect) {
        Municipality municipality = find(id);
        FormErrors errors = new FormErrors(messages);
        Optional<AccountDirectory.AccountSummary> account = login == null || login.isBlank() || login.length() > 254
            ? Optional.empty() : accounts.findByLogin(municipality.id(), login.trim());
        if (account.isEmpty()) {
            errors.add("login", login == null || login.isBlank() ? "roles.find.required" : "console.admins.notFound",
                municipality.name());
        } else {
            try {
                roles.grant(municipality.id(), account.get().accountId(), Role.ADMIN, null, actor());
            } catch (RoleAssignments.Refused refused) {
                errors.add("login", "roles.refused");
            }
        }
        if (errors.any()) {
            return form(model, MunicipalityForm.of(municipality, municipalities.hosts(municipality.id())), municipality,
                errors.rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("roles.granted",
            new Object[] {account.get().displayName(), messages.getMessage("admin.role.ADMIN", null, LocaleContextHolder.getLocale())},
            LocaleContextHolder.getLocale()));
        return "redirect:/platform/municipalities/" + id;
    }

    /** The logo of a municipality whose own host the operator may not be browsing. */
    @GetMapping("/municipalities/{id}/logo")
    ResponseEntity<byte[]> logo(@PathVariable long id) {
        Municipalities.Logo logo = municipalities.logo(find(id).id())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.mediaType())).body(logo.bytes());
    }

    private String form(Model model, MunicipalityForm form, Municipality existing, java.util.Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("shippedLanguages", ResidentLanguage.SHIPPED);
        model.addAttribute("timeZones", TimeZones.ALL);
        model.addAttribute("admins", existing == null ? List.of() : roles.list(existing.id()).stream()
            .filter(assignment -> assignment.role() == Role.ADMIN).toList());
        return "console/municipality";
    }

    private Municipality find(long id) {
        return directory.byId(new OrganizationId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static long actor() {
        return SignedInAccount.current().orElseThrow(() -> new AccessDeniedException("not signed in")).accountId();
    }
}
