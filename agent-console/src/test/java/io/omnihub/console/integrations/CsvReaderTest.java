package io.omnihub.console.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(String text) throws Exception {
        CsvReader csv = new CsvReader(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void plainAndQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        List<CsvReader.Row> rows = rows("erp_number,name,email\r\nC-1,\"Smith, Jane\",jane@example.com\r\n"
                + "C-2,\"Say \"\"hi\"\"\nsecond line\",\r\nC-3,,x@example.com");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("erp_number", "name", "email"),
                List.of("C-1", "Smith, Jane", "jane@example.com"),
                List.of("C-2", "Say \"hi\"\nsecond line", ""),
                List.of("C-3", "", "x@example.com"));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void lfLineEndsAndATrailingNewline() throws Exception {
        assertThat(rows("a,b\n1,2\n")).extracting(CsvReader.Row::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> rows("a,b\n1,\"open\n2,3\n")).hasMessageContaining("line 2");
    }
}
