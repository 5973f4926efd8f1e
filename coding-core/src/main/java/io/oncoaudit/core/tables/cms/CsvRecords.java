package io.oncoaudit.core.tables.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of CMS public files: raw RFC 4180 records with their line numbers, for the files whose header is not on the first line
 * (a preamble of titles and notes comes first, so the header row is found by its content).
 */
public final class CsvRecords {

    /** One record; {@code line} is the 1-based physical line where the record starts. */
    public record Record(long line, List<String> cells) {
        public String cell(int i) { return i < cells.size() ? cells.get(i).trim() : ""; }

        public boolean blank() {
            for (String c : cells) if (!c.isBlank()) return false;
            return true;
        }
    }

    private CsvRecords() { }

    public static List<Record> parse(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Record> read(Reader reader) throws IOException {
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Record> out = new ArrayList<>();
        long[] line = {0};
        while (true) {
            long start = line[0] + 1;
            // the one RFC 4180 record splitter of coding-core (quotes, doubled quotes, line breaks inside quotes, BOM)
            List<String> cells = io.oncoaudit.core.tables.CsvReader.nextRecord(br, line);
            if (cells == null) break;
            out.add(new Record(start, List.copyOf(cells)));
        }
        return out;
    }

    /**
     * Decodes CMS file bytes: UTF-8 when valid, else Windows-1252 (older CMS ASP and RVU files are
     * Windows-1252, NOTES 6.2).
     */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    public static byte[] readResource(String resource) {
        try (InputStream in = CsvRecords.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("pricing file not on the classpath: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage()
                    + " (check the path and that the file is readable)", e);
        }
    }

    /** Upper case, single spaces: how header fragments are compared. */
    public static String norm(String s) {
        return s.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
