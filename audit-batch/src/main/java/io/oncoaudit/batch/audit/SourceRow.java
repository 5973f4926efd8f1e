package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Json;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One input row as read (contract columns as text) with where it came from: file, split start and
 * index within the split. {@link #ORDER} is file order, so "first" and "later" are well defined.
 */
record SourceRow(Table table, Row row, String file, long block, long index) {
    static final Comparator<SourceRow> ORDER = Comparator.comparing(SourceRow::file)
            .thenComparingLong(SourceRow::block).thenComparingLong(SourceRow::index);

    static SourceRow of(Table table, Row r) {
        int n = table.names().size();
        return new SourceRow(table, r, r.getString(n + 1), r.getLong(n + 2), r.getLong(n + 3));
    }

    String corrupt() { return row.getString(table.names().size()); }

    String cell(String column) {
        Object v = row.get(table.index(column));
        return v == null ? null : v.toString();
    }

    /** The row as read, for rejects: a JSON object of the non-null contract columns (or the raw record if unsplittable). */
    String originalJson() {
        Json.ObjectWriter o = Json.object();
        List<String> names = table.names();
        for (int i = 0; i < names.size(); i++) {
            Object v = row.get(i);
            if (v != null) o.field(names.get(i), v.toString());
        }
        String c = corrupt();
        if (c != null) o.field("_record", c);
        return o.toString();
    }
}
