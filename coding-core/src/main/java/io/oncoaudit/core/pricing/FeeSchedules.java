package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.CsvReader;
import io.oncoaudit.core.tables.TableFormatException;
import io.oncoaudit.core.tables.cms.AspQuarters;
import io.oncoaudit.core.tables.cms.CmsFiles;
import io.oncoaudit.core.tables.cms.CsvRecords;
import io.oncoaudit.core.tables.cms.OppsReleases;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry points for fee schedules: the built-in CMS default (contract section 10) and a contract-format CSV (contract
 * section 2). Schedules are immutable and thread-safe; load one per JVM and share it.
 */
public final class FeeSchedules {
    /** Said wherever the built-in schedule is described. */
    public static final String WHAT_THE_PRICES_ARE =
            "prices are Medicare national amounts (PFS, OPPS, ASP), not commercial contracts; "
                    + "load contracted prices with --fee-schedule";

    private static final System.Logger LOG = System.getLogger(FeeSchedules.class.getName());
    private static final Map<String, FeeSchedule> BY_LOCALITY = new ConcurrentHashMap<>();
    private static volatile byte[] shippedBytesHash;

    private FeeSchedules() { }

    /** The built-in CMS default, national amounts, tables chosen by date of service. Loaded once and cached. */
    public static FeeSchedule builtIn() {
        return builtIn("NATIONAL");
    }

    /**
     * The built-in default with the PFS priced for one Medicare locality of the shipped CY2025 GPCI table: "NATIONAL",
     * "MAC-locality" (e.g. 01112-54) or "state-locality" (e.g. CA-54). OPPS and drug prices are national.
     *
     * @throws IllegalArgumentException for an unknown locality
     */
    public static FeeSchedule builtIn(String localityKey) {
        String key = localityKey == null || localityKey.isBlank() ? "NATIONAL" : localityKey.trim().toUpperCase(Locale.ROOT);
        FeeSchedule cached = BY_LOCALITY.get(key);
        if (cached != null) return cached;
        return BY_LOCALITY.computeIfAbsent(key, k -> builtIn(k, null, null, null));
    }

    /**
     * The built-in default with options: newer ASP quarters from a folder ({@code --asp DIR}), tables chosen as of one
     * date instead of each date of service ({@code --tables-as-of DATE}), a charge master ({@code --charge-master F}:
     * CSV with procedure_code, charge per unit). Any argument may be null. Not cached.
     */
    public static CmsDefaultSchedule builtIn(String localityKey, Path aspDir, LocalDate tablesAsOf, Path chargeMaster) {
        String key = localityKey == null || localityKey.isBlank() ? "NATIONAL" : localityKey.trim().toUpperCase(Locale.ROOT);
        byte[] rvuBytes = CsvRecords.readResource(CmsRelativeValueFile.RESOURCE);
        CmsRelativeValueFile rvu = CmsRelativeValueFile.parse("PPRRVU2025_Oct.csv", CsvRecords.decode(rvuBytes));
        Gpci gpci = Gpci.NATIONAL;
        List<byte[]> parts = new ArrayList<>();
        parts.add(Hashing.utf8("oncoaudit-cms-default-v2"));
        parts.add(shippedHash());
        if (!key.equals("NATIONAL")) {
            byte[] gpciBytes = CsvRecords.readResource(GpciTable.RESOURCE);
            gpci = GpciTable.parse(GpciTable.RESOURCE, CsvRecords.decode(gpciBytes)).locality(key);
            parts.add(gpciBytes);
            parts.add(Hashing.utf8(gpci.macKey()));
        }
        AspQuarters asp = AspQuarters.shipped();
        if (aspDir != null) {
            asp = asp.withDirectory(aspDir);
            for (Map.Entry<String, String> e : asp.sources().entrySet()) parts.add(Hashing.utf8(e.getKey() + "=" + e.getValue()));
            for (var q : asp.quarters()) {
                StringBuilder sb = new StringBuilder(q.toString());
                asp.get(q).entries().values().stream().sorted(java.util.Comparator.comparing(io.oncoaudit.core.tables.cms.AspQuarter.Entry::hcpcs))
                        .forEach(x -> sb.append('|').append(x.hcpcs()).append('=').append(x.billingUnitText()).append('=').append(x.paymentLimit().toPlainString()));
                parts.add(Hashing.utf8(sb.toString()));
            }
        }
        if (tablesAsOf != null) parts.add(Hashing.utf8("as-of " + tablesAsOf));
        Map<String, BigDecimal> cm = null;
        if (chargeMaster != null) {
            byte[] b = CsvRecords.readFile(chargeMaster);
            cm = chargeMaster(chargeMaster.getFileName().toString(), b);
            parts.add(b);
        }
        CmsDefaultSchedule s = new CmsDefaultSchedule(rvu, gpci, asp, OppsReleases.shipped(), tablesAsOf, cm,
                Hashing.sha256Hex(parts.toArray(new byte[0][])));
        LOG.log(Level.INFO, "Loaded fee schedule: {0}", s.description());
        return s;
    }

    /** SHA-256 over every shipped pricing file (PFS, ASP, OPPS), computed once. */
    private static byte[] shippedHash() {
        byte[] h = shippedBytesHash;
        if (h == null) {
            List<byte[]> parts = new ArrayList<>();
            for (String r : CmsFiles.index()) {
                if (r.startsWith("ndc/")) continue;
                parts.add(Hashing.utf8(r));
                parts.add(CsvRecords.readResource(CmsFiles.ROOT + r));
            }
            shippedBytesHash = h = Hashing.utf8(Hashing.sha256Hex(parts.toArray(new byte[0][])));
        }
        return h;
    }

    /** A charge master CSV: header with procedure_code and charge (per unit); one row per code. */
    static Map<String, BigDecimal> chargeMaster(String source, byte[] content) {
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(source, new StringReader(CsvRecords.decode(content)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (CsvReader.Row r : rows) {
            if (!r.has("procedure_code") || !r.has("charge")) {
                throw r.error("a charge master needs the columns procedure_code and charge (charge per unit)");
            }
            String code = r.get("procedure_code").toUpperCase(Locale.ROOT);
            if (code.isEmpty()) throw r.error("column procedure_code is empty");
            BigDecimal c;
            try {
                c = new BigDecimal(r.get("charge"));
            } catch (NumberFormatException e) {
                throw r.error("column charge: '" + r.get("charge") + "' is not a number (write 123.45)");
            }
            if (c.signum() < 0) throw r.error("column charge: " + c + " is negative");
            if (m.put(code, c) != null) throw r.error("procedure_code " + code + " appears twice");
        }
        if (m.isEmpty()) throw new TableFormatException(source, 1, "the charge master has no rows");
        return m;
    }

    /** A contract-format fee schedule CSV; it replaces the built-in default entirely (contract section 2). */
    public static FeeSchedule fromCsv(Path file) {
        return CsvFeeSchedule.load(file);
    }
}
