package io.omnihub.routes.media;

import io.omnihub.connectors.twilio.MediaRefusedException;
import io.omnihub.connectors.twilio.TwilioMediaFetcher;
import io.omnihub.connectors.twilio.TwilioMediaProperties;
import io.omnihub.store.blob.BlobStorage;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.media.MediaFetchQueue;
import io.omnihub.store.interaction.Timeline;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files recorded interactions name at Twilio (MMS media, voicemail recordings): scheduled in
 * the recording transaction, fetched afterwards, stored as the interaction's attachments. A fetch
 * that fails for now is tried again with growing waits; one that is refused (not a Twilio
 * address, too large, a type not kept) or keeps failing is given up, and the interaction says so.
 * The interaction's text is never held back by its files.
 */
@Component
public class MediaFetches {

    private static final Logger log = LoggerFactory.getLogger(MediaFetches.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 10;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"), Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/3gpp", "3gp"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/amr", "amr"), Map.entry("application/pdf", "pdf"), Map.entry("text/vcard", "vcf"),
            Map.entry("text/x-vcard", "vcf"), Map.entry("text/calendar", "ics"), Map.entry("text/plain", "txt"));

    private final MediaFetchQueue queue;
    private final TwilioMediaFetcher fetcher;
    private final TwilioMediaProperties settings;
    private final BlobStorage blobs;
    private final InteractionRepository interactions;
    private final AttachmentRepository attachments;
    private final Timeline timeline;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MediaFetches(MediaFetchQueue queue, TwilioMediaFetcher fetcher, TwilioMediaProperties settings, BlobStorage blobs,
            InteractionRepository interactions, AttachmentRepository attachments, Timeline timeline,
            TransactionTemplate transaction, Clock clock) {
        this.queue = queue;
        this.fetcher = fetcher;
        this.settings = settings;
        this.blobs = blobs;
        this.interactions = interactions;
        this.attachments = attachments;
        this.timeline = timeline;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Schedules the media an inbound message names ({@code metadata.media}); in the recording transaction. */
    public void scheduleMedia(String inbox, Interaction interaction) {
        if (!(interaction.getMetadata().get("media") instanceof List<?> media)) {
            return;
        }
        int n = 0;
        for (Object item : media) {
            if (item instanceof Map<?, ?> m && m.get("url") instanceof String url) {
                String type = m.get("contentType") instanceof String t ? t : null;
                schedule(inbox, interaction, url, type, "media-" + (++n));
            }
        }
    }

    /** Schedules one file, named {@code baseName} plus the extension of its declared type. */
    public void schedule(String inbox, Interaction interaction, String url, String declaredType, String baseName) {
        queue.schedule(interaction.getId(), inbox, url, declaredType, baseName + "." + extension(declaredType),
                clock.instant());
    }

    /** Fetches what is due; returns how many were looked at. */
    public int fetchDue() {
        List<MediaFetchQueue.Claimed> due = queue.claimDue(clock.instant(), LEASE, BATCH);
        due.forEach(this::fetch);
        return due.size();
    }

    private void fetch(MediaFetchQueue.Claimed claimed) {
        TwilioMediaFetcher.Media media;
        try {
            media = fetcher.fetch(claimed.inboxKey(), URI.create(claimed.url()));
        } catch (MediaRefusedException | IllegalArgumentException e) {
            giveUp(claimed, e.getMessage());
            return;
        } catch (IOException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (claimed.attempts() >= settings.maxAttempts()) {
                giveUp(claimed, "still failing after " + claimed.attempts() + " attempts, last: " + reason);
            } else {
                Duration wait = settings.retryAfter(claimed.attempts());
                queue.retryAt(claimed.id(), clock.instant().plus(wait), reason);
                log.warn("media {} of interaction {} not fetched ({}); trying again in {}", claimed.id(),
                        claimed.interactionId(), reason, wait);
            }
            return;
        }
        String sha256 = blobs.put(media.content());
        String fileName = fileName(claimed.fileName(), media.contentType());
        transaction.executeWithoutResult(tx -> {
            Interaction interaction = interactions.findById(claimed.interactionId()).orElseThrow();
            Attachment attachment = attachments.save(new Attachment(interaction.getId(), fileName,
                    media.contentType(), media.content().length, sha256, null, clock.instant()));
            queue.fetched(claimed.id(), attachment.getId());
            timeline.updated(interaction, "attachment " + fileName + " added");
        });
        log.info("media {} of interaction {} stored as {} ({} bytes)", claimed.id(), claimed.interactionId(),
                fileName, media.content().length);
    }

    private void giveUp(MediaFetchQueue.Claimed claimed, String reason) {
        transaction.executeWithoutResult(tx -> {
            queue.failed(claimed.id(), reason);
            Interaction interaction = interactions.findForUpdate(claimed.interactionId()).orElseThrow();
            List<Object> failures = new ArrayList<>();
            if (interaction.getMetadata().get("mediaFailures") instanceof List<?> earlier) {
                failures.addAll(earlier);
            }
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("file", claimed.fileName());
            failure.put("url", claimed.url());
            failure.put("reason", reason);
            failures.add(failure);
            interaction.addMetadata("mediaFailures", failures);
            timeline.updated(interaction, "file " + claimed.fileName() + " could not be fetched: " + reason);
        });
        log.warn("media {} of interaction {} given up: {}", claimed.id(), claimed.interactionId(), reason);
    }

    /** The scheduled name, its extension following the type the file really has. */
    private static String fileName(String scheduled, String actualType) {
        int dot = scheduled.lastIndexOf('.');
        return (dot < 0 ? scheduled : scheduled.substring(0, dot)) + "." + extension(actualType);
    }

    private static String extension(String contentType) {
        if (contentType == null) {
            return "bin";
        }
        return EXTENSIONS.getOrDefault(contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT), "bin");
    }
}
