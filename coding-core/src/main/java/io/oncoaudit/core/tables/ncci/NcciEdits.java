package io.oncoaudit.core.tables.ncci;

import io.oncoaudit.core.tables.TableFormatException;
import io.oncoaudit.core.tables.cms.CsvRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * NCCI procedure-to-procedure (PTP) edits and medically unlikely edits (MUE), chosen by date of service.
 * {@link #shipped()} holds only the pairs the product can cite from public text (CPT descriptors that include the
 * other procedure; resource {@code ncci-ptp-shipped.csv}) and no MUE values; {@link #withDirectory(Path)} adds the
 * official quarterly files (PTP: tab-separated column 1 / column 2 / prior-1996 / effective / deletion / modifier
 * indicator / rationale; MUE: CSV code / value / MUE adjudication indicator / rationale, effective date in the file name).
 */
public final class NcciEdits {
    /** One PTP edit: column 2 is not payable with column 1 unless the modifier indicator is 1 and an NCCI modifier applies. */
    public record PtpEdit(String column1, String column2, LocalDate effective, LocalDate deletion, char modifierIndicator,
                          String rationale, String source) {
        public boolean activeOn(LocalDate dos) {
            return (effective == null || !dos.isBefore(effective)) && (deletion == null || !dos.isAfter(deletion));
        }
    }

    /** One MUE: at most {@code value} units; {@code mai} 1 line edit, 2 date of service edit (policy), 3 date of service edit (clinical). */
    public record Mue(String code, int value, int mai, String rationale, LocalDate effective, String source) { }

    public static final String SHIPPED_RESOURCE = "/io/oncoaudit/core/tables/ncci-ptp-shipped.csv";

    private final Map<String, List<PtpEdit>> byColumn1;
    /** MUE tables, newest effective date first. */
    private final List<Map<String, Mue>> mues;
    private final List<String> sources;

    private NcciEdits(Map<String, List<PtpEdit>> byColumn1, List<Map<String, Mue>> mues, List<String> sources) {
        this.byColumn1 = byColumn1;
        this.mues = mues;
        this.sources = List.copyOf(sources);
    }

    private static volatile NcciEdits shipped;

    public static NcciEdits shipped() {
        NcciEdits s = shipped;
        if (s == null) {
            synchronized (NcciEdits.class) {
                if (shipped == null) shipped = parseShipped(CsvRecords.decode(CsvRecords.readResource(SHIPPED_RESOURCE)));
                s = shipped;
            }
        }
        return s;
    }

    static NcciEdits parseShipped(String text) {
        Map<String, List<PtpEdit>> m = new HashMap<>();
        boolean header = false;
        for (CsvRecords.Record r : CsvRecords.parse(text)) {
            if (r.blank() || r.cell(0).startsWith("#")) continue;
            if (!header) { header = true; continue; }
            PtpEdit e = new PtpEdit(r.cell(0), r.cell(1), date("ncci-ptp-shipped.csv", r.line(), r.cell(2)), date("ncci-ptp-shipped.csv", r.line(), r.cell(3)),
                    indicator("ncci-ptp-shipped.csv", r.line(), r.cell(4)), r.cell(5), "shipped: " + r.cell(5));
            m.computeIfAbsent(e.column1(), k -> new ArrayList<>(2)).add(e);
        }
        return new NcciEdits(m, List.of(), List.of("shipped public-text pairs (ncci-ptp-shipped.csv)"));
    }

    /** These edits plus every PTP file (*.txt) and MUE file (*.csv) in the folder. */
    public NcciEdits withDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new TableFormatException(dir.toString(), 0, "--ncci: not a folder");
        Map<String, List<PtpEdit>> m = new HashMap<>();
        byColumn1.forEach((k, v) -> m.put(k, new ArrayList<>(v)));
        List<Map<String, Mue>> ms = new ArrayList<>(mues);
        List<String> src = new ArrayList<>(sources);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".txt")) {
                for (PtpEdit e : parsePtp(name, CsvRecords.decode(CsvRecords.readFile(f)))) m.computeIfAbsent(e.column1(), k -> new ArrayList<>(2)).add(e);
                src.add("PTP " + name);
            } else if (lower.endsWith(".csv")) {
                ms.add(parseMue(name, CsvRecords.decode(CsvRecords.readFile(f))));
                src.add("MUE " + name);
            }
        }
        ms.sort(Comparator.comparing((Map<String, Mue> x) -> x.values().iterator().next().effective()).reversed());
        return new NcciEdits(m, ms, src);
    }

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4}[0-9A-Z]");

    /** The official PTP file layout (tab-separated; notice, title and wrapped header lines before the first edit row). */
    public static List<PtpEdit> parsePtp(String source, String text) {
        List<PtpEdit> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length < 6 || !CODE.matcher(f[0].trim()).matches() || !CODE.matcher(f[1].trim()).matches()) continue;
            long line = i + 1;
            out.add(new PtpEdit(f[0].trim(), f[1].trim(), date(source, line, f[3]), date(source, line, f[4]), indicator(source, line, f[5]),
                    f.length > 6 ? f[6].trim() : "", source + " line " + line));
        }
        if (out.isEmpty()) throw new TableFormatException(source, 1, "no PTP edit rows (column 1, column 2, *, effective, deletion, modifier indicator, rationale)");
        return out;
    }

    private static final Pattern ISO_MONTH = Pattern.compile("(20\\d\\d)-(\\d\\d)");
    private static final Pattern EFF = Pattern.compile("(?i)Eff_(\\d\\d)-(\\d\\d)-(20\\d\\d)");

    /** The official MUE file layout (a notice cell, a two-line header, then code, value, MAI text, rationale). */
    public static Map<String, Mue> parseMue(String source, String text) {
        LocalDate eff;
        Matcher m = EFF.matcher(source);
        if (m.find()) eff = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        else {
            Matcher i = ISO_MONTH.matcher(source);
            if (!i.find()) throw new TableFormatException(source, 1, "MUE file name carries no effective date (YYYY-MM or Eff_MM-DD-YYYY)");
            eff = LocalDate.of(Integer.parseInt(i.group(1)), Integer.parseInt(i.group(2)), 1);
        }
        Map<String, Mue> out = new HashMap<>();
        for (CsvRecords.Record r : CsvRecords.parse(text)) {
            String code = r.cell(0);
            if (!CODE.matcher(code).matches() || r.cells().size() < 3) continue;
            int value;
            try {
                value = Integer.parseInt(r.cell(1));
            } catch (NumberFormatException e) {
                throw new TableFormatException(source, r.line(), "MUE value '" + r.cell(1) + "' of " + code + " is not a whole number");
            }
            String mai = r.cell(2);
            if (mai.isEmpty() || "123".indexOf(mai.charAt(0)) < 0) {
                throw new TableFormatException(source, r.line(), "MUE adjudication indicator '" + mai + "' of " + code + " is not 1, 2 or 3");
            }
            out.put(code, new Mue(code, value, mai.charAt(0) - '0', r.cell(3), eff, source + " line " + r.line()));
        }
        if (out.isEmpty()) throw new TableFormatException(source, 1, "no MUE rows (code, value, MAI, rationale)");
        return out;
    }

    private static LocalDate date(String source, long line, String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty() || s.equals("*")) return null;
        try {
            return LocalDate.parse(s, s.contains("-") ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.BASIC_ISO_DATE);
        } catch (RuntimeException e) {
            throw new TableFormatException(source, line, "date '" + s + "' is not YYYYMMDD");
        }
    }

    private static char indicator(String source, long line, String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.length() != 1 || "019".indexOf(s.charAt(0)) < 0) throw new TableFormatException(source, line, "modifier indicator '" + s + "' is not 0, 1 or 9");
        return s.charAt(0);
    }

    /** The PTP edits with {@code column1} active on the date. */
    public List<PtpEdit> ptp(String column1, String column2, LocalDate dos) {
        List<PtpEdit> l = byColumn1.get(column1);
        if (l == null) return List.of();
        List<PtpEdit> out = new ArrayList<>(1);
        for (PtpEdit e : l) if (e.column2().equals(column2) && e.activeOn(dos)) out.add(e);
        return out;
    }

    public boolean hasColumn1(String code) { return byColumn1.containsKey(code); }

    /** The MUE of the newest table effective on or before the date; null when none. */
    public Mue mue(String code, LocalDate dos) {
        for (Map<String, Mue> t : mues) {
            Mue any = t.values().iterator().next();
            if (any.effective().isAfter(dos)) continue;
            return t.get(code);
        }
        return null;
    }

    public boolean hasMues() { return !mues.isEmpty(); }

    public List<String> sources() { return sources; }
}
