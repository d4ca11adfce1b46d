package org.zhibao.shell.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login, and the official's work list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "shell/home";
    }

    @GetMapping("/my-work")
    @org.springframework.security.access.prepost.PreAuthorize(
            "hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR')")
    String myWork() {
        return "shell/my-work";
    }
}
