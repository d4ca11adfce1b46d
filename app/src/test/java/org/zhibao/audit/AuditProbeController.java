package org.zhibao.audit;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** State-changing endpoints that exist only in tests, to watch the audit interceptor at work. */
@RestController
class AuditProbeController {

    /** Any page will do for a re-rendered form: the interceptor looks only at the model. */
    private static final String PAGE = "error/404";

    @PostMapping("/test/audit-probe/labelled")
    @Audited("probe.labelled")
    String labelled() {
        return "done";
    }

    @PostMapping("/test/audit-probe/plain")
    String plain() {
        return "done";
    }

    @PostMapping("/test/audit-probe/conflict")
    ResponseEntity<String> conflict() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body("no");
    }

    @GetMapping("/test/audit-probe/read")
    String read() {
        return "read";
    }

    /** A form re-rendered with a field error, as {@code @Valid} binding leaves it. */
    @PostMapping("/test/audit-probe/binding-errors")
    ModelAndView bindingErrors() {
        BindingResult binding = new BeanPropertyBindingResult(new Form("x"), "form");
        binding.rejectValue("name", "probe.name-invalid");
        return new ModelAndView(PAGE, Map.of("form", binding.getTarget(), BindingResult.MODEL_KEY_PREFIX + "form",
                binding));
    }

    /** A form re-rendered with the rule violation its service threw. */
    @PostMapping("/test/audit-probe/violation")
    ModelAndView violation() {
        return new ModelAndView(PAGE, Map.of("error", new IllegalArgumentException("probe.rule-broken")));
    }

    /** A form re-rendered with only the violation's message key, as TOTP enrolment does. */
    @PostMapping("/test/audit-probe/code-error")
    ModelAndView codeError() {
        return new ModelAndView(PAGE, Map.of("codeError", "probe.code-wrong"));
    }

    /** A page after success: a binding without errors and an empty error slot are no refusal. */
    @PostMapping("/test/audit-probe/accepted")
    ModelAndView accepted() {
        BindingResult binding = new BeanPropertyBindingResult(new Form("x"), "form");
        return new ModelAndView(PAGE, Map.of("form", binding.getTarget(), BindingResult.MODEL_KEY_PREFIX + "form",
                binding, "error", "", "notice", "probe.saved"));
    }

    @PostMapping("/test/audit-probe/upload")
    String upload(@RequestParam MultipartFile file, @RequestParam String title) {
        return "stored " + file.getSize();
    }

    static class Form {

        private final String name;

        Form(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }
}
