package org.zhibao.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

class AuditInterceptorTests {

    @Test
    void keepsOrdinaryParametersAndLeavesOutEverySecretLookingOne() {
        Map<String, String> detail = AuditInterceptor.parameters(Map.of(
                "enabled", new String[] { "false" },
                "roles", new String[] { "OFFICER", "MEDIATOR" },
                "_csrf", new String[] { "t" },
                "initialPassword", new String[] { "p" },
                "TotpCode", new String[] { "c" },
                "apiTOKEN", new String[] { "k" },
                "clientSecret", new String[] { "s" },
                "code", new String[] { "123456" },
                "currentCode", new String[] { "654321" },
                "regionCode", new String[] { "330106" }));

        assertThat(detail).containsOnly(Map.entry("enabled", "false"), Map.entry("roles", "OFFICER,MEDIATOR"),
                Map.entry("regionCode", "330106"));
    }

    @Test
    void cutsLongValuesToTwoHundredCharactersWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String text = "a".repeat(197) + emoji + "tail";

        String cut = AuditInterceptor.cut(text);

        assertThat(cut).hasSizeLessThanOrEqualTo(200).endsWith("\u2026").startsWith("a".repeat(197));
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(AuditInterceptor.cut("short")).isEqualTo("short");
        assertThat(AuditInterceptor.cut("b".repeat(200))).isEqualTo("b".repeat(200));
    }

    @Test
    void aModelWithBindingErrorsAViolationOrAnErrorKeyRejectsTheSubmission() {
        BindingResult clean = new BeanPropertyBindingResult(new Object(), "form");
        BindingResult dirty = new BeanPropertyBindingResult(new Object(), "form");
        dirty.reject("probe.invalid");

        assertThat(AuditInterceptor.rejects(Map.of("b", clean, "error", "", "notice", "saved"))).isFalse();
        assertThat(AuditInterceptor.rejects(Map.of("b", dirty))).isTrue();
        assertThat(AuditInterceptor.rejects(Map.of("whatever", new IllegalStateException()))).isTrue();
        assertThat(AuditInterceptor.rejects(Map.of("codeError", "identity.totp.code-wrong"))).isTrue();
    }

    @Test
    void aRejectionNeverHidesAFailureStatus() {
        assertThat(AuditInterceptor.result(200, null, true)).isEqualTo("rejected");
        assertThat(AuditInterceptor.result(302, null, false)).isEqualTo("ok");
        assertThat(AuditInterceptor.result(409, null, true)).isEqualTo("failed:409");
        assertThat(AuditInterceptor.result(200, new RuntimeException(), true)).isEqualTo("failed:500");
    }
}
