package io.oncoaudit.batch.audit;

import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.CsvReader;
import io.oncoaudit.core.tables.PayerTable;
import io.oncoaudit.core.tables.ReferenceTables;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * What a Recoder is built from: the fee schedule (contract section 2: --fee-schedule replaces the
 * built-in one) and optional payer policies (rows override the built-in payers.csv by payer_id).
 * A null path means the built-in. Shipped to executors; each executor JVM builds its Recoder once
 * ({@link #recoder()}), never per row.
 */
public record RecoderConfig(String feeSchedulePath, String payerPoliciesPath, String aspPath, String tablesAsOf,
                            String chargeMasterPath, String ncciPath) implements Serializable {

    public RecoderConfig(String feeSchedulePath, String payerPoliciesPath) {
        this(feeSchedulePath, payerPoliciesPath, null, null, null, null);
    }

    private static final Map<RecoderConfig, Recoder> PER_JVM = new ConcurrentHashMap<>();

    /** The Recoder of this JVM for this configuration: built on first use, then shared (it is thread-safe). */
    public Recoder recoder() {
        return PER_JVM.computeIfAbsent(this, RecoderConfig::build);
    }

    private Recoder build() {
        ReferenceTables tables = ReferenceTables.builtIn();
        if (payerPoliciesPath != null) tables = tables.withPayers(payers(resolve(payerPoliciesPath)));
        FeeSchedule fees;
        if (feeSchedulePath != null) fees = FeeSchedules.fromCsv(resolve(feeSchedulePath));
        else if (aspPath == null && tablesAsOf == null && chargeMasterPath == null) fees = FeeSchedules.builtIn();
        else {
            fees = FeeSchedules.builtIn(null, aspPath == null ? null : resolve(aspPath),
                    tablesAsOf == null ? null : java.time.LocalDate.parse(tablesAsOf), chargeMasterPath == null ? null : resolve(chargeMasterPath));
        }
        io.oncoaudit.core.tables.ncci.NcciEdits ncci = io.oncoaudit.core.tables.ncci.NcciEdits.shipped();
        // the NCCI folder must be readable by every executor (local mode or a shared disk)
        if (ncciPath != null) ncci = ncci.withDirectory(Path.of(ncciPath));
        return new Recoder(tables, fees, ncci);
    }

    /** The built-in payer rows, each replaced or extended by the file's row with the same payer_id. */
    static PayerTable payers(Path file) {
        Map<String, CsvReader.Row> rows = new LinkedHashMap<>();
        for (CsvReader.Row r : CsvReader.readResource(PayerTable.RESOURCE)) rows.put(r.get("payer_id").toUpperCase(Locale.ROOT), r);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CsvReader.Row r : CsvReader.read(file.toString(), in)) rows.put(r.get("payer_id").toUpperCase(Locale.ROOT), r);
        } catch (IOException e) {
            throw new UncheckedIOException("payer policies '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        return PayerTable.load(List.copyOf(rows.values()));
    }

    /** The driver's path when this JVM sees it (local mode, shared disk), else the copy shipped with SparkContext.addFile. */
    static Path resolve(String path) {
        Path p = Path.of(path);
        if (Files.isReadable(p)) return p;
        return Path.of(SparkFiles.get(p.getFileName().toString()));
    }
}
