package io.oncoaudit.api.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads a Hive-partitioned Parquet folder with an in-process DuckDB (no Spark in the api), streaming
 * every value as text so it can go straight into PostgreSQL's COPY. Memory stays bounded: DuckDB
 * streams the result in chunks and is capped by memory_limit.
 */
final class ParquetReader implements AutoCloseable {
    private final Connection duck;

    ParquetReader() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties p = new Properties();
            p.setProperty("jdbc_stream_results", "true");
            duck = DriverManager.getConnection("jdbc:duckdb:", p);
            try (Statement s = duck.createStatement()) {
                s.execute("SET memory_limit = '512MB'");
                s.execute("SET threads = 2");
                s.execute("SET preserve_insertion_order = false");
            }
        } catch (ClassNotFoundException | SQLException e) {
            throw new LoadException("cannot start the Parquet reader (DuckDB): " + e.getMessage(), e);
        }
    }

    interface RowSink {
        void row(String[] values) throws Exception;
    }

    /** Streams the folder's rows, one String[] per row in {@code columns} order; returns the row count. */
    long stream(Path folder, List<ParquetColumns.Column> columns, RowSink sink) throws Exception {
        String source = "read_parquet('" + folder.toAbsolutePath().toString().replace("'", "''")
                + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false, union_by_name = true)";
        Map<String, String> present = new HashMap<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) present.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
        }
        StringJoiner select = new StringJoiner(", ");
        for (ParquetColumns.Column c : columns) {
            if (present.containsKey(c.name())) {
                select.add(text(c.name(), present.get(c.name())));
            } else if (c.name().equals("service_month")) {
                select.add("strftime(CAST(date_of_service AS DATE), '%Y-%m')");
            } else if (c.required()) {
                throw new LoadException("column " + c.name() + " is missing from the Parquet files under " + folder
                        + " (columns found: " + new java.util.TreeSet<>(present.keySet()) + "); was the run written by this version of audit?");
            } else {
                select.add("NULL");
            }
        }
        long n = 0;
        int width = columns.size();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + source)) {
            String[] row = new String[width];
            while (rs.next()) {
                for (int i = 0; i < width; i++) row[i] = rs.getString(i + 1);
                sink.row(row);
                n++;
            }
        }
        return n;
    }

    /** A column as text; a nested one (list, struct: the remittance adjustments) as JSON, a missing list as []. */
    private static String text(String name, String type) {
        String col = "\"" + name + "\"";
        if (type.endsWith("[]")) return "coalesce(CAST(to_json(" + col + ") AS VARCHAR), '[]')";
        if (type.startsWith("STRUCT") || type.startsWith("MAP")) return "CAST(to_json(" + col + ") AS VARCHAR)";
        return "CAST(" + col + " AS VARCHAR)";
    }

    /** A Parquet file's row count, from its footer (no data is read). */
    long fileRows(Path file) throws SQLException {
        try (java.sql.PreparedStatement ps = duck.prepareStatement("SELECT sum(num_rows) FROM parquet_file_metadata(?)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            duck.close();
        } catch (SQLException ignored) {
            // in-memory database: nothing to lose
        }
    }
}
