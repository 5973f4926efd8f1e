package io.oncoaudit.batch.audit;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.btrim;

import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Both extract tables as one stream of rows grouped by claim: each hash partition holds whole claims, sorted
 * by claim key, so a claim is a run of consecutive rows. The audit and the benchmark's baseline group
 * through this same plan (SQL expressions only: no typed map, no key function, no Row conversion).
 *
 * <p>Columns: {@link #KEY} (claim_id trimmed of whitespace, "" when blank), {@link #SOURCE} (0 claim_lines,
 * 1 administrations), _corrupt, _file, _block, _row, then every contract column of both tables by name
 * (claim_id once; a column of the other table is null).
 */
public final class ClaimRows {
    public static final String KEY = "_key", SOURCE = "_src";
    public static final int LINE = 0, ADMINISTRATION = 1;
    /** What {@link String#strip()} removes (Character.isWhitespace), so the key is the claim id the parsers see. */
    static final String WHITESPACE = " \t\n\u000B\f\r\u001C\u001D\u001E\u001F\u1680\u2000\u2001\u2002\u2003\u2004"
            + "\u2005\u2006\u2008\u2009\u200A\u2028\u2029\u205F\u3000";

    /** Column names in order; index = position in the grouped rows. */
    public static final List<String> COLUMNS;

    static {
        Set<String> c = new LinkedHashSet<>(List.of(KEY, SOURCE, ExtractReader.CORRUPT, ExtractReader.FILE,
                ExtractReader.BLOCK, ExtractReader.ROW));
        c.addAll(Table.CLAIM_LINES.names());
        c.addAll(Table.ADMINISTRATIONS.names());
        COLUMNS = List.copyOf(c);
    }

    private ClaimRows() { }

    public static int index(String column) {
        int i = COLUMNS.indexOf(column);
        if (i < 0) throw new IllegalArgumentException("no grouped column " + column);
        return i;
    }

    /** Rows of both tables (as {@link ExtractReader#read} returns them), partitioned by claim and sorted by key. */
    public static Dataset<Row> grouped(Dataset<Row> lines, Dataset<Row> administrations) {
        return unified(lines, Table.CLAIM_LINES, LINE).unionByName(unified(administrations, Table.ADMINISTRATIONS, ADMINISTRATION))
                .repartition(col(KEY))
                .sortWithinPartitions(KEY);
    }

    private static Dataset<Row> unified(Dataset<Row> d, Table t, int source) {
        List<String> own = t.names();
        List<Column> sel = new ArrayList<>();
        sel.add(coalesce(btrim(col("claim_id"), lit(WHITESPACE)), lit("")).as(KEY));
        sel.add(lit(source).as(SOURCE));
        for (String c : COLUMNS.subList(2, COLUMNS.size())) {
            boolean present = own.contains(c) || c.startsWith("_");
            sel.add(present ? col(c) : lit(null).cast(DataTypes.StringType).as(c));
        }
        return d.select(sel.toArray(new Column[0]));
    }
}
