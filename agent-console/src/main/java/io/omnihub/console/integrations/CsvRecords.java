package io.omnihub.console.integrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180, by Apache Commons CSV) as files from real systems come: a record is one line,
 * or several when a quoted field holds line breaks; a quote in the middle of an unquoted field is
 * kept as written ({@code Name "Nick" Smith}). What cannot be read is reported by its line number
 * and reading goes on with the next line, so one broken line never swallows the lines after it: a
 * quote left open is given up after {@link #MAX_LINES_PER_RECORD} lines or {@link #MAX_RECORD_CHARS}
 * characters, and a field longer than {@link #MAX_FIELD_CHARS} makes its record bad. Blank lines are
 * skipped.
 */
final class CsvRecords {

    static final int MAX_LINES_PER_RECORD = 20;
    static final int MAX_RECORD_CHARS = 16 * 1024;
    static final int MAX_FIELD_CHARS = 1000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** What one record of the file gave: its fields, or why it could not be read. */
    sealed interface Read permits Row, Bad {
        long line();
    }

    /** A record and the line (from 1) it starts on. */
    record Row(long line, List<String> fields) implements Read {
    }

    /** A line that starts no readable record, and why. */
    record Bad(long line, String reason) implements Read {
    }

    private record Line(long number, String text) {
    }

    private final BufferedReader in;
    /** Lines read ahead and given back, when a record that seemed to span them turned out bad. */
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private long lastLine;

    CsvRecords(Reader in) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 64 * 1024);
    }

    /** The next record, or null at the end of the file. */
    Read next() throws IOException {
        Line first;
        do {
            first = line();
            if (first == null) {
                return null;
            }
        } while (first.text().isBlank());
        List<Line> lines = new ArrayList<>(List.of(first));
        StringBuilder text = new StringBuilder(first.text());
        QuoteScanner quotes = new QuoteScanner();
        quotes.scan(first.text());
        while (quotes.open()) {
            Line more = lines.size() < MAX_LINES_PER_RECORD && text.length() <= MAX_RECORD_CHARS ? line() : null;
            if (more == null) {
                giveBack(lines);
                return new Bad(first.number(), "a quoted field opened here is not closed within "
                        + MAX_LINES_PER_RECORD + " lines");
            }
            lines.add(more);
            text.append('\n').append(more.text());
            quotes.scan("\n");
            quotes.scan(more.text());
        }
        List<String> fields;
        try {
            fields = parse(text.toString());
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException unreadable) {
            giveBack(lines);
            return new Bad(first.number(), "the quotes do not close as RFC 4180 requires (text follows a closing "
                    + "quote, or a quoted field starts in the middle of a field)");
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).length() > MAX_FIELD_CHARS) {
                giveBack(lines);
                return new Bad(first.number(), "field " + (i + 1) + " is " + fields.get(i).length()
                        + " characters long; at most " + MAX_FIELD_CHARS + " are taken");
            }
        }
        return new Row(first.number(), fields);
    }

    private static List<String> parse(String record) {
        try (CSVParser parser = CSVParser.parse(new StringReader(record), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("one record expected");
            }
            return records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All but the first line of a bad record are read again: each may start a good record. */
    private void giveBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 1; i--) {
            pushedBack.push(lines.get(i));
        }
    }

    private Line line() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        String text = in.readLine();
        return text == null ? null : new Line(++lastLine, text);
    }

    /** Tracks, as RFC 4180 reads it, whether a quoted field is still open at the end of what was scanned. */
    private static final class QuoteScanner {
        private boolean fieldStart = true;
        private boolean quoted;
        private boolean pendingQuote;

        void scan(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (pendingQuote) {
                        pendingQuote = false;
                        if (c == '"') {
                            continue;   // "" inside a quoted field is one quote
                        }
                        quoted = false;
                        fieldStart = c == ',';
                        continue;
                    }
                    if (c == '"') {
                        pendingQuote = true;
                    }
                } else if (c == ',') {
                    fieldStart = true;
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c != '\n') {
                    fieldStart = false;
                } else {
                    fieldStart = true;
                }
            }
        }

        /** A quoted field is open: the record goes on on the next line. */
        boolean open() {
            if (pendingQuote) {
                // a quote at the very end of what was scanned closes the field
                pendingQuote = false;
                quoted = false;
                fieldStart = false;
            }
            return quoted;
        }
    }
}
