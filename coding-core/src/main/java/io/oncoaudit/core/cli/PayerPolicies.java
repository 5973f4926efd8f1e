package io.oncoaudit.core.cli;

import io.oncoaudit.core.tables.CsvReader;
import io.oncoaudit.core.tables.PayerTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --payer-policies FILE}: a CSV in the payers.csv format whose rows add payers or replace the
 * built-in row with the same payer_id (the '*' row included). Merging happens at row level so the file's
 * cells are checked by the same loader as the built-in table, with the file name and line in errors.
 */
final class PayerPolicies {
    private PayerPolicies() { }

    static PayerTable builtInWithOverrides(Path file) throws IOException {
        List<CsvReader.Row> overrides;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            overrides = CsvReader.read(file.toString(), r);
        }
        Set<String> replaced = new HashSet<>();
        for (CsvReader.Row row : overrides) {
            String id = row.get("payer_id");
            if (id.isEmpty()) throw row.error("payer_id is empty; give the payer key, or '*' for unlisted payers");
            replaced.add(id.toUpperCase(Locale.ROOT));
        }
        List<CsvReader.Row> merged = new ArrayList<>();
        for (CsvReader.Row row : CsvReader.readResource(PayerTable.RESOURCE)) {
            if (!replaced.contains(row.get("payer_id").toUpperCase(Locale.ROOT))) merged.add(row);
        }
        merged.addAll(overrides);
        return PayerTable.load(merged);
    }
}
