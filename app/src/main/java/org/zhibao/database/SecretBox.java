package org.zhibao.database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's secret key at work, a key kept outside the database: it encrypts the secrets that must
 * be read back (TOTP seeds, which cannot be hashed) with AES-256-GCM, so a copy of the database alone gives
 * nothing away, and it signs what must not be rewritten unnoticed (audit roots), so that someone able to
 * write to the database still cannot recompute a valid history. Stored form of a sealed value: {@code v1:}
 * + base64(12-byte nonce ‖ ciphertext ‖ tag).
 */
public final class SecretBox {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec signingKey;
    private final SecureRandom random = new SecureRandom();

    /** One installation key, two keys derived from it: one encrypts, the other signs. */
    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The secret key has 32 bytes (256 bits), not " + key.length);
        }
        this.key = new SecretKeySpec(derive(key, "encryption"), "AES");
        this.signingKey = new SecretKeySpec(derive(key, "signing"), "HmacSHA256");
    }

    private static byte[] derive(byte[] master, String use) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("zhibao key for " + use).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    public String open(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Not an encrypted value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt: tampered, or sealed under another key", e);
        }
    }

    /** A value that names the key without revealing it: HMAC-SHA-256 of a fixed text. */
    String checkValue() {
        return sign("key-check", new byte[0]);
    }

    /**
     * An HMAC-SHA-256 (hex) of {@code data} for one {@code purpose}; signatures of one purpose never pass for
     * another.
     */
    public String sign(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            mac.update(("zhibao:" + purpose + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(data));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String purpose, byte[] data, String signature) {
        return signature != null && sameCheckValue(sign(purpose, data), signature);
    }

    static boolean sameCheckValue(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
