package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.cms.CsvRecords;
import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loader for the CMS PFS GPCI table (Addendum E, GPCI2025.csv): MAC, state, locality number, locality name,
 * work (PW) GPCI, practice expense GPCI, malpractice GPCI. The header row is found by its content (a cell with
 * "Locality Number" and one with "PE GPCI"); title and footnote rows are skipped. A locality is found by
 * "MAC-locality" (01112-54) or "state-locality" (CA-54); "NATIONAL" gives all GPCIs 1.0. Immutable.
 */
public final class GpciTable {
    /** CY2025 GPCIs shipped in the jar (shared/reference/cms/GPCI2025.csv). */
    public static final String RESOURCE = "/io/oncoaudit/core/pricing/GPCI2025.csv";

    private final String source;
    private final Map<String, Gpci> byKey;
    private final List<Gpci> all;

    private GpciTable(String source, Map<String, Gpci> byKey, List<Gpci> all) {
        this.source = source;
        this.byKey = byKey;
        this.all = all;
    }

    public static GpciTable builtIn() {
        return parse(RESOURCE, CsvRecords.decode(CsvRecords.readResource(RESOURCE)));
    }

    public static GpciTable load(Path file) {
        return parse(file.getFileName().toString(), CsvRecords.decode(CsvRecords.readFile(file)));
    }

    public static GpciTable parse(String source, String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(text);
        int headerAt = -1;
        int mac = -1, state = -1, locality = -1, name = -1, work = -1, pe = -1, mp = -1;
        for (int i = 0; i < records.size() && headerAt < 0; i++) {
            List<String> cells = records.get(i).cells();
            int loc = -1, peCol = -1;
            for (int c = 0; c < cells.size(); c++) {
                String h = CsvRecords.norm(cells.get(c));
                if (h.contains("LOCALITY NUMBER")) loc = c;
                if (h.contains("PE GPCI")) peCol = c;
            }
            if (loc < 0 || peCol < 0) continue;
            headerAt = i;
            for (int c = 0; c < cells.size(); c++) {
                String h = CsvRecords.norm(cells.get(c));
                if (h.contains("ADMINISTRATIVE CONTRACTOR") || h.equals("MAC") || h.startsWith("MAC ")) mac = c;
                else if (h.equals("STATE")) state = c;
                else if (h.contains("LOCALITY NUMBER")) locality = c;
                else if (h.contains("LOCALITY NAME")) name = c;
                else if (h.contains("PW GPCI") || h.contains("WORK GPCI")) work = c;
                else if (h.contains("PE GPCI")) pe = c;
                else if (h.contains("MP GPCI")) mp = c;
            }
        }
        if (headerAt < 0) {
            throw new TableFormatException(source, 1, "no header row with 'Locality Number' and 'PE GPCI' found; "
                    + "is this the CMS GPCI addendum (GPCI*.csv)?");
        }
        long headerLine = records.get(headerAt).line();
        String missing = mac < 0 ? "MAC" : state < 0 ? "State" : work < 0 ? "PW GPCI" : mp < 0 ? "MP GPCI" : null;
        if (missing != null) throw new TableFormatException(source, headerLine, "header has no '" + missing + "' column");
        Map<String, Gpci> byKey = new HashMap<>();
        List<Gpci> all = new ArrayList<>();
        for (int i = headerAt + 1; i < records.size(); i++) {
            CsvRecords.Record r = records.get(i);
            String macCell = r.cell(mac);
            // Data rows carry a numeric MAC number; titles, blank rows and footnotes do not.
            if (macCell.isEmpty() || !macCell.chars().allMatch(Character::isDigit)) continue;
            Gpci g = new Gpci(macCell, r.cell(state).toUpperCase(Locale.ROOT), localityNumber(r.cell(locality)),
                    name < 0 ? "" : r.cell(name),
                    number(source, r, work, "PW GPCI"), number(source, r, pe, "PE GPCI"), number(source, r, mp, "MP GPCI"));
            for (String key : List.of(g.macKey(), g.stateKey())) {
                if (byKey.putIfAbsent(key, g) != null) {
                    throw new TableFormatException(source, r.line(), "locality " + key + " appears twice");
                }
            }
            all.add(g);
        }
        if (all.isEmpty()) throw new TableFormatException(source, headerLine, "no locality rows after the header");
        return new GpciTable(source, byKey, List.copyOf(all));
    }

    private static BigDecimal number(String source, CsvRecords.Record r, int col, String column) {
        String v = r.cell(col);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new TableFormatException(source, r.line(), "column " + column + ": '" + v + "' is not a number");
        }
    }

    private static String localityNumber(String raw) {
        String t = raw.trim();
        return t.length() == 1 && Character.isDigit(t.charAt(0)) ? "0" + t : t;
    }

    /**
     * The locality for a key: "NATIONAL" (or blank), "MAC-locality" such as 01112-54, or "state-locality" such as
     * CA-54 ('-', ':', '/' or a space between the parts).
     *
     * @throws IllegalArgumentException for an unknown locality, naming the accepted forms
     */
    public Gpci locality(String key) {
        if (key == null || key.isBlank() || key.trim().equalsIgnoreCase("NATIONAL")) return Gpci.NATIONAL;
        String[] parts = key.trim().toUpperCase(Locale.ROOT).split("[-:/\\s]+");
        Gpci g = parts.length == 2 ? byKey.get(parts[0] + "-" + localityNumber(parts[1])) : null;
        if (g == null) {
            throw new IllegalArgumentException("unknown Medicare locality '" + key + "' in " + source
                    + "; use NATIONAL, MAC-locality (e.g. 01112-54) or state-locality (e.g. CA-54)");
        }
        return g;
    }

    public List<Gpci> all() { return all; }

    public String source() { return source; }
}
