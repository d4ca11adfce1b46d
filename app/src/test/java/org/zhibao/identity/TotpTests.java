package org.zhibao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", HMAC-SHA1, in base32
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    final AtomicLong now = new AtomicLong();
    final Totp totp = new Totp(now::get);

    @ParameterizedTest(name = "at {0} s the code ends in {1}")
    @CsvSource({
            // time, last six digits of the RFC's eight-digit SHA-1 codes
            "59, 287082",
            "1111111109, 081804",
            "1111111111, 050471",
            "1234567890, 005924",
            "2000000000, 279037",
            "20000000000, 353130" })
    void reproducesTheRfc6238TestVectors(long time, String code) {
        now.set(time);
        assertThat(totp.currentCode(RFC_SECRET)).isEqualTo(code);
        assertThat(totp.verify(RFC_SECRET, code, null)).hasValue(time / 30);
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterForClockDrift() {
        now.set(1111111111L);
        String previous = totp.codeAt(RFC_SECRET, 1111111111L / 30 - 1);
        String next = totp.codeAt(RFC_SECRET, 1111111111L / 30 + 1);
        assertThat(totp.verify(RFC_SECRET, previous, null)).isPresent();
        assertThat(totp.verify(RFC_SECRET, next, null)).isPresent();
    }

    @Test
    void refusesACodeTwoStepsOld() {
        now.set(1111111111L);
        String old = totp.codeAt(RFC_SECRET, 1111111111L / 30 - 2);
        assertThat(totp.verify(RFC_SECRET, old, null)).isEmpty();
    }

    @Test
    void refusesACodeAlreadyUsed() {
        now.set(1234567890L);
        long step = totp.verify(RFC_SECRET, "005924", null).orElseThrow();
        assertThat(totp.verify(RFC_SECRET, "005924", step)).isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        now.set(59);
        assertThat(totp.verify(RFC_SECRET, null, null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "28708", null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "28708x", null)).isEmpty();
    }

    @Test
    void drawsAnOtpauthUriWithIssuerAndSecret() {
        assertThat(Totp.otpauthUri("zj.officer", RFC_SECRET))
                .startsWith("otpauth://totp/")
                .contains("secret=" + RFC_SECRET)
                .contains("issuer=zhibao");
        assertThat(Totp.qrCodeDataUri("zj.officer", RFC_SECRET)).startsWith("data:image/png;base64,");
    }
}
