package io.oncoaudit.batch.audit;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
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

/**
 * One task's findings or rejects, written beside its encounters as a Parquet file with the columns of
 * {@link Stage#SCHEMA}. They are a few percent of the audit's rows: keeping them out of the encounters' Spark
 * write leaves that write one narrow schema without a partition column. The driver reads the files back with
 * the same explicit schema to publish findings and rejects.
 *
 * <p>Each task attempt writes its own file (partition and attempt id in the name); only files named in a
 * successful task's {@link TaskReport} are read. The file is created on the first row.
 */
final class SideFile implements AutoCloseable {
    /** Where the side files go and the Hadoop file system settings the executors need to write there. */
    record Target(String folderUri, Map<String, String> hadoopSettings) implements Serializable {
        static Target of(java.nio.file.Path folder, Configuration conf) {
            Map<String, String> fs = new HashMap<>();
            for (Map.Entry<String, String> e : conf) if (e.getKey().startsWith("fs.")) fs.put(e.getKey(), e.getValue());
            return new Target(folder.toUri().toString(), fs);
        }
    }

    static final MessageType PARQUET_SCHEMA = parquetSchema();

    private final Target target;
    private final String name;
    private ParquetWriter<Object[]> writer;
    private String path;

    /** @param kind the record type (a sub-folder), {@link Stage#FINDING} or {@link Stage#REJECT} */
    SideFile(Target target, String kind, int partition, long attemptId) {
        this.target = target;
        this.name = kind + "/part-" + String.format("%05d", partition) + "-" + attemptId + ".parquet";
    }

    void write(Object[] row) {
        try {
            if (writer == null) open();
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit's side file " + path + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Configuration conf = new Configuration();
        target.hadoopSettings().forEach(conf::set);
        Path p = new Path(new Path(URI.create(target.folderUri())), name);
        path = p.toString();
        writer = new Builder(p).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(false).build();
    }

    /** The file written, or null when the task had no such row. */
    String path() { return path; }

    @Override
    public void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit's side file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Stage columns as Parquet types Spark reads back as the stage's Spark types. */
    private static MessageType parquetSchema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : Stage.SCHEMA.fields()) {
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
            } else {
                throw new IllegalStateException("no side-file type for stage column " + f.name() + " " + t);
            }
        }
        return b.named("stage");
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        Builder(Path p) { super(p); }

        @Override
        protected Builder self() { return this; }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) { return new StageWriteSupport(); }
    }

    /** Writes a stage row (Object[] in {@link Stage#COLUMNS} order) field by field; nulls are left out. */
    private static final class StageWriteSupport extends WriteSupport<Object[]> {
        private RecordConsumer out;

        @Override
        public WriteContext init(Configuration conf) { return new WriteContext(PARQUET_SCHEMA, Map.of()); }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) { this.out = recordConsumer; }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v == null) continue;
                String name = Stage.COLUMNS.get(i);
                out.startField(name, i);
                if (v instanceof String s) out.addBinary(Binary.fromString(s));
                else if (v instanceof Integer n) out.addInteger(n);
                else if (v instanceof Long n) out.addLong(n);
                else if (v instanceof LocalDate d) out.addInteger((int) d.toEpochDay());
                else if (v instanceof BigDecimal m) out.addLong(m.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
                else throw new IllegalStateException("no side-file value for " + name + ": " + v.getClass());
                out.endField(name, i);
            }
            out.endMessage();
        }
    }
}
