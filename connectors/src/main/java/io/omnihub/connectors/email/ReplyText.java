package io.omnihub.connectors.email;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds where the quoted history of a reply begins, so agents see what the customer wrote this
 * time; the full text, history included, is kept as well. Knows the attribution lines and
 * separators of Gmail, Thunderbird, Apple Mail and Outlook (English, German, French, Spanish,
 * Dutch) and plain {@code >} quoting.
 */
final class ReplyText {

    private static final List<Pattern> HISTORY_STARTS = List.of(
            // "On Tue, 3 Mar 2026 at 10:00, Ada <ada@example.com> wrote:" (may wrap onto a second line)
            Pattern.compile("(?im)^[ \\t>]*(on|am|le|el|op)\\b[^\\n]{0,200}(\\n[^\\n]{0,200})?"
                    + "(wrote|schrieb|a écrit|escribió|schreef)\\s*:[ \\t]*$"),
            Pattern.compile("(?im)^[ \\t]*-{2,}[ \\t]*(original message|ursprüngliche nachricht|message d'origine|"
                    + "mensaje original|oorspronkelijk bericht|forwarded message|weitergeleitete nachricht)[ \\t]*-{2,}"),
            // Outlook's header block: From/Von/De line followed by Sent/Gesendet/Envoyé/Enviado within a few lines
            Pattern.compile("(?im)^[ \\t]*\\*?(from|von|de|van)\\*?:[^\\n]*\\n([^\\n]*\\n){0,2}[ \\t]*\\*?"
                    + "(sent|gesendet|envoyé|enviado|date|datum|verzonden)\\*?:"),
            Pattern.compile("(?m)^_{20,}[ \\t]*$"));
    private static final Pattern QUOTED_BLOCK = Pattern.compile("(?m)^(>[^\\n]*(\\n|$)){2,}");

    private ReplyText() {
    }

    /** The text before the quoted history; the whole text when there is no history. */
    static String newPart(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String normalized = text.replace("\r\n", "\n");
        int cut = normalized.length();
        for (Pattern start : HISTORY_STARTS) {
            var m = start.matcher(normalized);
            if (m.find() && m.start() < cut) {
                cut = m.start();
            }
        }
        var quoted = QUOTED_BLOCK.matcher(normalized);
        if (quoted.find() && quoted.start() < cut) {
            cut = quoted.start();
        }
        String head = normalized.substring(0, cut).strip();
        // a mail that is all history (a bare forward) keeps its text
        return head.isEmpty() ? normalized.strip() : head;
    }
}
