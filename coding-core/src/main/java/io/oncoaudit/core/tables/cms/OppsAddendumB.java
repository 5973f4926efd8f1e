package io.oncoaudit.core.tables.cms;

import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One release of the CMS OPPS Addendum B ("OPPS Payment by HCPCS Code") in its official layout: preamble lines
 * (title, copyright notes), then the header {@code HCPCS Code, Short Descriptor, SI, APC, Relative Weight, Payment
 * Rate, ...} (found by content), then one row per HCPCS code. The release (first month in force) is the YYYY-MM of
 * the file name ({@code addendum-b-2025-10.csv}): the file itself names only the calendar year. Payment rates are
 * national, unadjusted by wage index, as published ("$331.69", "$60.291"); a blank rate is null. Immutable and
 * thread-safe.
 */
public final class OppsAddendumB {
    /** One code: status indicator (S, T, Q1, N, J1, B, K, ...), APC (blank when none), weight and rate (null when blank). */
    public record Entry(String hcpcs, String statusIndicator, String apc, BigDecimal relativeWeight, BigDecimal paymentRate, long line) { }

    private final String source;
    private final YearMonth release;
    private final String title;
    private final Map<String, Entry> byCode;

    private OppsAddendumB(String source, YearMonth release, String title, Map<String, Entry> byCode) {
        this.source = source;
        this.release = release;
        this.title = title;
        this.byCode = byCode;
    }

    public static OppsAddendumB parse(String source, String text) {
        YearMonth release = CmsDates.fromName(source);
        if (release == null) {
            throw new TableFormatException(source, 1, "no YYYY-MM in the file name (addendum-b-2025-10.csv): the release an "
                    + "Addendum B belongs to is not written inside the file");
        }
        List<CsvRecords.Record> records = CsvRecords.parse(text);
        int headerAt = -1;
        Map<String, Integer> cols = null;
        for (int i = 0; i < records.size() && headerAt < 0; i++) {
            Map<String, Integer> names = new HashMap<>();
            List<String> cells = records.get(i).cells();
            for (int c = 0; c < cells.size(); c++) names.putIfAbsent(CsvRecords.norm(cells.get(c)), c);
            if (names.containsKey("HCPCS CODE") && names.containsKey("SI") && names.containsKey("PAYMENT RATE")) {
                headerAt = i;
                cols = names;
            }
        }
        if (headerAt < 0) {
            throw new TableFormatException(source, 1, "no header row with 'HCPCS Code', 'SI' and 'Payment Rate' found; is this "
                    + "a CMS OPPS Addendum B?");
        }
        long headerLine = records.get(headerAt).line();
        for (String c : List.of("APC", "RELATIVE WEIGHT")) {
            if (!cols.containsKey(c)) throw new TableFormatException(source, headerLine, "header has no column '" + c + "'");
        }
        String title = "";
        for (int i = 0; i < headerAt && title.isEmpty(); i++) {
            for (String cell : records.get(i).cells()) if (!cell.isBlank()) { title = cell.trim(); break; }
        }
        int code = cols.get("HCPCS CODE"), si = cols.get("SI"), apc = cols.get("APC"), weight = cols.get("RELATIVE WEIGHT"),
                rate = cols.get("PAYMENT RATE");
        Map<String, Entry> byCode = new LinkedHashMap<>();
        for (int i = headerAt + 1; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            if (r.blank()) continue;
            String hcpcs = r.cell(code).toUpperCase(Locale.ROOT);
            if (hcpcs.isEmpty()) throw new TableFormatException(source, r.line(), "column HCPCS Code is blank");
            String s = r.cell(si).toUpperCase(Locale.ROOT);
            if (s.isEmpty()) throw new TableFormatException(source, r.line(), "column SI is blank (HCPCS " + hcpcs + ")");
            BigDecimal w = numberOrNull(source, r, r.cell(weight), "Relative Weight", hcpcs);
            BigDecimal p = numberOrNull(source, r, r.cell(rate), "Payment Rate", hcpcs);
            Entry e = new Entry(hcpcs, s, r.cell(apc), w, p, r.line());
            Entry prior = byCode.putIfAbsent(hcpcs, e);
            if (prior != null) throw new TableFormatException(source, r.line(), "HCPCS " + hcpcs + " appears twice (also line " + prior.line() + ")");
        }
        return new OppsAddendumB(source, release, title, Map.copyOf(byCode));
    }

    private static BigDecimal numberOrNull(String source, CsvRecords.Record r, String raw, String column, String hcpcs) {
        String s = raw.trim();
        if (s.isEmpty()) return null;
        BigDecimal n = AspQuarter.number(s);
        if (n == null) throw new TableFormatException(source, r.line(), "column " + column + ": '" + raw + "' is not a number (HCPCS " + hcpcs + ")");
        return n;
    }

    public Entry get(String hcpcs) { return hcpcs == null ? null : byCode.get(hcpcs); }

    public Map<String, Entry> entries() { return byCode; }

    public YearMonth release() { return release; }

    public String title() { return title; }

    public String source() { return source; }

    /** "OPPS 2025-10". */
    public String version() { return "OPPS " + release; }
}
