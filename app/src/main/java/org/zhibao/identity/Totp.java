package org.zhibao.identity;

import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.TimeProvider;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as authenticator apps
 * make them. A code is accepted one step early or late, and never twice (the step used is remembered).
 */
public final class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    private static final String ISSUER = "zhibao";

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final TimeProvider time;

    public Totp(TimeProvider time) {
        this.time = time;
    }

    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /**
     * The time step that {@code code} matches, if it matches one within a step of now and later than
     * {@code lastUsedStep} (replayed codes are refused).
     */
    public OptionalLong verify(String secret, String code, Long lastUsedStep) {
        if (secret == null || code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = Math.floorDiv(time.getTime(), PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastUsedStep != null && step <= lastUsedStep) {
                continue;
            }
            if (java.security.MessageDigest.isEqual(codeAt(secret, step).getBytes(), code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for the current step: for tests and the demo, as an authenticator app would show it. */
    public String currentCode(String secret) {
        return codeAt(secret, Math.floorDiv(time.getTime(), PERIOD_SECONDS));
    }

    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        }
        catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    /** An otpauth:// QR code as a PNG data URI, for the enrolment page. */
    public static String qrCodeDataUri(String accountName, String secret) {
        QrData data = new QrData.Builder()
                .label(accountName)
                .secret(secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(png.generate(data), png.getImageMimeType());
        }
        catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }

    public static String otpauthUri(String accountName, String secret) {
        return new QrData.Builder().label(accountName).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }
}
