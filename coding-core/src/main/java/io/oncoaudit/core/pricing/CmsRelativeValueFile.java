package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.cms.CsvRecords;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loader for the CMS National Physician Fee Schedule relative value file (PPRRVU*.csv; layout NOTES 6.1,
 * [S-PPRRVU25]): a preamble of title lines, a header stacked over several lines whose last line starts
 * "HCPCS,MOD,", then one row per HCPCS code and modifier.
 *
 * <p>The header is found by content, not line number: the first record whose first two cells are HCPCS and MOD.
 * Column names are the header fragments stacked above each position joined with spaces (e.g. "NON-FAC" over
 * "NA" over "INDICATOR"), and columns are looked up by those names, so a file with a one-line header works too.
 * Rows with a modifier (26, TC, 53) are kept apart from the global row (blank modifier), which is what
 * {@link #get(String)} and the default schedule use. Immutable and thread-safe.
 */
public final class CmsRelativeValueFile {
    /** The CY2025 October release shipped in the jar (the whole CMS file, CPT descriptors blank as CMS ships them). */
    public static final String RESOURCE = "/io/oncoaudit/core/tables/cms/pfs/PPRRVU2025_Oct.csv";

    static final String C_STATUS = "STATUS CODE", C_WORK = "WORK RVU", C_NF_PE = "NON-FAC PE RVU",
            C_NF_NA = "NON-FAC NA INDICATOR", C_F_PE = "FACILITY PE RVU", C_F_NA = "FACILITY NA INDICATOR",
            C_MP = "MP RVU", C_NF_TOTAL = "NON-FACILITY TOTAL", C_F_TOTAL = "FACILITY TOTAL",
            C_GLOBAL = "GLOB DAYS", C_CF = "CONV FACTOR";
    private static final List<String> REQUIRED = List.of(C_STATUS, C_WORK, C_NF_PE, C_NF_NA, C_F_PE, C_F_NA,
            C_MP, C_NF_TOTAL, C_F_TOTAL, C_GLOBAL, C_CF);
    /** Header fragments stacked above the HCPCS,MOD line are at most this many lines (5 in CY2025). */
    private static final int MAX_HEADER_DEPTH = 8;

    private final String source;
    private final Map<String, RvuEntry> global;
    private final Map<String, RvuEntry> withModifier;
    private final BigDecimal conversionFactor;

    private CmsRelativeValueFile(String source, Map<String, RvuEntry> global, Map<String, RvuEntry> withModifier,
                                 BigDecimal conversionFactor) {
        this.source = source;
        this.global = global;
        this.withModifier = withModifier;
        this.conversionFactor = conversionFactor;
    }

    public static CmsRelativeValueFile builtIn() {
        return parse(RESOURCE, CsvRecords.decode(CsvRecords.readResource(RESOURCE)));
    }

    public static CmsRelativeValueFile load(Path file) {
        return parse(file.getFileName().toString(), CsvRecords.decode(CsvRecords.readFile(file)));
    }

    public static CmsRelativeValueFile parse(String source, String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(text);
        int headerAt = -1;
        for (int i = 0; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            if (CsvRecords.norm(r.cell(0)).equals("HCPCS") && CsvRecords.norm(r.cell(1)).equals("MOD")) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            throw new TableFormatException(source, 1, "no header row starting 'HCPCS,MOD' found; is this a CMS PFS "
                    + "relative value file (PPRRVU*.csv)?");
        }
        long headerLine = records.get(headerAt).line();
        Map<String, Integer> columns = columnNames(records, headerAt);
        for (String c : REQUIRED) {
            if (!columns.containsKey(c)) {
                throw new TableFormatException(source, headerLine, "header has no column '" + c
                        + "' (found " + columns.keySet() + "); the file does not have the PPRRVU layout");
            }
        }
        Map<String, RvuEntry> global = new HashMap<>();
        Map<String, RvuEntry> withModifier = new HashMap<>();
        BigDecimal cf = null;
        for (int i = headerAt + 1; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            String code = r.cell(0).toUpperCase(Locale.ROOT);
            if (code.isEmpty()) continue;
            String mod = r.cell(1).toUpperCase(Locale.ROOT);
            RvuEntry e = new RvuEntry(code, mod,
                    r.cell(columns.get(C_STATUS)).toUpperCase(Locale.ROOT),
                    number(source, r, columns, C_WORK),
                    number(source, r, columns, C_NF_PE),
                    na(r, columns, C_NF_NA),
                    number(source, r, columns, C_F_PE),
                    na(r, columns, C_F_NA),
                    number(source, r, columns, C_MP),
                    number(source, r, columns, C_NF_TOTAL),
                    number(source, r, columns, C_F_TOTAL),
                    r.cell(columns.get(C_GLOBAL)).toUpperCase(Locale.ROOT),
                    number(source, r, columns, C_CF));
            Map<String, RvuEntry> target = mod.isEmpty() ? global : withModifier;
            String key = mod.isEmpty() ? code : code + "-" + mod;
            if (target.putIfAbsent(key, e) != null) {
                throw new TableFormatException(source, r.line(), "HCPCS " + code
                        + (mod.isEmpty() ? "" : " modifier " + mod) + " appears twice; keep one row per code and modifier");
            }
            if (cf == null && e.conversionFactor().signum() > 0) cf = e.conversionFactor();
        }
        if (global.isEmpty()) throw new TableFormatException(source, headerLine, "no data rows after the header");
        return new CmsRelativeValueFile(source, global, withModifier, cf);
    }

    /** Joins, per column, the header fragments of the header line and the stacked lines above it. */
    private static Map<String, Integer> columnNames(List<CsvRecords.Record> records, int headerAt) {
        int first = headerAt;
        // Stacked header lines have text beyond the first three columns; title/preamble lines do not.
        while (first > 0 && headerAt - first < MAX_HEADER_DEPTH - 1 && hasTextBeyondColumn(records.get(first - 1), 2)) {
            first--;
        }
        int width = records.get(headerAt).cells().size();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            StringBuilder name = new StringBuilder();
            for (int i = first; i <= headerAt; i++) {
                String frag = records.get(i).cell(c);
                if (!frag.isEmpty()) name.append(name.length() == 0 ? "" : " ").append(frag);
            }
            columns.putIfAbsent(CsvRecords.norm(name.toString()), c);
        }
        return columns;
    }

    private static boolean hasTextBeyondColumn(CsvRecords.Record r, int column) {
        for (int i = column + 1; i < r.cells().size(); i++) if (!r.cells().get(i).isBlank()) return true;
        return false;
    }

    private static BigDecimal number(String source, CsvRecords.Record r, Map<String, Integer> columns, String column) {
        String v = r.cell(columns.get(column));
        if (v.isEmpty()) return BigDecimal.ZERO;
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new TableFormatException(source, r.line(), "column " + column + ": '" + v
                    + "' is not a number (HCPCS " + r.cell(0) + ")");
        }
    }

    private static boolean na(CsvRecords.Record r, Map<String, Integer> columns, String column) {
        return r.cell(columns.get(column)).equalsIgnoreCase("NA");
    }

    /** The global (no modifier) row of a code, or null. */
    public RvuEntry get(String hcpcs) {
        return hcpcs == null ? null : global.get(hcpcs.trim().toUpperCase(Locale.ROOT));
    }

    /** The row of a code with a modifier (26, TC, 53); a blank modifier gives the global row. */
    public RvuEntry get(String hcpcs, String modifier) {
        if (modifier == null || modifier.isBlank()) return get(hcpcs);
        if (hcpcs == null) return null;
        return withModifier.get(hcpcs.trim().toUpperCase(Locale.ROOT) + "-" + modifier.trim().toUpperCase(Locale.ROOT));
    }

    /** National amount per unit of the global row, or null when not priced (see {@link RvuEntry}). */
    public BigDecimal nationalPerUnit(String hcpcs, Setting setting) {
        RvuEntry e = get(hcpcs);
        return e == null ? null : e.nationalPerUnit(setting);
    }

    /** Locality amount per unit of the global row, or null when not priced. */
    public BigDecimal perUnit(String hcpcs, Setting setting, Gpci gpci) {
        RvuEntry e = get(hcpcs);
        if (e == null) return null;
        return gpci == null || gpci.national() ? e.nationalPerUnit(setting) : e.perUnit(setting, gpci);
    }

    /** Global rows, one per code. */
    public Collection<RvuEntry> globalEntries() { return List.copyOf(new ArrayList<>(global.values())); }

    public int size() { return global.size() + withModifier.size(); }

    /** The conversion factor of the file's rows (CY2025: 32.3465). */
    public BigDecimal conversionFactor() { return conversionFactor; }

    public String source() { return source; }
}
