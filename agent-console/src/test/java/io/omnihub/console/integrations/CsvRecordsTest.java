package io.omnihub.console.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Read> read(String text) throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader(text));
        List<CsvRecords.Read> all = new ArrayList<>();
        for (CsvRecords.Read r = csv.next(); r != null; r = csv.next()) {
            all.add(r);
        }
        return all;
    }

    private static List<CsvRecords.Row> rows(List<CsvRecords.Read> all) {
        return all.stream().filter(CsvRecords.Row.class::isInstance).map(CsvRecords.Row.class::cast).toList();
    }

    private static List<CsvRecords.Bad> bad(List<CsvRecords.Read> all) {
        return all.stream().filter(CsvRecords.Bad.class::isInstance).map(CsvRecords.Bad.class::cast).toList();
    }

    @Test
    void plainAndQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecords.Read> all = read("erp_number,name,email\r\nC-1,\"Smith, Jane\",jane@example.com\r\n"
                + "C-2,\"Say \"\"hi\"\"\nsecond line\",\r\n\r\nC-3,,x@example.com");
        assertThat(rows(all)).extracting(CsvRecords.Row::fields).containsExactly(
                List.of("erp_number", "name", "email"),
                List.of("C-1", "Smith, Jane", "jane@example.com"),
                List.of("C-2", "Say \"hi\"\nsecond line", ""),
                List.of("C-3", "", "x@example.com"));
        assertThat(rows(all)).extracting(CsvRecords.Row::line).containsExactly(1L, 2L, 3L, 6L);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptAsWritten() throws IOException {
        assertThat(rows(read("Q-700,Name \"Nick\" Smith,q700@erp.example,\n"))).extracting(CsvRecords.Row::fields)
                .containsExactly(List.of("Q-700", "Name \"Nick\" Smith", "q700@erp.example", ""));
    }

    /** The outside review's file: 1,000 lines, an unclosed quote on line 500 and a stray quote on line 701. */
    @Test
    void anUnclosedQuoteCostsItsOwnLineOnlyAndNothingIsMergedAcrossLines() throws IOException {
        StringBuilder file = new StringBuilder("erp_number,name,email,phone\n");
        for (int n = 1; n < 1000; n++) {
            String number = "Q-" + n;
            file.append(switch (n) {
                case 499 -> number + ",\"Unclosed name,q499@erp.example,";
                case 700 -> number + ",Name \"Nick\" Smith,q700@erp.example,";
                default -> number + ",Customer " + n + ",q" + n + "@erp.example,";
            }).append('\n');
        }
        List<CsvRecords.Read> all = read(file.toString());

        assertThat(bad(all)).extracting(CsvRecords.Bad::line).containsExactly(500L);
        List<CsvRecords.Row> rows = rows(all);
        assertThat(rows).hasSize(999);   // the header and 998 customers
        assertThat(rows).allSatisfy(row -> assertThat(row.fields()).hasSize(4));
        assertThat(rows).filteredOn(r -> r.fields().get(0).equals("Q-500")).singleElement()
                .satisfies(r -> assertThat(r.fields().get(1)).isEqualTo("Customer 500"));
        assertThat(rows).filteredOn(r -> r.fields().get(0).equals("Q-700")).singleElement()
                .satisfies(r -> assertThat(r.fields().get(1)).isEqualTo("Name \"Nick\" Smith"));
        assertThat(rows).allSatisfy(r -> assertThat(r.fields().get(1)).hasSizeLessThan(100));
    }

    @Test
    void anUnclosedQuoteWithoutALaterQuoteCostsOnlyItsLine() throws IOException {
        List<CsvRecords.Read> all = read("a,b\n1,\"open\n2,3\n4,5\n");
        assertThat(bad(all)).extracting(CsvRecords.Bad::line).containsExactly(2L);
        assertThat(bad(all).get(0).reason()).contains("not closed");
        assertThat(rows(all)).extracting(CsvRecords.Row::fields)
                .containsExactly(List.of("a", "b"), List.of("2", "3"), List.of("4", "5"));
    }

    @Test
    void textAfterAClosingQuoteAndOverlongFieldsAreBadLinesWithReasons() throws IOException {
        List<CsvRecords.Read> all = read("a,b\n1,\"x\"y\n2," + "z".repeat(1001) + "\n3,ok\n");
        assertThat(bad(all)).extracting(CsvRecords.Bad::line).containsExactly(2L, 3L);
        assertThat(bad(all).get(0).reason()).contains("closing quote");
        assertThat(bad(all).get(1).reason()).contains("1001 characters");
        assertThat(rows(all)).extracting(r -> r.fields().get(0)).containsExactly("a", "3");
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> field = Arbitraries.strings().withChars("abc XYZ,\"\n\r;'é").ofMaxLength(30);
        // within the documented limit: a record spans at most MAX_LINES_PER_RECORD lines
        return field.list().ofSize(4).filter(r -> String.join("", r).replace("\r\n", "\n").chars()
                .filter(c -> c == '\n' || c == '\r').count() < CsvRecords.MAX_LINES_PER_RECORD)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    /** Whatever RFC 4180 writes (commas, quotes, line breaks in fields), every record is read back as written. */
    @Property(tries = 300, seed = "4180")
    void everyTableAPrinterWritesIsReadBackExactly(@ForAll("tables") List<List<String>> table) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> record : table) {
                printer.printRecord(record);
            }
        }
        List<List<String>> expected = table.stream()
                .map(r -> r.stream().map(f -> f.replace("\r\n", "\n").replace("\r", "\n")).toList()).toList();
        List<CsvRecords.Read> all = read(out.toString());
        assertThat(bad(all)).isEmpty();
        assertThat(rows(all).stream().map(r -> r.fields().stream().map(f -> f.replace("\r", "\n")).toList()).toList())
                .isEqualTo(expected);
    }

    /** One line broken anyhow never costs the records on other lines. */
    @Property(tries = 300, seed = "1")
    void oneBrokenLineCostsNoOtherRecord(@ForAll @IntRange(min = 0, max = 59) int broken,
            @ForAll("breakage") String garbage) throws IOException {
        StringBuilder file = new StringBuilder();
        for (int n = 0; n < 60; n++) {
            file.append(n == broken ? "R-" + n + "," + garbage : "R-" + n + ",Name " + n + ",r" + n + "@x.example")
                    .append('\n');
        }
        List<CsvRecords.Read> all = read(file.toString());
        List<String> good = rows(all).stream().filter(r -> r.fields().size() == 3 && r.fields().get(1)
                .equals("Name " + r.fields().get(0).substring(2))).map(r -> r.fields().get(0)).toList();
        for (int n = 0; n < 60; n++) {
            if (n != broken) {
                assertThat(good).as("record R-" + n).contains("R-" + n);
            }
        }
        assertThat(all).allSatisfy(r -> assertThat(r.line()).isBetween(1L, 60L));
    }

    @Provide
    Arbitrary<String> breakage() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("\",ab ").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("\"unclosed,x", "\"a\"b,c", "x\"y\",z", "\"\"\",", "\"" + "w".repeat(3000)));
    }
}
