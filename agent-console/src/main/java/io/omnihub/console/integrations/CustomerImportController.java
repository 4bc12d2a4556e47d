package io.omnihub.console.integrations;

import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.CustomerMasterData;
import io.omnihub.store.customer.CustomerMasterData.Outcome;
import io.omnihub.store.customer.CustomerMasterData.Record;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Customer master data", description = "ERP customers in: upsert by ERP number, matching, merge suggestions")
class CustomerImportController {

    static final int CHUNK = 1000;
    static final int MAX_ERRORS_LISTED = 1000;

    /** One ERP customer as posted. */
    record CustomerRecord(String erpNumber, String name, List<String> emails, List<String> phones) {
    }

    record Batch(List<CustomerRecord> customers) {
    }

    /** A record that was not imported, and why. */
    record Problem(long line, String reason) {
    }

    record BatchResult(List<Outcome> results, List<Problem> invalid) {
    }

    record ImportReport(long rows, Map<CustomerMasterData.Result, Long> counts, long invalid, List<Problem> errors,
            Instant finishedAt) {
    }

    record Suggestion(long id, long customerId, long otherCustomerId, String reason, String source, String status,
            Instant createdAt) {
    }

    private final CustomerMasterData masterData;
    private final ContactPointNormalizer normalizer;

    CustomerImportController(CustomerMasterData masterData, ContactPointNormalizer normalizer) {
        this.masterData = masterData;
        this.normalizer = normalizer;
    }

    @PostMapping(path = "/api/v1/integrations/customers", consumes = "application/json")
    @Operation(summary = "Upsert ERP customers (up to 1,000)", description = "Each by erpNumber: updated when known, "
            + "else matched to a customer by an address they proved theirs, else created; an address that belongs to "
            + "another customer gives a merge suggestion instead of a silent merge. Records that cannot be read are "
            + "listed under invalid by their index (from 1).")
    BatchResult upsert(@RequestBody Batch batch, @RequestParam(defaultValue = "api") String source) {
        if (batch.customers() == null || batch.customers().isEmpty() || batch.customers().size() > CHUNK) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "post 1 to " + CHUNK + " customers; use "
                    + "/api/v1/integrations/customers/import for files");
        }
        List<Record> records = new ArrayList<>();
        List<Problem> invalid = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long index = 0;
        for (CustomerRecord c : batch.customers()) {
            index++;
            try {
                Record record = record(index, c.erpNumber(), c.name(), c.emails(), c.phones());
                Long first = seen.putIfAbsent(record.erpNumber(), index);
                if (first != null) {
                    throw new IllegalArgumentException("ERP number " + record.erpNumber() + " repeated (first at "
                            + first + ")");
                }
                records.add(record);
            } catch (IllegalArgumentException e) {
                invalid.add(new Problem(index, e.getMessage()));
            }
        }
        return new BatchResult(records.isEmpty() ? List.of() : masterData.upsert(records, source), invalid);
    }

    @PostMapping(path = "/api/v1/integrations/customers/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import ERP customers from CSV", description = "RFC 4180, UTF-8: a header line naming the "
            + "columns erp_number (required), name, email, phone (several addresses separated by ';'), then one "
            + "customer per record. A quoted field may hold commas, doubled quotes and line breaks; a quote inside an "
            + "unquoted field is kept as written. Imported in chunks of 1,000 (each committed on its own). Every bad "
            + "line is reported by its number and skipped, and reading goes on with the next line: a quote left open "
            + "never swallows the lines after it; fields over 1,000 characters are refused.")
    ImportReport importCsv(HttpServletRequest request, @RequestParam(defaultValue = "csv") String source)
            throws IOException {
        CsvRecords csv = new CsvRecords(new BufferedReader(new InputStreamReader(request.getInputStream(),
                StandardCharsets.UTF_8), 64 * 1024));
        CsvRecords.Read first = csv.next();
        if (first == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the file is empty");
        }
        if (!(first instanceof CsvRecords.Row header)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the header line cannot be read: "
                    + ((CsvRecords.Bad) first).reason());
        }
        List<String> columns = header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)
                .replace("\ufeff", "")).toList();
        int erp = columns.indexOf("erp_number");
        if (erp < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the header line names no erp_number column "
                    + "(columns: erp_number, name, email, phone)");
        }
        int name = columns.indexOf("name");
        int email = columns.indexOf("email");
        int phone = columns.indexOf("phone");
        Map<CustomerMasterData.Result, Long> counts = new EnumMap<>(CustomerMasterData.Result.class);
        List<Problem> errors = new ArrayList<>();
        long rows = 0;
        long invalid = 0;
        List<Record> chunk = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvRecords.Read read = csv.next(); read != null; read = csv.next()) {
            rows++;
            try {
                if (read instanceof CsvRecords.Bad bad) {
                    throw new IllegalArgumentException(bad.reason());
                }
                CsvRecords.Row row = (CsvRecords.Row) read;
                if (row.fields().size() != columns.size()) {
                    throw new IllegalArgumentException(row.fields().size() + " fields where the header has "
                            + columns.size());
                }
                Record record = record(row.line(), field(row, erp), field(row, name), split(field(row, email)),
                        split(field(row, phone)));
                Long previous = seen.putIfAbsent(record.erpNumber(), row.line());
                if (previous != null) {
                    throw new IllegalArgumentException("ERP number " + record.erpNumber() + " repeated (first on line "
                            + previous + ")");
                }
                chunk.add(record);
            } catch (IllegalArgumentException e) {
                invalid++;
                if (errors.size() < MAX_ERRORS_LISTED) {
                    errors.add(new Problem(read.line(), e.getMessage()));
                }
            }
            if (chunk.size() == CHUNK) {
                count(counts, masterData.upsert(chunk, source));
                chunk.clear();
                seen.clear();
            }
        }
        if (!chunk.isEmpty()) {
            count(counts, masterData.upsert(chunk, source));
        }
        return new ImportReport(rows, counts, invalid, errors, Instant.now());
    }

    @GetMapping("/api/v1/integrations/merge-suggestions")
    @Operation(summary = "Merge suggestions, newest first", description = "Pairs of customers that may be one person "
            + "(e.g. an ERP record whose address belongs to another customer). Status OPEN, MERGED or DISMISSED.")
    List<Suggestion> suggestions(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "100") int limit) {
        return masterData.mergeSuggestions(status, Math.max(1, Math.min(limit, 1000))).stream()
                .map(s -> new Suggestion(s.id(), s.customerId(), s.otherCustomerId(), s.reason(), s.source(),
                        s.status(), s.createdAt())).toList();
    }

    private Record record(long line, String erpNumber, String name, List<String> emails, List<String> phones) {
        if (erpNumber == null || erpNumber.isBlank()) {
            throw new IllegalArgumentException("erp_number is empty");
        }
        if (erpNumber.strip().length() > 64) {
            throw new IllegalArgumentException("erp_number is longer than 64 characters");
        }
        List<String> e = new ArrayList<>();
        for (String raw : emails == null ? List.<String>of() : emails) {
            try {
                e.add(normalizer.email(raw));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("email '" + raw + "': " + ex.getMessage());
            }
        }
        List<String> p = new ArrayList<>();
        for (String raw : phones == null ? List.<String>of() : phones) {
            try {
                p.add(normalizer.phone(raw));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("phone '" + raw + "': " + ex.getMessage());
            }
        }
        return new Record(line, erpNumber.strip(), name == null || name.isBlank() ? null : name.strip(),
                e.stream().distinct().toList(), p.stream().distinct().toList());
    }

    private static String field(CsvRecords.Row row, int column) {
        return column < 0 ? null : row.fields().get(column);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void count(Map<CustomerMasterData.Result, Long> counts, List<Outcome> outcomes) {
        outcomes.forEach(o -> counts.merge(o.result(), 1L, Long::sum));
    }
}
