package io.omnihub.connectors.bus;

import java.util.Locale;
import java.util.Map;

/** File names as browsers and mail clients send them, reduced to what is safe to keep and show. */
public final class FileNames {

    /** Names for the parts clients send without one, by content type. */
    private static final Map<String, String> UNNAMED = Map.ofEntries(
            Map.entry("text/calendar", "invite.ics"),
            Map.entry("application/ics", "invite.ics"),
            Map.entry("message/rfc822", "forwarded-message.eml"),
            Map.entry("message/global", "forwarded-message.eml"),
            Map.entry("message/disposition-notification", "read-receipt.txt"),
            Map.entry("message/delivery-status", "delivery-status.txt"),
            Map.entry("message/global-delivery-status", "delivery-status.txt"),
            Map.entry("text/rfc822-headers", "original-headers.txt"),
            Map.entry("application/pgp-signature", "signature.asc"),
            Map.entry("application/pgp-encrypted", "pgp-version.txt"),
            Map.entry("application/pkcs7-signature", "smime.p7s"),
            Map.entry("application/x-pkcs7-signature", "smime.p7s"),
            Map.entry("application/pkcs7-mime", "smime.p7m"),
            Map.entry("application/x-pkcs7-mime", "smime.p7m"),
            Map.entry("application/ms-tnef", "winmail.dat"),
            Map.entry("application/vnd.ms-tnef", "winmail.dat"));

    /** File extensions for naming an unnamed part of a common type. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", "txt"), Map.entry("text/html", "html"), Map.entry("text/csv", "csv"),
            Map.entry("text/enriched", "txt"), Map.entry("text/vcard", "vcf"), Map.entry("text/x-vcard", "vcf"),
            Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("image/bmp", "bmp"), Map.entry("image/svg+xml", "svg"),
            Map.entry("image/heic", "heic"), Map.entry("image/tiff", "tif"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/amr", "amr"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/3gpp", "3gp"), Map.entry("application/pdf", "pdf"), Map.entry("application/zip", "zip"),
            Map.entry("application/json", "json"), Map.entry("application/xml", "xml"), Map.entry("text/xml", "xml"));

    private FileNames() {
    }

    /** The last path segment (some browsers send a whole path), or "file" when nothing is left. */
    public static String baseName(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() ? "file" : base;
    }

    /**
     * The name a part is kept under: its own when it has one, else one made from what it is, the way
     * mail clients show such parts (a calendar invitation as {@code invite.ics}, a forwarded mail as
     * {@code forwarded-message.eml}, an inline image by its Content-ID, {@code part-2.png}...).
     *
     * @param position the part's place among the interaction's files, from 1
     */
    public static String orDerived(String name, String contentType, String contentId, int position) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        String known = UNNAMED.get(type);
        if (known != null) {
            return known;
        }
        String extension = EXTENSIONS.getOrDefault(type, "bin");
        String fromContentId = contentIdName(contentId);
        if (fromContentId != null) {
            return fromContentId.contains(".") ? fromContentId : fromContentId + "." + extension;
        }
        return "part-" + position + "." + extension;
    }

    /** {@code image001.png@01D9A1B2.C3D4E5F0} names its file: {@code image001.png}. */
    private static String contentIdName(String contentId) {
        if (contentId == null) {
            return null;
        }
        String local = contentId.split("@", 2)[0].strip();
        return local.matches("[A-Za-z0-9._-]{1,80}") && !local.matches("[0-9a-fA-F.-]{16,}") ? local : null;
    }
}
