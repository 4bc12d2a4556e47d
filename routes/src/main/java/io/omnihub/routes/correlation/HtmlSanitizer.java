package io.omnihub.routes.correlation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Makes HTML from outside safe to show an agent: no scripts, event handlers, styles that load
 * things, frames or forms; links open without referrer; images only from the message itself
 * ({@code cid:} and {@code data:}), so remote trackers are not loaded.
 */
@Component
public class HtmlSanitizer {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("a", "rel", "target")
            .addAttributes(":all", "dir", "lang")
            .preserveRelativeLinks(false);

    public String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.select("a[href]").forEach(a -> a.attr("rel", "noopener noreferrer nofollow").attr("target", "_blank"));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
