package io.omnihub.connectors.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Readable plain text of an HTML mail body: line breaks where the layout had them, no markup. */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        Jsoup.parse(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !insideSkipped(text)) {
                    out.append(text.text());
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(out);
                }
            }
        });
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean insideSkipped(TextNode text) {
        for (Node parent = text.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element e && SKIPPED.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
