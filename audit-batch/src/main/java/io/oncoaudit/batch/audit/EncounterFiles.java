package io.oncoaudit.batch.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.rewrite.ParquetRewriter;
import org.apache.parquet.hadoop.rewrite.RewriteOptions;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.StructType;

/**
 * Publishes the stage's encounter files as {@code encounters/}: each Parquet file is copied with only the
 * encounter columns. Column chunks are copied as they are (no decoding, no re-encoding), so publishing costs
 * about one sequential copy of the encounters instead of a second Spark write of them.
 */
final class EncounterFiles {
    private EncounterFiles() { }

    /** Spark reads its schema from this footer entry, not from the Parquet schema: it must list the kept columns only. */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    /** @param schema the encounter columns' Spark schema (written into each file's footer) */
    static void publish(Path stageFolder, Path target, StructType schema, Configuration conf) {
        List<String> columns = List.of(schema.fieldNames());
        String json = schema.json();
        try {
            Files.createDirectories(target);
            if (!Files.isDirectory(stageFolder)) return;
            List<Path> parts;
            try (Stream<Path> s = Files.list(stageFolder)) {
                parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            }
            parts.parallelStream().forEach(p -> prune(p, target.resolve(p.getFileName()), columns, json, conf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The footer metadata the rewriter will write. parquet-hadoop copies the input's entries and has no option to
     * change one, so the map is reached by reflection (versions are pinned; AuditOutputsTests reads the result back).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> sparkSchema(ParquetRewriter rewriter) {
        try {
            Field f = ParquetRewriter.class.getDeclaredField("extraMetaData");
            f.setAccessible(true);
            return (Map<String, String>) f.get(rewriter);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this parquet-hadoop version does not expose the footer metadata of its "
                    + "rewriter; encounters cannot be published by column copy: " + e, e);
        }
    }

    private static void prune(Path in, Path out, List<String> keep, String sparkSchemaJson, Configuration conf) {
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(in.toUri());
        try {
            List<String> drop = new ArrayList<>();
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(src, conf))) {
                for (Type t : r.getFooter().getFileMetaData().getSchema().getFields()) {
                    if (!keep.contains(t.getName())) drop.add(t.getName());
                }
            }
            RewriteOptions options = new RewriteOptions.Builder(conf, src, new org.apache.hadoop.fs.Path(out.toUri()))
                    .prune(drop).build();
            try (ParquetRewriter rewriter = new ParquetRewriter(options)) {
                sparkSchema(rewriter).put(SPARK_SCHEMA_KEY, sparkSchemaJson);
                rewriter.processBlocks();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish encounter file " + in + ": " + e.getMessage(), e);
        }
    }
}
