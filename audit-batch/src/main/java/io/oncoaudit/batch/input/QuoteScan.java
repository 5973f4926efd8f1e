package io.oncoaudit.batch.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * How a CSV file must be split into records (issue 17). A quoted cell may hold line breaks (RFC 4180), and
 * then the file is read in multi-line mode. But an unterminated quote would then swallow the following
 * rows into one record (13 records counted for 24 physical rows). So a file counts as multi-line only when
 * its quoting is sound: every quote closes before the end of the file, a closing quote is followed by a
 * delimiter or a line end, and each record whose cell spans lines has as many cells as the header. Broken
 * quoting is read line by line instead: the broken row is one reject, at the row where it started, and
 * the rows after it are read as they are.
 */
final class QuoteScan {
    enum Result { SINGLE_LINE, MULTI_LINE, BROKEN }

    private QuoteScan() { }

    static Result scan(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean spans = false;       // the current record has a line break inside quotes
        boolean anySpans = false;
        boolean atStart = true;      // at the start of a cell
        int cells = 1;
        int headerCells = -1;
        boolean recordHasContent = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (quoted) {
                    if (b == '"') {
                        quoted = false;
                        afterClosingQuote = true;
                    } else if (b == '\n' || b == '\r') {
                        spans = true;
                    }
                    continue;
                }
                if (afterClosingQuote) {
                    afterClosingQuote = false;
                    if (b == '"') { // an escaped quote ("") inside the cell
                        quoted = true;
                        continue;
                    }
                    if (b != ',' && b != '\n' && b != '\r') return Result.BROKEN;
                }
                if (b == '"') {
                    if (!atStart) return Result.BROKEN; // a quote inside an unquoted cell
                    quoted = true;
                    recordHasContent = true;
                    atStart = false;
                } else if (b == ',') {
                    cells++;
                    atStart = true;
                    recordHasContent = true;
                } else if (b == '\n' || b == '\r') {
                    if (recordHasContent) {
                        if (headerCells < 0) headerCells = cells;
                        else if (spans && cells != headerCells) return Result.BROKEN;
                        anySpans |= spans;
                    }
                    cells = 1;
                    spans = false;
                    atStart = true;
                    recordHasContent = false;
                } else {
                    atStart = false;
                    recordHasContent = true;
                }
            }
        }
        if (quoted) return Result.BROKEN; // a quote still open at the end of the file
        if (recordHasContent && spans && headerCells >= 0 && cells != headerCells) return Result.BROKEN;
        anySpans |= spans;
        return anySpans ? Result.MULTI_LINE : Result.SINGLE_LINE;
    }
}
