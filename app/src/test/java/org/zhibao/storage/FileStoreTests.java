package org.zhibao.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTests {

    @TempDir
    Path dir;

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesUnderTheSha256OfTheContentAndReadsItBack() throws IOException {
        FileStore store = new FileStore(dir);
        StoredFile file = store.store(bytes("abc"), 1024);
        assertThat(file.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(file.size()).isEqualTo(3);
        try (InputStream in = store.open(file)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
        }
    }

    @Test
    void theSameContentIsOneFile() {
        FileStore store = new FileStore(dir);
        StoredFile first = store.store(bytes("evidence"), 1024);
        StoredFile second = store.store(bytes("evidence"), 1024);
        assertThat(second).isEqualTo(first);
        assertThat(store.exists(first)).isTrue();
    }

    @Test
    void aStoredFileIsReadOnly() throws IOException {
        FileStore store = new FileStore(dir);
        StoredFile file = store.store(bytes("sealed"), 1024);
        try (var paths = Files.walk(dir.resolve("sha256"))) {
            for (Path stored : paths.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(stored))
                        .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            }
        }
        assertThat(store.exists(file)).isTrue();
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothingOfIt() throws IOException {
        FileStore store = new FileStore(dir);
        assertThatThrownBy(() -> store.store(bytes("0123456789"), 5)).isInstanceOf(FileStore.FileTooLarge.class);
        try (var paths = Files.walk(dir)) {
            assertThat(paths.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void namesAreOnlyEverHashesSoNoPathCanBeSmuggledIn() {
        assertThatThrownBy(() -> new StoredFile("../../etc/passwd", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        FileStore store = new FileStore(dir);
        StoredFile ghost = new StoredFile("0".repeat(64), 1);
        assertThatThrownBy(() -> store.open(ghost)).isInstanceOf(FileStore.StoredFileMissing.class);
    }
}
