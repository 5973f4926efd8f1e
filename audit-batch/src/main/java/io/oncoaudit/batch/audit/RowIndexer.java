package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Numbers the rows of each file split in read order and reports how many rows each split held. The
 * driver turns those counts into exact input row counts (contract section 7) and into each rejected row's
 * 1-based row number within its file. Counts are keyed by split, so a retried task cannot count twice.
 */
public final class RowIndexer implements MapPartitionsFunction<Row, Row> {
    public static final String INDEX = "_idx";

    private final Table table;
    private final CollectionAccumulator<String> blockCounts;

    public RowIndexer(Table table, CollectionAccumulator<String> blockCounts) {
        this.table = table;
        this.blockCounts = blockCounts;
    }

    public static StructType schema(Table table) {
        List<StructField> f = new ArrayList<>(List.of(ExtractReader.schema(table).fields()));
        f.add(DataTypes.createStructField(INDEX, DataTypes.LongType, false));
        return DataTypes.createStructType(f);
    }

    /** One accumulator entry: source, file, split start and row count, tab-separated. */
    public static String entry(String source, String file, long block, long count) {
        return source + "\t" + file + "\t" + block + "\t" + count;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
        int n = table.names().size();
        int fileAt = n + 1, blockAt = n + 2;
        return new Iterator<>() {
            String file;
            long block = -1;
            long index;

            @Override
            public boolean hasNext() {
                boolean more = in.hasNext();
                if (!more) flush();
                return more;
            }

            @Override
            public Row next() {
                Row r = in.next();
                String f = r.getString(fileAt);
                long b = r.isNullAt(blockAt) ? 0 : r.getLong(blockAt);
                if (!f.equals(file) || b != block) {
                    flush();
                    file = f;
                    block = b;
                    index = 0;
                }
                Object[] v = new Object[n + 4];
                for (int i = 0; i < n + 3; i++) v[i] = r.get(i);
                v[blockAt] = b;
                v[n + 3] = index++;
                return RowFactory.create(v);
            }

            private void flush() {
                if (file != null && index > 0) blockCounts.add(entry(table.source(), file, block, index));
                file = null;
                index = 0;
            }
        };
    }

    /** The grouping key: the trimmed claim_id, "" when blank. */
    public static MapFunction<Row, String> claimKey() {
        return r -> {
            Object v = r.get(0);
            return v == null ? "" : v.toString().strip();
        };
    }
}
