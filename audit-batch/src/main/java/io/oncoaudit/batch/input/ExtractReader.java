package io.oncoaudit.batch.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one extract table as text: every contract column as a string (a bad cell must become a reject,
 * not a null or a failed job), plus where each row came from. Schemas are explicit: for CSV every header
 * column is declared a string in header order (any column order, contract section 1); for Parquet the
 * footer's declared types are checked against the contract and each column is cast to its text form.
 *
 * <p>Result columns: the table's contract columns (absent optional ones are null), {@link #CORRUPT}
 * (the raw record when the CSV record could not be split into the header's cells), {@link #FILE} and
 * {@link #BLOCK} (the file and the start offset of the file split the row was read from), {@link #ROW}.
 */
public final class ExtractReader {
    public static final String CORRUPT = "_corrupt";
    public static final String FILE = "_file";
    public static final String BLOCK = "_block";
    /**
     * The row's read id ({@code monotonically_increasing_id} of the scan task): consecutive within one file
     * split, so (file, block, id - first id of the split) numbers the rows of a split in read order without a
     * typed pass over the input.
     */
    public static final String ROW = "_row";

    private ExtractReader() { }

    /** Output schema of {@link #read}: contract columns, then _corrupt, _file, _block, _row. */
    public static StructType schema(Table table) {
        List<StructField> f = new ArrayList<>();
        for (String n : table.names()) f.add(DataTypes.createStructField(n, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(FILE, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(BLOCK, DataTypes.LongType, true));
        f.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
        return DataTypes.createStructType(f);
    }

    public static Dataset<Row> read(SparkSession spark, Table table, String what, InputFiles in) {
        return in.format() == InputFiles.Format.CSV ? readCsv(spark, table, what, in) : readParquet(spark, table, what, in);
    }

    /** Checks headers without Spark (fails fast with exit 2 before a session starts). */
    public static void checkCsvHeaders(Table table, String what, InputFiles in) {
        if (in.format() != InputFiles.Format.CSV) return;
        for (Path f : in.files()) checkHeader(table, what, f, InputFiles.csvHeader(what, f));
    }

    private static void checkHeader(Table table, String what, Path f, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!h.isEmpty() && !seen.add(h)) {
                throw new InputException(what + " file '" + f + "': column '" + h + "' appears twice in the header");
            }
        }
        for (String req : table.requiredNames()) {
            if (!seen.contains(req)) {
                throw new InputException(what + " file '" + f + "': required column '" + req + "' is missing from the header "
                        + "(found: " + String.join(", ", header) + "); see contract section 1, " + table.source());
            }
        }
    }

    private static Dataset<Row> readCsv(SparkSession spark, Table table, String what, InputFiles in) {
        // Files are grouped by header (each group is read with its own positional schema) and by whether a
        // quoted cell spans lines (multi-line mode reads a file in one task; the others split across tasks).
        Map<List<String>, List<String>> byHeader = new LinkedHashMap<>();
        for (Path f : in.files()) {
            List<String> header = new ArrayList<>(InputFiles.csvHeader(what, f));
            checkHeader(table, what, f, header);
            header.add(InputFiles.hasMultiLineCells(f) ? "multiline" : "lines");
            byHeader.computeIfAbsent(header, k -> new ArrayList<>()).add(f.toAbsolutePath().toString());
        }
        Dataset<Row> all = null;
        for (Map.Entry<List<String>, List<String>> e : byHeader.entrySet()) {
            List<String> header = e.getKey().subList(0, e.getKey().size() - 1);
            boolean multiLine = e.getKey().get(e.getKey().size() - 1).equals("multiline");
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) fields.add(DataTypes.createStructField("c" + i, DataTypes.StringType, true));
            fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
            Dataset<Row> raw = spark.read().format("csv")
                    .schema(DataTypes.createStructType(fields))
                    .option("header", "true")
                    .option("enforceSchema", "true")
                    .option("multiLine", Boolean.toString(multiLine))
                    .option("quote", "\"")
                    .option("escape", "\"")
                    .option("encoding", "UTF-8")
                    .option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT)
                    .load(e.getValue().toArray(new String[0]));
            List<Column> sel = new ArrayList<>();
            for (String name : table.names()) {
                int i = header.indexOf(name);
                sel.add(i >= 0 ? col("c" + i).as(name) : lit(null).cast(DataTypes.StringType).as(name));
            }
            sel.add(col(CORRUPT));
            sel.add(col("_metadata.file_path").as(FILE));
            sel.add(col("_metadata.file_block_start").as(BLOCK));
            sel.add(monotonically_increasing_id().as(ROW));
            Dataset<Row> d = raw.select(sel.toArray(new Column[0]));
            all = all == null ? d : all.unionByName(d);
        }
        return all;
    }

    private static Dataset<Row> readParquet(SparkSession spark, Table table, String what, InputFiles in) {
        String[] paths = in.files().stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
        StructType footer;
        try {
            footer = spark.read().parquet(paths).schema();
        } catch (RuntimeException e) {
            throw new InputException(what + " '" + in.path() + "' is not readable as Parquet: " + e.getMessage(), e);
        }
        Map<String, StructField> byName = new LinkedHashMap<>();
        for (StructField f : footer.fields()) byName.put(f.name().toLowerCase(Locale.ROOT), f);
        for (String req : table.requiredNames()) {
            if (!byName.containsKey(req)) {
                throw new InputException(what + " '" + in.path() + "': required column '" + req + "' is missing (found: "
                        + String.join(", ", byName.keySet()) + "); see contract section 1, " + table.source());
            }
        }
        List<StructField> declared = new ArrayList<>();
        List<Column> sel = new ArrayList<>();
        for (String name : table.names()) {
            StructField f = byName.get(name);
            if (f == null) {
                sel.add(lit(null).cast(DataTypes.StringType).as(name));
                continue;
            }
            if (!textual(f.dataType())) {
                throw new InputException(what + " '" + in.path() + "': column '" + f.name() + "' has Parquet type "
                        + f.dataType().simpleString() + "; expected a string, number, date, timestamp or boolean");
            }
            declared.add(DataTypes.createStructField(f.name(), f.dataType(), true));
            sel.add(col("`" + f.name() + "`").cast(DataTypes.StringType).as(name));
        }
        sel.add(lit(null).cast(DataTypes.StringType).as(CORRUPT));
        sel.add(col("_metadata.file_path").as(FILE));
        sel.add(col("_metadata.file_block_start").as(BLOCK));
        sel.add(monotonically_increasing_id().as(ROW));
        return spark.read().schema(DataTypes.createStructType(declared)).parquet(paths).select(sel.toArray(new Column[0]));
    }

    private static boolean textual(DataType t) {
        return t == DataTypes.StringType || t == DataTypes.IntegerType || t == DataTypes.LongType
                || t == DataTypes.ShortType || t == DataTypes.ByteType || t instanceof DecimalType
                || t == DataTypes.DoubleType || t == DataTypes.FloatType || t == DataTypes.DateType
                || t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType || t == DataTypes.BooleanType
                || t.typeName().startsWith("varchar") || t.typeName().startsWith("char");
    }
}
