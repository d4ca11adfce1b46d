package org.zhibao.adjudication.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.zhibao.adjudication.EvidenceUpload;
import org.zhibao.storage.EvidenceFile;
import org.zhibao.storage.EvidenceUploads;
import org.zhibao.storage.FileStore;
import org.zhibao.storage.StoredFile;
import org.zhibao.storage.UploadRefused;

/** Takes an uploaded file: its type checked by content and its size by the evidence rules, stored by content. */
@Component
class CaseFiles {

    private final EvidenceUploads uploads;
    private final FileStore store;

    CaseFiles(EvidenceUploads uploads, FileStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    EvidenceUpload accept(MultipartFile upload) {
        try (InputStream in = upload.getInputStream()) {
            EvidenceFile file = uploads.accept(in, upload.getOriginalFilename());
            return new EvidenceUpload(file.displayName(), file.mediaType(), file.size(), file.sha256());
        }
        catch (UploadRefused refused) {
            throw new Refused(refused.message(LocaleContextHolder.getLocale()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open(String sha256, long size) {
        return store.open(new StoredFile(sha256, size));
    }

    /** An upload that is refused, with the reason in the user's language. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
