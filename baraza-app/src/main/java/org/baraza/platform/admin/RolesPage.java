package org.baraza.platform.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.AccountDirectory.AccountSummary;
import org.baraza.platform.Role;
import org.baraza.platform.RoleAssignments;
import org.baraza.platform.RoleAssignments.RoleAssignment;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.baraza.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who holds which role in the municipality, and where an admin grants or revokes one. A person is
 * found by their login, sent in a POST body and never put in a URL or a log; the page then shows
 * only their display name and masked login. Grants and revokes are audited by {@link RoleAssignments}.
 */
@Controller
@RequestMapping("/admin/roles")
class RolesPage {

    /** The roles an admin hands out here: RESIDENT is everyone's, PLATFORM_ADMIN is the platform's own. */
    static final List<Role> GRANTABLE = Arrays.stream(Role.values())
        .filter(role -> role != Role.RESIDENT && role != Role.PLATFORM_ADMIN).toList();

    private final AccountDirectory accounts;
    private final RoleAssignments roles;
    private final DistrictsAndDepartments districtsAndDepartments;
    private final MessageSource messages;

    RolesPage(AccountDirectory accounts, RoleAssignments roles, DistrictsAndDepartments districtsAndDepartments,
              MessageSource messages) {
        this.accounts = accounts;
        this.roles = roles;
        this.districtsAndDepartments = districtsAndDepartments;
        this.messages = messages;
    }

    record FindForm(@NotBlank(message = "{roles.find.required}") @Size(max = 254, message = "{roles.find.notFound}") String login) {
    }

    @GetMapping
    String show(@RequestParam(name = "account", required = false) Long accountId, Model model) {
        Admin admin = Admin.current();
        AccountSummary account = null;
        if (accountId != null) {
            account = accounts.find(admin.organization(), accountId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return page(model, admin, account, "", FormErrors.none());
    }

    @PostMapping("/find")
    String find(@Valid FindForm form, BindingResult binding, Model model) {
        Admin admin = Admin.current();
        FormErrors errors = new FormErrors(messages).add(binding);
        Optional<AccountSummary> found = errors.any() ? Optional.empty()
            : accounts.findByLogin(admin.organization(), form.login().trim());
        if (found.isEmpty()) {
            if (!errors.any()) {
                errors.add("login", "roles.find.notFound");
            }
            // the typed login is shown back only in the field, never in a URL
            return page(model, admin, null, form.login(), errors.rejected());
        }
        return "redirect:/admin/roles?account=" + found.get().accountId();
    }

    @PostMapping("/grant")
    String grant(@RequestParam long account, @RequestParam Role role,
                 @RequestParam(name = "department", required = false) Long department, Model model,
                 RedirectAttributes redirect) {
        Admin admin = Admin.current();
        AccountSummary summary = accounts.find(admin.organization(), account)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            roles.grant(admin.organization(), account, role, role == Role.STAFF ? department : null, admin.accountId());
        } catch (RoleAssignments.Refused refused) {
            return page(model, admin, summary, "", new FormErrors(messages).add("role", refusal(refused)).rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("roles.granted",
            new Object[] {summary.displayName(), roleName(role)}, LocaleContextHolder.getLocale()));
        return "redirect:/admin/roles?account=" + account;
    }

    @PostMapping("/revoke")
    String revoke(@RequestParam long account, @RequestParam Role role, Model model, RedirectAttributes redirect) {
        Admin admin = Admin.current();
        AccountSummary summary = accounts.find(admin.organization(), account)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            roles.revoke(admin.organization(), account, role, admin.accountId());
        } catch (RoleAssignments.Refused refused) {
            return page(model, admin, summary, "", new FormErrors(messages).add("role", refusal(refused)).rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("roles.revoked",
            new Object[] {summary.displayName(), roleName(role)}, LocaleContextHolder.getLocale()));
        return "redirect:/admin/roles?account=" + account;
    }

    private String page(Model model, Admin admin, AccountSummary account, String login, Map<String, String> errors) {
        List<RoleAssignment> assignments = roles.list(admin.organization());
        model.addAttribute("assignments", assignments);
        model.addAttribute("account", account);
        model.addAttribute("accountRoles", account == null ? List.of()
            : assignments.stream().filter(assignment -> assignment.accountId() == account.accountId()).toList());
        model.addAttribute("departments", districtsAndDepartments.departments(admin.organization()));
        model.addAttribute("grantable", grantable());
        model.addAttribute("login", login);
        model.addAttribute("errors", errors);
        return "admin/roles";
    }

    /** A platform admin working in a municipality may also hand out PLATFORM_ADMIN; the service checks again. */
    private static List<Role> grantable() {
        boolean platformAdmin = SignedInAccount.current().map(account -> account.has(Role.PLATFORM_ADMIN)).orElse(false);
        return platformAdmin ? Arrays.stream(Role.values()).filter(role -> role != Role.RESIDENT).toList() : GRANTABLE;
    }

    /** The message key of a refusal: the accounts bundle's, or a general one should it be missing. */
    private String refusal(RoleAssignments.Refused refused) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = refused.reason().messageKey();
        return messages.getMessage(key, null, null, locale) != null ? key : "roles.refused";
    }

    private String roleName(Role role) {
        return messages.getMessage("admin.role." + role.name(), null, role.name(), LocaleContextHolder.getLocale());
    }
}
