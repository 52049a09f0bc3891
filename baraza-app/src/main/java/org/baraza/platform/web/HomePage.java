package org.baraza.platform.web;

import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The municipality's front page. */
@Controller
class HomePage {

    private final DistrictsAndDepartments districtsAndDepartments;

    HomePage(DistrictsAndDepartments districtsAndDepartments) {
        this.districtsAndDepartments = districtsAndDepartments;
    }

    @GetMapping("/")
    String home(Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        model.addAttribute("districts", districtsAndDepartments.districts(organization));
        model.addAttribute("departments", districtsAndDepartments.departments(organization));
        return "platform/home";
    }
}
