package org.zhibao.adjudication.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhibao.adjudication.Adjudication;
import org.zhibao.adjudication.CaseDocumentView;
import org.zhibao.adjudication.CaseFileView;
import org.zhibao.adjudication.CaseNotFound;
import org.zhibao.identity.ZhibaoUser;

/**
 * Files and documents of a case, to whoever may see them: officials of the office or above, parties only what
 * was served on them. Always as a download, never rendered in the page's origin.
 */
@RestController
class CaseDownloads {

    private final Adjudication adjudication;
    private final CaseFiles files;

    CaseDownloads(Adjudication adjudication, CaseFiles files) {
        this.adjudication = adjudication;
        this.files = files;
    }

    @GetMapping({ "/cases/{id}/files/{fileId}", "/portal/cases/{id}/files/{fileId}" })
    @PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR','PUBLIC_USER')")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId,
            @AuthenticationPrincipal ZhibaoUser user) {
        CaseFileView file = adjudication.file(id, fileId, user).orElseThrow(CaseNotFound::new);
        return download(file.sha256(), file.sizeBytes(), file.fileName(), file.mediaType());
    }

    @GetMapping({ "/cases/{id}/documents/{documentId}", "/portal/cases/{id}/documents/{documentId}" })
    @PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR','PUBLIC_USER')")
    ResponseEntity<InputStreamResource> document(@PathVariable long id, @PathVariable long documentId,
            @AuthenticationPrincipal ZhibaoUser user) {
        CaseDocumentView document = adjudication.document(id, documentId, user).orElseThrow(CaseNotFound::new);
        return download(document.sha256(), document.sizeBytes(), document.fileName(), "application/pdf");
    }

    private ResponseEntity<InputStreamResource> download(String sha256, long size, String name, String type) {
        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(type);
        }
        catch (org.springframework.util.InvalidMimeTypeException e) {
            mediaType = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(mediaType).contentLength(size)
                .body(new InputStreamResource(files.open(sha256, size)));
    }
}
