package io.oncoaudit.api.load;

import java.io.IOException;
import java.io.Writer;

/** Writes values in PostgreSQL's COPY text format (tab-separated, \N for null, backslash escapes). */
final class CopyText {
    private CopyText() { }

    static void field(Writer out, String value, boolean first) throws IOException {
        if (!first) out.write('\t');
        if (value == null) {
            out.write("\\N");
            return;
        }
        if (plain(value)) {
            out.write(value);
            return;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    private static boolean plain(String v) {
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') return false;
        }
        return true;
    }
}
