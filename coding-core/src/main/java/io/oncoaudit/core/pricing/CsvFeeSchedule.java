package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.cms.CsvRecords;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.CsvReader;
import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fee schedule in the contract format (section 2): CSV with a header row naming payer_id, procedure_code,
 * setting, allowed_amount and optionally effective_from, effective_to, in any order (other columns are ignored;
 * '#' comment lines may precede the header). Lookup precedence: see {@link FeeIndex} (exact payer, then exact
 * setting, among the rows whose effective range holds the date of service). A bad row stops the load with a
 * {@link TableFormatException} naming the file, line and column. Immutable and thread-safe.
 */
public final class CsvFeeSchedule implements FeeSchedule {
    static final String PAYER = "payer_id", CODE = "procedure_code", SETTING = "setting", AMOUNT = "allowed_amount",
            FROM = "effective_from", TO = "effective_to";

    private final FeeIndex index;
    private final String fingerprint;
    private final String description;

    private CsvFeeSchedule(FeeIndex index, String fingerprint, String description) {
        this.index = index;
        this.fingerprint = fingerprint;
        this.description = description;
    }

    /** Loads a contract-format fee schedule file. */
    public static CsvFeeSchedule load(Path file) {
        byte[] bytes = CsvRecords.readFile(file);
        return parse(file.getFileName().toString(), bytes, "fee schedule " + file);
    }

    /** Parses contract-format CSV content; {@code source} names it in errors. */
    public static CsvFeeSchedule parse(String source, byte[] content, String origin) {
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(source, new StringReader(CsvRecords.decode(content)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FeeRow> fees = new ArrayList<>(rows.size());
        for (CsvReader.Row r : rows) {
            if (fees.isEmpty()) {
                for (String c : List.of(PAYER, CODE, SETTING, AMOUNT)) {
                    if (!r.has(c)) {
                        throw r.error("the header has no column '" + c + "'; a fee schedule needs payer_id, "
                                + "procedure_code, setting, allowed_amount (effective_from, effective_to optional)");
                    }
                }
            }
            fees.add(row(r));
        }
        FeeIndex index = FeeIndex.of(source, fees);
        String description = origin + ": " + fees.size() + " prices for " + index.codeCount() + " codes";
        return new CsvFeeSchedule(index, Hashing.sha256Hex(content), description);
    }

    private static FeeRow row(CsvReader.Row r) {
        String payer = required(r, PAYER).toUpperCase(Locale.ROOT);
        String code = required(r, CODE).toUpperCase(Locale.ROOT);
        String settingRaw = required(r, SETTING).toUpperCase(Locale.ROOT);
        Setting setting;
        if (settingRaw.equals("*")) setting = null;
        else {
            try {
                setting = Setting.valueOf(settingRaw);
            } catch (IllegalArgumentException e) {
                throw r.error("column setting: '" + r.get(SETTING) + "' is not NONFACILITY, FACILITY or *");
            }
        }
        String amountRaw = required(r, AMOUNT);
        BigDecimal amount;
        try {
            amount = new BigDecimal(amountRaw);
        } catch (NumberFormatException e) {
            throw r.error("column allowed_amount: '" + amountRaw + "' is not a number; write the amount per unit as a "
                    + "plain decimal such as 119.36 (no currency sign or thousands separator)");
        }
        if (amount.signum() < 0) throw r.error("column allowed_amount: " + amountRaw + " is negative");
        LocalDate from = date(r, FROM), to = date(r, TO);
        if (from != null && to != null && to.isBefore(from)) {
            throw r.error("column effective_to: " + to + " is before effective_from " + from);
        }
        return new FeeRow(payer, code, setting, amount, from, to, r.lineNumber());
    }

    private static String required(CsvReader.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) throw r.error("column " + column + " is empty" + (column.equals(PAYER) ? " (use * for any payer)"
                : column.equals(SETTING) ? " (use NONFACILITY, FACILITY or *)" : ""));
        return v;
    }

    private static LocalDate date(CsvReader.Row r, String column) {
        String v = r.getOrEmpty(column);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.error("column " + column + ": '" + v + "' is not a YYYY-MM-DD date");
        }
    }

    @Override
    public BigDecimal perUnit(String payerId, String procedureCode, Setting setting, LocalDate dateOfService) {
        return index.find(payerId, procedureCode, setting, dateOfService);
    }

    @Override
    public String fingerprint() { return fingerprint; }

    @Override
    public String description() { return description; }
}
