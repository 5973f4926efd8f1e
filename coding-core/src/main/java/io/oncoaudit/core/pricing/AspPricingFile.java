package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.cms.CsvRecords;
import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loader for the CMS quarterly ASP pricing file layout (Medicare Part B drug payment limits; NOTES 6.2): preamble
 * rows (title, effective dates, notes), then a header row with at least "HCPCS Code", "Short Description",
 * "HCPCS Code Dosage" and "Payment Limit" (other columns, such as the co-insurance percentage or vaccine limits,
 * are ignored), then one row per code. The header row is found by its content. "Payment Limit" is the amount per
 * HCPCS billing unit; a row with a blank limit has no price. Immutable and thread-safe.
 *
 * <p>The file shipped in the jar, {@link #SAMPLE_RESOURCE}, holds SAMPLE values for demos and tests, not
 * CMS-published payment limits: load the real quarterly file (or a contract fee schedule) for audits.
 */
public final class AspPricingFile {
    /** Sample prices in the ASP layout: NOT CMS payment limits. */
    public static final String SAMPLE_RESOURCE = "/io/oncoaudit/core/pricing/asp-sample.csv";

    static final String C_CODE = "HCPCS CODE", C_DESCRIPTION = "SHORT DESCRIPTION", C_DOSAGE = "HCPCS CODE DOSAGE",
            C_LIMIT = "PAYMENT LIMIT";

    /** One priced code: the limit is per billing unit as written in the file (CMS publishes three decimals). */
    public record Entry(String hcpcs, String shortDescription, String dosage, BigDecimal paymentLimit, long line) { }

    private final String source;
    private final Map<String, Entry> byCode;
    private final String title;

    private AspPricingFile(String source, Map<String, Entry> byCode, String title) {
        this.source = source;
        this.byCode = byCode;
        this.title = title;
    }

    public static AspPricingFile sample() {
        return parse(SAMPLE_RESOURCE, CsvRecords.decode(CsvRecords.readResource(SAMPLE_RESOURCE)));
    }

    public static AspPricingFile load(Path file) {
        return parse(file.getFileName().toString(), CsvRecords.decode(CsvRecords.readFile(file)));
    }

    public static AspPricingFile parse(String source, String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(text);
        int headerAt = -1;
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < records.size() && headerAt < 0; i++) {
            Map<String, Integer> names = new HashMap<>();
            List<String> cells = records.get(i).cells();
            for (int c = 0; c < cells.size(); c++) names.putIfAbsent(CsvRecords.norm(cells.get(c)), c);
            if (names.containsKey(C_CODE) && names.containsKey(C_LIMIT)) {
                headerAt = i;
                columns = names;
            }
        }
        if (headerAt < 0) {
            throw new TableFormatException(source, 1, "no header row with 'HCPCS Code' and 'Payment Limit' found; "
                    + "is this a CMS ASP pricing file?");
        }
        long headerLine = records.get(headerAt).line();
        for (String c : List.of(C_DESCRIPTION, C_DOSAGE)) {
            if (!columns.containsKey(c)) throw new TableFormatException(source, headerLine, "header has no column '" + c + "'");
        }
        String title = "";
        for (int i = 0; i < headerAt && title.isEmpty(); i++) {
            for (String cell : records.get(i).cells()) if (!cell.isBlank()) { title = cell.trim(); break; }
        }
        Map<String, Entry> byCode = new LinkedHashMap<>();
        for (int i = headerAt + 1; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            String code = r.cell(columns.get(C_CODE)).toUpperCase(Locale.ROOT);
            if (code.isEmpty()) continue;
            String raw = r.cell(columns.get(C_LIMIT));
            if (raw.isEmpty()) continue;
            BigDecimal limit;
            try {
                limit = new BigDecimal(raw.replace("$", "").replace(",", "").trim());
            } catch (NumberFormatException e) {
                throw new TableFormatException(source, r.line(), "column Payment Limit: '" + raw
                        + "' is not a number (HCPCS " + code + ")");
            }
            if (limit.signum() < 0) {
                throw new TableFormatException(source, r.line(), "column Payment Limit: " + raw + " is negative (HCPCS " + code + ")");
            }
            Entry e = new Entry(code, r.cell(columns.get(C_DESCRIPTION)), r.cell(columns.get(C_DOSAGE)), limit, r.line());
            Entry prior = byCode.putIfAbsent(code, e);
            if (prior != null) {
                throw new TableFormatException(source, r.line(), "HCPCS " + code + " appears twice (also line " + prior.line() + ")");
            }
        }
        return new AspPricingFile(source, Map.copyOf(byCode), title);
    }

    /** Payment limit per billing unit, or null. */
    public BigDecimal paymentLimit(String hcpcs) {
        Entry e = hcpcs == null ? null : byCode.get(hcpcs.trim().toUpperCase(Locale.ROOT));
        return e == null ? null : e.paymentLimit();
    }

    public Entry get(String hcpcs) { return hcpcs == null ? null : byCode.get(hcpcs.trim().toUpperCase(Locale.ROOT)); }

    public Map<String, Entry> entries() { return byCode; }

    /** The first preamble text (the file's title line). */
    public String title() { return title; }

    public String source() { return source; }
}
