package io.oncoaudit.batch.x12;

import io.xlate.edi.stream.EDIInputFactory;

import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams the segments of one X12 file with the StAEDI reader (io.xlate:staedi): one segment in memory at a
 * time, so a file of any size is read in bounded memory. StAEDI validates the envelopes (ISA/IEA, GS/GE, ST/SE:
 * control numbers and counts); those problems, and anything the tokenizer cannot read, are reported to the
 * {@link Handler} with the segment's position (1-based, counted from the file's ISA).
 */
public final class X12Reader {

    /** One segment: its position in the file, tag, and elements (index 1 = the first element; composites split). */
    public record Segment(int position, String tag, List<String[]> elements) {
        /** Element {@code i} (1-based) as written (a composite's first component), "" when absent. */
        public String el(int i) {
            return comp(i, 1);
        }

        /** Component {@code c} (1-based) of element {@code i}, "" when absent. */
        public String comp(int i, int c) {
            if (i < 1 || i > elements.size()) return "";
            String[] e = elements.get(i - 1);
            if (e == null || c < 1 || c > e.length || e[c - 1] == null) return "";
            return e[c - 1];
        }

        /** Components of element {@code i} (empty when absent). */
        public String[] components(int i) {
            if (i < 1 || i > elements.size() || elements.get(i - 1) == null) return new String[0];
            return elements.get(i - 1);
        }

        public int size() { return elements.size(); }

        /** The segment as a person reads it (for rejects), with '*' and ':' as separators. */
        public String text() {
            StringBuilder b = new StringBuilder(tag);
            for (String[] e : elements) {
                b.append('*');
                if (e != null) b.append(String.join(":", e));
            }
            return b.append('~').toString();
        }
    }

    /** What the reader finds. */
    public interface Handler {
        void segment(Segment s);

        /**
         * A problem at a segment. {@code fatal}: the file cannot be read past this point (the tokenizer lost the
         * segment structure); the reader stops after reporting it.
         */
        void problem(int position, String tag, String reason, boolean fatal);
    }

    private final EDIStreamReader r;
    private boolean finished;
    private int lastPosition;
    private String lastTag = "";
    private String tag;
    private int position;
    private List<String[]> elements = new ArrayList<>();
    private List<String> composite;
    private int element;

    private X12Reader(InputStream in) {
        this.r = EDIInputFactory.newFactory().createEDIStreamReader(in);
    }

    /** A reader pulled one segment at a time ({@link #step}); the caller closes {@code in}. */
    public static X12Reader open(InputStream in) {
        return new X12Reader(in);
    }

    /** True when the file's first non-blank characters are an ISA header (an X12 interchange). */
    public static boolean isX12(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == 'I' && in.read() == 'S' && in.read() == 'A';
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads every segment of {@code in} (closed by the caller). */
    public static void read(InputStream in, Handler h) {
        X12Reader x = open(in);
        while (x.step(h)) { /* pushes every segment */ }
    }

    /** Reads on until one segment or problem went to {@code h}; false when the file is exhausted (or unreadable). */
    public boolean step(Handler h) {
        if (finished) return false;
        try {
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                switch (e) {
                    case START_SEGMENT -> {
                        tag = r.getText();
                        position = r.getLocation().getSegmentPosition();
                        lastPosition = position;
                        lastTag = tag;
                        elements = new ArrayList<>();
                        element = 0;
                    }
                    case START_COMPOSITE -> composite = new ArrayList<>();
                    case END_COMPOSITE -> {
                        put(elements, element, composite.toArray(new String[0]));
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        Location l = r.getLocation();
                        if (l.getElementOccurrence() > 1) break; // repetitions: only the first occurrence is used
                        element = l.getElementPosition();
                        if (composite != null) {
                            int c = l.getComponentPosition();
                            while (composite.size() < c - 1) composite.add("");
                            composite.add(r.getText());
                        } else {
                            put(elements, element, new String[] {r.getText()});
                        }
                    }
                    case END_SEGMENT -> {
                        if (tag != null) {
                            String t = tag;
                            tag = null;
                            h.segment(new Segment(position, t, elements));
                            return true;
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location l = r.getLocation();
                        String where = l.getElementPosition() > 0 ? " element " + l.getElementPosition() : "";
                        String text = r.hasText() ? " ('" + r.getText() + "')" : "";
                        h.problem(l.getSegmentPosition(), l.getSegmentTag() == null ? "" : l.getSegmentTag(),
                                describe(r.getErrorType().name()) + where + text, false);
                        return true;
                    }
                    default -> { /* envelope start/end events: the segments themselves are reported */ }
                }
            }
            finish();
            return false;
        } catch (EDIStreamException e) {
            finish();
            h.problem(lastPosition + 1, "", "unreadable segment after " + (lastTag.isEmpty() ? "the start" : lastTag
                    + " at position " + lastPosition) + " (" + e.getMessage() + "); the rest of the file is not read", true);
            return false;
        } catch (RuntimeException e) {
            finish();
            h.problem(lastPosition + 1, "", "cannot read past position " + lastPosition + ": " + e, true);
            return false;
        }
    }

    private void finish() {
        finished = true;
        try {
            r.close();
        } catch (IOException ignored) {
            // the caller closes the stream
        }
    }

    private static void put(List<String[]> elements, int position, String[] value) {
        while (elements.size() < position - 1) elements.add(null);
        if (elements.size() >= position) elements.set(position - 1, value);
        else elements.add(value);
    }

    /** StAEDI's error name as words: CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "control count does not match actual count". */
    static String describe(String errorName) {
        return errorName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
