package io.oncoaudit.core.tables.cms;

import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One quarter of the CMS "Payment Allowance Limits for Medicare Part B Drugs" file (the ASP pricing file) in its
 * official layout: preamble lines (title, "Effective January 1, 2024 through March 31, 2024", notes), then a header
 * row holding "HCPCS Code", "HCPCS Code Dosage" and "Payment Limit" (found by content; other columns are ignored),
 * then one row per code. "HCPCS Code Dosage" is the billing unit ("1 MG", "10 MG"); "Payment Limit" is the limit per
 * billing unit (ASP + 6 %, three decimals as published). A row whose limit is not a number ("N/A") has no price: it
 * is listed in {@link #unpriced()}, never silently dropped. Immutable and thread-safe.
 */
public final class AspQuarter {
    static final String C_CODE = "HCPCS CODE", C_DESCRIPTION = "SHORT DESCRIPTION", C_DOSAGE = "HCPCS CODE DOSAGE",
            C_LIMIT = "PAYMENT LIMIT";

    /** One code of the quarter: billing unit text as published ("1 MG") and the payment limit per billing unit. */
    public record Entry(String hcpcs, String shortDescription, String billingUnitText, BigDecimal paymentLimit, long line) { }

    /** A row kept out of the prices, with the reason (e.g. payment limit "N/A"). */
    public record Unpriced(String hcpcs, long line, String reason) { }

    private final String source;
    private final YearMonth quarter;
    private final LocalDate effectiveFrom, effectiveTo;
    private final Map<String, Entry> byCode;
    private final List<Unpriced> unpriced;
    private final int dataRows;

    private AspQuarter(String source, YearMonth quarter, LocalDate from, LocalDate to, Map<String, Entry> byCode,
                       List<Unpriced> unpriced, int dataRows) {
        this.source = source;
        this.quarter = quarter;
        this.effectiveFrom = from;
        this.effectiveTo = to;
        this.byCode = byCode;
        this.unpriced = unpriced;
        this.dataRows = dataRows;
    }

    /**
     * Parses one quarter. The quarter is the one the preamble's "Effective ... through ..." line names; without
     * such a line, the YYYY-MM in the source name (asp-2026-01.csv).
     */
    public static AspQuarter parse(String source, String text) {
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
                    + "is this a CMS ASP pricing file (Payment Allowance Limits for Medicare Part B Drugs)?");
        }
        long headerLine = records.get(headerAt).line();
        if (!columns.containsKey(C_DOSAGE)) throw new TableFormatException(source, headerLine, "header has no column 'HCPCS Code Dosage'");
        LocalDate[] eff = CmsDates.effective(records.subList(0, headerAt));
        YearMonth quarter;
        LocalDate from, to;
        if (eff != null) {
            from = eff[0];
            to = eff[1];
            quarter = YearMonth.from(from);
        } else {
            quarter = CmsDates.fromName(source);
            if (quarter == null) {
                throw new TableFormatException(source, 1, "no 'Effective <date> through <date>' line in the preamble and no "
                        + "YYYY-MM in the file name: cannot tell which quarter this ASP file is");
            }
            from = quarter.atDay(1);
            to = quarter.plusMonths(2).atEndOfMonth();
        }
        if (quarter.getMonthValue() % 3 != 1) {
            throw new TableFormatException(source, 1, "effective from " + from + ": an ASP quarter starts in January, April, July or October");
        }
        int code = columns.get(C_CODE), limitAt = columns.get(C_LIMIT), dosage = columns.get(C_DOSAGE);
        Integer description = columns.get(C_DESCRIPTION);
        Map<String, Entry> byCode = new LinkedHashMap<>();
        List<Unpriced> unpriced = new ArrayList<>();
        int rows = 0;
        for (int i = headerAt + 1; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            if (r.blank()) continue;
            rows++;
            String hcpcs = r.cell(code).toUpperCase(Locale.ROOT);
            if (hcpcs.isEmpty()) throw new TableFormatException(source, r.line(), "column HCPCS Code is blank");
            String raw = r.cell(limitAt);
            BigDecimal limit = number(raw);
            if (limit == null) {
                unpriced.add(new Unpriced(hcpcs, r.line(), "payment limit '" + raw + "' is not a number"));
                continue;
            }
            if (limit.signum() < 0) {
                throw new TableFormatException(source, r.line(), "column Payment Limit: " + raw + " is negative (HCPCS " + hcpcs + ")");
            }
            Entry e = new Entry(hcpcs, description == null ? "" : r.cell(description), r.cell(dosage), limit, r.line());
            Entry prior = byCode.putIfAbsent(hcpcs, e);
            if (prior != null) {
                throw new TableFormatException(source, r.line(), "HCPCS " + hcpcs + " appears twice (also line " + prior.line() + ")");
            }
        }
        return new AspQuarter(source, quarter, from, to, Map.copyOf(byCode), List.copyOf(unpriced), rows);
    }

    /** "$1,234.5" / "12.345" as a number; null when blank or not a number ("N/A"). */
    static BigDecimal number(String raw) {
        String s = raw.replace("$", "").replace(",", "").trim();
        if (s.isEmpty()) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The quarter's first month (2025-10 for October 1 to December 31, 2025). */
    public YearMonth quarter() { return quarter; }

    public LocalDate effectiveFrom() { return effectiveFrom; }

    public LocalDate effectiveTo() { return effectiveTo; }

    /** The code's row, or null. */
    public Entry get(String hcpcs) { return hcpcs == null ? null : byCode.get(hcpcs); }

    /** Payment limit per billing unit, or null. */
    public BigDecimal paymentLimit(String hcpcs) {
        Entry e = get(hcpcs);
        return e == null ? null : e.paymentLimit();
    }

    public Map<String, Entry> entries() { return byCode; }

    /** Rows without a numeric payment limit. */
    public List<Unpriced> unpriced() { return unpriced; }

    /** Data rows read: {@code entries().size() + unpriced().size()}. */
    public int dataRows() { return dataRows; }

    public String source() { return source; }

    /** "ASP 2025-10". */
    public String version() { return "ASP " + quarter; }
}
