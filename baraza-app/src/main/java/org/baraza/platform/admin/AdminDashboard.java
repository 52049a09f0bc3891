package org.baraza.platform.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The municipal admin's start page: one link to each area they look after. */
@Controller
class AdminDashboard {

    @GetMapping("/admin")
    String dashboard() {
        Admin.current();
        return "admin/dashboard";
    }
}
