package io.omnihub.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console prints them: how long ago, and a short UTC timestamp. */
public record TimeLabels(Instant now) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** "now", "5 min", "3 h", "2 d"; empty for no time. */
    public String ago(Instant then) {
        if (then == null) {
            return "";
        }
        long minutes = Duration.between(then, now).toMinutes();
        return minutes < 1 ? "now" : minutes < 60 ? minutes + " min" : minutes < 48 * 60 ? minutes / 60 + " h"
                : minutes / (24 * 60) + " d";
    }

    public String stamp(Instant at) {
        return at == null ? "" : STAMP.format(at);
    }
}
