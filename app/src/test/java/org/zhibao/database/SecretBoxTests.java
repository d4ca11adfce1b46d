package org.zhibao.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SecretBoxTests {

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealsAndOpensASecretWithANewNonceEachTime() {
        SecretBox box = new SecretBox(key(1));
        String first = box.seal("JBSWY3DPEHPK3PXP");
        String second = box.seal("JBSWY3DPEHPK3PXP");
        assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.open(first)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(box.open(second)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = new SecretBox(key(1)).seal("secret");
        assertThatThrownBy(() -> new SecretBox(key(2)).open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChangedByteIsDetected() {
        SecretBox box = new SecretBox(key(1));
        String sealed = box.seal("secret");
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length / 2] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCheckValueTellsKeysApartWithoutRevealingThem() {
        assertThat(new SecretBox(key(1)).checkValue()).isEqualTo(new SecretBox(key(1)).checkValue())
                .isNotEqualTo(new SecretBox(key(2)).checkValue()).hasSize(64);
    }

    @Test
    void aSignatureHoldsForItsDataAndPurposeOnly() {
        SecretBox box = new SecretBox(key(1));
        String signature = box.sign("audit-root", new byte[] { 1, 2, 3 });
        assertThat(box.verify("audit-root", new byte[] { 1, 2, 3 }, signature)).isTrue();
        assertThat(box.verify("audit-root", new byte[] { 1, 2, 4 }, signature)).isFalse();
        assertThat(box.verify("audit-checkpoint", new byte[] { 1, 2, 3 }, signature)).isFalse();
        assertThat(new SecretBox(key(2)).verify("audit-root", new byte[] { 1, 2, 3 }, signature)).isFalse();
        assertThat(box.verify("audit-root", new byte[] { 1, 2, 3 }, null)).isFalse();
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
