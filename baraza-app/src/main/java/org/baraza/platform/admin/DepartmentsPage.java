package org.baraza.platform.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Department;
import org.baraza.platform.tenancy.DepartmentRegister;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.baraza.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The municipality's departments: created, renamed and removed by its admins. */
@Controller
@RequestMapping("/admin/departments")
class DepartmentsPage {

    private final DistrictsAndDepartments districtsAndDepartments;
    private final DepartmentRegister register;
    private final MessageSource messages;

    DepartmentsPage(DistrictsAndDepartments districtsAndDepartments, DepartmentRegister register, MessageSource messages) {
        this.districtsAndDepartments = districtsAndDepartments;
        this.register = register;
        this.messages = messages;
    }

    record DepartmentForm(@Size(max = 40, message = "{department.code.invalid}") String code,
                          @Size(max = 200, message = "{department.name.tooLong}") String name) {
    }

    @GetMapping
    String list(Model model) {
        Admin.current();
        return list(model, new DepartmentForm("", ""), FormErrors.none());
    }

    @PostMapping
    String create(@Valid DepartmentForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Admin admin = Admin.current();
        FormErrors errors = new FormErrors(messages).add(binding);
        if (!errors.any()) {
            register.create(admin.organization(), form.code(), form.name(), admin.accountId()).ifPresent(errors::add);
        }
        if (errors.any()) {
            return list(model, form, errors.rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("department.created", new Object[] {form.name().trim()},
            LocaleContextHolder.getLocale()));
        return "redirect:/admin/departments";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Admin admin = Admin.current();
        Department department = find(admin, id);
        return edit(model, department, new DepartmentForm(department.code(), department.name()), FormErrors.none());
    }

    @PostMapping("/{id}")
    String rename(@PathVariable long id, @Valid DepartmentForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Admin admin = Admin.current();
        Department department = find(admin, id);
        FormErrors errors = new FormErrors(messages).add(binding);
        if (!errors.any()) {
            register.rename(admin.organization(), id, form.code(), form.name(), admin.accountId()).ifPresent(errors::add);
        }
        if (errors.any()) {
            return edit(model, department, form, errors.rejected());
        }
        redirect.addFlashAttribute("notice", messages.getMessage("admin.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/admin/departments";
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        Admin admin = Admin.current();
        Department department = find(admin, id);
        register.remove(admin.organization(), id, admin.accountId());
        redirect.addFlashAttribute("notice", messages.getMessage("department.removed", new Object[] {department.name()},
            LocaleContextHolder.getLocale()));
        return "redirect:/admin/departments";
    }

    private String list(Model model, DepartmentForm form, Map<String, String> errors) {
        model.addAttribute("departments", districtsAndDepartments.departments(CurrentMunicipality.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/departments";
    }

    private String edit(Model model, Department department, DepartmentForm form, Map<String, String> errors) {
        model.addAttribute("department", department);
        model.addAttribute("staff", register.staffIn(department.organizationId(), department.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/department";
    }

    private Department find(Admin admin, long id) {
        return districtsAndDepartments.department(admin.organization(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
