package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Json;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One input row as read (its table's contract columns as text, in contract order) with where it came
 * from: file, split start and read id. {@link #ORDER} is file order, so "first" and "later" are well defined.
 */
record SourceRow(Table table, String[] cells, String corrupt, String file, long block, long row) {
    static final Comparator<SourceRow> ORDER = Comparator.comparing(SourceRow::file)
            .thenComparingLong(SourceRow::block).thenComparingLong(SourceRow::row);

    private static final int SOURCE = ClaimRows.index(ClaimRows.SOURCE), CORRUPT = ClaimRows.index(ExtractReader.CORRUPT), FILE = ClaimRows.index(ExtractReader.FILE),
            BLOCK = ClaimRows.index(ExtractReader.BLOCK), ROW = ClaimRows.index(ExtractReader.ROW);
    private static final int[] LINE_CELLS = positions(Table.CLAIM_LINES), ADMIN_CELLS = positions(Table.ADMINISTRATIONS);

    private static int[] positions(Table t) {
        return t.names().stream().mapToInt(ClaimRows::index).toArray();
    }

    /**
     * Decodes grouped rows (see {@link ClaimRows}) for one task. Consecutive rows mostly come from the same file:
     * its name is decoded once and the same String shared, so comparing it later is an identity check.
     */
    static final class Decoder {
        private UTF8String lastFileBytes;
        private String lastFile;

        /** One row; the InternalRow may be reused by Spark afterwards. */
        SourceRow decode(InternalRow r) {
            boolean line = r.getInt(SOURCE) == ClaimRows.LINE;
            int[] at = line ? LINE_CELLS : ADMIN_CELLS;
            String[] cells = new String[at.length];
            for (int i = 0; i < at.length; i++) cells[i] = text(r, at[i]);
            return new SourceRow(line ? Table.CLAIM_LINES : Table.ADMINISTRATIONS, cells, text(r, CORRUPT), file(r),
                    r.isNullAt(BLOCK) ? 0 : r.getLong(BLOCK), r.getLong(ROW));
        }

        private String file(InternalRow r) {
            if (r.isNullAt(FILE)) return null;
            UTF8String f = r.getUTF8String(FILE);
            if (!f.equals(lastFileBytes)) {
                lastFileBytes = f.clone(); // the row's bytes may be overwritten by the next row
                lastFile = f.toString();
            }
            return lastFile;
        }
    }

    private static String text(InternalRow r, int i) {
        return r.isNullAt(i) ? null : r.getUTF8String(i).toString();
    }

    String cell(String column) { return cells[table.index(column)]; }

    /** The row as read, for rejects: a JSON object of the non-null contract columns (or the raw record if unsplittable). */
    String originalJson() {
        Json.ObjectWriter o = Json.object();
        List<String> names = table.names();
        for (int i = 0; i < names.size(); i++) {
            if (cells[i] != null) o.field(names.get(i), cells[i]);
        }
        if (corrupt != null) o.field("_record", corrupt);
        return o.toString();
    }
}
