package io.oncoaudit.core.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minimal RFC 4180 reader for the reference tables (quoted fields, doubled quotes, CRLF, BOM).
 * Lines starting with '#' before the header are comments: tables carry their provenance there.
 */
public final class CsvReader {

    /** One data row, addressable by header name; {@code lineNumber} is 1-based in the source file. */
    public record Row(String source, long lineNumber, Map<String, Integer> index, List<String> cells) {
        public String get(String column) {
            Integer i = index.get(column.toLowerCase(Locale.ROOT));
            if (i == null) throw new TableFormatException(source, lineNumber, "missing column '" + column + "'");
            return i < cells.size() ? cells.get(i).trim() : "";
        }

        public boolean has(String column) { return index.containsKey(column.toLowerCase(Locale.ROOT)); }

        public String getOrEmpty(String column) { return has(column) ? get(column) : ""; }

        public TableFormatException error(String message) {
            return new TableFormatException(source, lineNumber, message);
        }
    }

    private CsvReader() { }

    public static List<Row> readResource(String resource) {
        InputStream in = CsvReader.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("reference table not on the classpath: " + resource);
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(resource, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> read(String source, Reader reader) throws IOException {
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> index = null;
        long[] line = {0};
        List<String> rec;
        while ((rec = nextRecord(br, line)) != null) {
            if (index == null) {
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (rec.get(0).startsWith("#")) continue;
                index = new HashMap<>();
                for (int i = 0; i < rec.size(); i++) {
                    String h = rec.get(i).trim().toLowerCase(Locale.ROOT);
                    if (i == 0 && h.startsWith("\uFEFF")) h = h.substring(1);
                    index.put(h, i);
                }
                continue;
            }
            if (rec.size() == 1 && rec.get(0).isBlank()) continue;
            rows.add(new Row(source, line[0], index, rec));
        }
        return rows;
    }

    /** Reads one record, which may span lines inside quotes; null at end of input. */
    public static List<String> nextRecord(BufferedReader br, long[] lineCounter) throws IOException {
        String first = br.readLine();
        if (first == null) return null;
        lineCounter[0]++;
        if (lineCounter[0] == 1 && first.startsWith("\uFEFF")) first = first.substring(1);
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String s = first;
        while (true) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') { cell.append('"'); i++; }
                        else quoted = false;
                    } else cell.append(c);
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(cell.toString()); cell.setLength(0);
                } else cell.append(c);
            }
            if (!quoted) break;
            String next = br.readLine();
            if (next == null) break;
            lineCounter[0]++;
            cell.append('\n');
            s = next;
        }
        out.add(cell.toString());
        return out;
    }
}
