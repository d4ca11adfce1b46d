package org.zhibao.leads.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.leads.BatchKind;
import org.zhibao.leads.BatchView;
import org.zhibao.leads.LeadNotFound;
import org.zhibao.leads.LeadRefused;
import org.zhibao.leads.ScreeningBatches;
import org.zhibao.storage.FileStore;

import jakarta.annotation.PreDestroy;

/**
 * Importing batches and following their runs: the upload form and the inbox of daily filings, a batch's page
 * with its progress bar fed by server-sent events, cancel and resume.
 */
@Controller
@RequestMapping("/screening")
@PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR')")
class BatchController {

    private final ScreeningBatches batches;
    private final MessageSource messages;
    private final Outcomes outcomes;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "screening-progress");
        t.setDaemon(true);
        return t;
    });

    BatchController(ScreeningBatches batches, MessageSource messages, Outcomes outcomes) {
        this.batches = batches;
        this.messages = messages;
        this.outcomes = outcomes;
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }

    @GetMapping("/batches")
    String list(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        requireImporter(user);
        model.addAttribute("batches", batches.list(user.jurisdiction()));
        model.addAttribute("inbox", batches.inbox(user));
        model.addAttribute("knownMarks", batches.knownMarks().orElse(null));
        model.addAttribute("kinds", BatchKind.values());
        return "leads/batches";
    }

    @PostMapping("/batches")
    String upload(@RequestParam(required = false) BatchKind kind, @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        requireImporter(user);
        if (kind == null || file == null || file.isEmpty()) {
            return refuse(redirect, locale, new LeadRefused(kind == null ? "leads.refused.kind" : "leads.refused.empty"));
        }
        try (InputStream in = file.getInputStream()) {
            long id = batches.importUpload(kind, file.getOriginalFilename(), in, user);
            redirect.addFlashAttribute("notice", "leads.done.imported");
            return "redirect:/screening/batches/" + id;
        }
        catch (LeadRefused refused) {
            return refuse(redirect, locale, refused);
        }
        catch (FileStore.FileTooLarge tooLarge) {
            return refuse(redirect, locale, new LeadRefused("leads.refused.too-large"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PostMapping("/batches/inbox")
    String fromInbox(@RequestParam String fileName, @RequestParam(required = false) BatchKind kind,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        requireImporter(user);
        try {
            long id = batches.importInbox(fileName, kind == null ? BatchKind.PATENTS : kind, user);
            redirect.addFlashAttribute("notice", "leads.done.imported");
            return "redirect:/screening/batches/" + id;
        }
        catch (LeadRefused refused) {
            return refuse(redirect, locale, refused);
        }
    }

    @PostMapping("/known-marks")
    String knownMarks(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        requireImporter(user);
        if (file == null || file.isEmpty()) {
            return refuse(redirect, locale, new LeadRefused("leads.refused.empty"));
        }
        try (InputStream in = file.getInputStream()) {
            ScreeningBatches.KnownMarksRead read = batches.registerKnownMarks(file.getOriginalFilename(), in, user);
            redirect.addFlashAttribute("notice", "leads.done.known-marks");
            redirect.addFlashAttribute("knownMarksCount", read.marks());
            if (read.skipped() > 0) {
                redirect.addFlashAttribute("knownMarksSkipped", read.skipped());
                redirect.addFlashAttribute("knownMarksSkippedLines", read.firstSkippedLines().stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(
                                "zh".equals(locale.getLanguage()) ? "、" : ", "))
                        + (read.skipped() > read.firstSkippedLines().size() ? ", …" : ""));
            }
        }
        catch (LeadRefused refused) {
            return refuse(redirect, locale, refused);
        }
        catch (FileStore.FileTooLarge tooLarge) {
            return refuse(redirect, locale, new LeadRefused("leads.refused.too-large"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "redirect:/screening/batches";
    }

    @GetMapping("/batches/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, Model model) {
        requireImporter(user);
        BatchView batch = batches.find(id, user.jurisdiction()).orElseThrow(LeadNotFound::new);
        model.addAttribute("batch", batch);
        model.addAttribute("byRule", batches.findingsByRule(id, user.jurisdiction()));
        return "leads/batch";
    }

    /**
     * The batch's progress as server-sent events, one "progress" event a second (and one at once) until the run
     * ends; the last event carries the final status, then the stream closes.
     */
    @GetMapping(path = "/batches/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, Locale locale) {
        requireImporter(user);
        var jurisdiction = user.jurisdiction();
        batches.find(id, jurisdiction).orElseThrow(LeadNotFound::new);
        SseEmitter emitter = new SseEmitter(TimeUnit.HOURS.toMillis(2));
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable send = () -> {
            try {
                BatchView b = batches.find(id, jurisdiction).orElseThrow(LeadNotFound::new);
                emitter.send(SseEmitter.event().name("progress").data(progress(b, locale), MediaType.APPLICATION_JSON));
                if (!b.status().active()) {
                    emitter.complete();
                    cancel(task);
                }
            }
            catch (IOException | RuntimeException gone) {
                emitter.completeWithError(gone);
                cancel(task);
            }
        };
        task.set(ticks.scheduleWithFixedDelay(send, 0, 1, TimeUnit.SECONDS));
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        emitter.onError(e -> cancel(task));
        return emitter;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    private Map<String, Object> progress(BatchView b, Locale locale) {
        return Map.of("status", b.status().name(), "statusText", messages.getMessage(b.status().messageCode(), null, locale),
                "percent", b.percent(), "stage", messages.getMessage(b.stageCode(), null, locale),
                "recordsDone", b.recordsDone(), "lines", b.lines(), "findings", b.findings(), "leads", b.leads(),
                "failure", b.failure() == null ? "" : b.failure());
    }

    @PostMapping("/batches/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return step(id, redirect, locale, "leads.done.cancel-requested", () -> batches.cancel(id, user));
    }

    @PostMapping("/batches/{id}/resume")
    String resume(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return step(id, redirect, locale, "leads.done.resumed", () -> batches.resume(id, user));
    }

    private String step(long id, RedirectAttributes redirect, Locale locale, String done, Runnable step) {
        return outcomes.run(redirect, locale, done, "/screening/batches/" + id, step);
    }

    private String refuse(RedirectAttributes redirect, Locale locale, LeadRefused refused) {
        outcomes.refuse(redirect, locale, refused);
        return "redirect:/screening/batches";
    }

    private static void requireImporter(ZhibaoUser user) {
        if (!ScreeningBatches.mayImport(user)) {
            throw new org.springframework.security.access.AccessDeniedException("Importers only");
        }
    }
}
