package io.oncoaudit.batch.audit;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet file written by an audit task itself: the task's encounters (published as they are) or its
 * rejects. Rows are {@code Object[]} in the order of a Spark schema (String, Integer, Long, LocalDate,
 * BigDecimal of scale 2), written field by field with no Row conversion. The footer carries the Spark schema,
 * so Spark reads the declared types back exactly (decimal(12,2), date).
 *
 * <p>Each task attempt writes its own file (partition and attempt id in the name) and names it in its
 * {@link TaskReport}; the driver keeps the files of one successful attempt per partition and deletes the rest.
 * The file is created on the first row.
 */
final class TaskParquet implements AutoCloseable {
    /** Spark reads its schema from this footer entry. */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    /** Where a task's files go, with the Hadoop file system settings the executors need to write there. */
    record Target(String folderUri, Map<String, String> hadoopSettings) implements Serializable {
        static Target of(java.nio.file.Path folder, Configuration conf) {
            Map<String, String> fs = new HashMap<>();
            for (Map.Entry<String, String> e : conf) if (e.getKey().startsWith("fs.")) fs.put(e.getKey(), e.getValue());
            return new Target(folder.toUri().toString(), fs);
        }

        Configuration configuration() {
            Configuration conf = new Configuration();
            hadoopSettings.forEach(conf::set);
            return conf;
        }
    }

    private final Target target;
    private final String name;
    private final StructType schema;
    private final List<String> noDictionary;
    private final List<String> noStatistics;
    private ParquetWriter<Object[]> writer;
    private String path;

    /**
     * @param schema       the file's columns; a row's first {@code schema.size()} values are written
     * @param noDictionary columns that are (nearly) unique per row: no dictionary (it would hash every value
     *                     only to give up after the first page)
     * @param noStatistics columns whose min/max would never select a row group (JSON, free text)
     */
    TaskParquet(Target target, String name, StructType schema, List<String> noDictionary, List<String> noStatistics) {
        this.target = target;
        this.name = name;
        this.schema = schema;
        this.noDictionary = noDictionary;
        this.noStatistics = noStatistics;
    }

    static String partName(int partition, long attemptId) {
        return String.format("part-%05d-%d.parquet", partition, attemptId);
    }

    void write(Object[] row) {
        try {
            if (writer == null) open();
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit's file " + path + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Path p = new Path(new Path(URI.create(target.folderUri())), name);
        path = p.toString();
        writer = create(p, target.configuration(), schema, noDictionary, noStatistics);
    }

    /** Writes a file with no rows (the schema only): what Spark writes for an empty result. */
    static void writeEmpty(java.nio.file.Path file, Configuration conf, StructType schema) {
        try {
            create(new Path(file.toUri()), conf, schema, List.of(), List.of()).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static ParquetWriter<Object[]> create(Path p, Configuration conf, StructType schema, List<String> noDictionary,
                                                  List<String> noStatistics) throws IOException {
        Builder b = new Builder(p, schema).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(true);
        for (String c : noDictionary) b = b.withDictionaryEncoding(c, false);
        for (String c : noStatistics) b = b.withStatisticsEnabled(c, false).withSizeStatisticsEnabled(c, false);
        return b.build();
    }

    /** The file written, or null when the task had no row for it. */
    String path() { return path; }

    @Override
    public void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit's file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parquet types that Spark reads back as the schema's Spark types. */
    static MessageType parquetSchema(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            if (t == DataTypes.StringType) {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t == DataTypes.DateType) {
                b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
            } else if (t == DataTypes.IntegerType) {
                b.optional(PrimitiveTypeName.INT32).named(f.name());
            } else if (t == DataTypes.LongType) {
                b.optional(PrimitiveTypeName.INT64).named(f.name());
            } else if (t.equals(Stage.MONEY)) {
                b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(2, 12)).named(f.name());
            } else if (t.equals(Stage.PRICE)) {
                b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(6, 18)).named(f.name());
            } else {
                throw new IllegalStateException("no Parquet type for column " + f.name() + " " + t);
            }
        }
        return b.named("spark_schema");
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final StructType schema;

        Builder(Path p, StructType schema) {
            super(p);
            this.schema = schema;
        }

        @Override
        protected Builder self() { return this; }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) { return new RowWriteSupport(schema); }
    }

    /** Writes a row field by field; nulls are left out (optional columns). */
    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final StructType schema;
        private final String[] names;
        /** the decimal scale of each column (2 money, 6 price), -1 for the others */
        private final int[] scales;
        private RecordConsumer out;

        RowWriteSupport(StructType schema) {
            this.schema = schema;
            this.names = schema.fieldNames();
            this.scales = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                DataType t = schema.fields()[i].dataType();
                scales[i] = t.equals(Stage.PRICE) ? 6 : t.equals(Stage.MONEY) ? 2 : -1;
            }
        }

        @Override
        public WriteContext init(Configuration conf) {
            return new WriteContext(parquetSchema(schema), Map.of(SPARK_SCHEMA_KEY, schema.json()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) { this.out = recordConsumer; }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < names.length; i++) {
                Object v = row[i];
                if (v == null) continue;
                out.startField(names[i], i);
                if (v instanceof String s) out.addBinary(Binary.fromString(s));
                else if (v instanceof Integer n) out.addInteger(n);
                else if (v instanceof Long n) out.addLong(n);
                else if (v instanceof LocalDate d) out.addInteger((int) d.toEpochDay());
                else if (v instanceof BigDecimal m) out.addLong(m.setScale(scales[i], RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
                else throw new IllegalStateException("no Parquet value for " + names[i] + ": " + v.getClass());
                out.endField(names[i], i);
            }
            out.endMessage();
        }
    }
}
