package org.baraza.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The officer's start page: the tools for serving people in person, one click away. */
@Controller
class OfficerDesk {

    @GetMapping("/officer")
    String desk() {
        return "platform/officer";
    }
}
