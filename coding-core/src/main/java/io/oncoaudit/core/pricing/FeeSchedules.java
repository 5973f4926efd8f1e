package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.cms.CsvRecords;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry points for fee schedules: the built-in default and a contract-format CSV (contract section 2).
 * Schedules are immutable and thread-safe; load one per JVM and share it.
 */
public final class FeeSchedules {
    /** Said wherever the built-in schedule is described: its drug prices are not CMS payment limits. */
    public static final String DRUG_PRICES_ARE_SAMPLES =
            "drug prices are samples for demos and tests, not CMS-published ASP payment limits; "
                    + "use --fee-schedule with your contracted or CMS prices for a real audit";

    private static final System.Logger LOG = System.getLogger(FeeSchedules.class.getName());
    private static final Map<String, FeeSchedule> BY_LOCALITY = new ConcurrentHashMap<>();

    private FeeSchedules() { }

    /**
     * The built-in default: CMS PFS CY2025 national amounts (RVU total x CF, NOTES 2.2) from the shipped relative
     * value file for every payer and both settings, plus drug prices per HCPCS billing unit from the shipped
     * sample ASP file. Loaded once and cached.
     */
    public static FeeSchedule builtIn() {
        return builtIn("NATIONAL");
    }

    /**
     * The built-in default priced for one Medicare locality of the shipped CY2025 GPCI table: "NATIONAL",
     * "MAC-locality" (e.g. 01112-54) or "state-locality" (e.g. CA-54). Drug prices are not geographically adjusted.
     *
     * @throws IllegalArgumentException for an unknown locality
     */
    public static FeeSchedule builtIn(String localityKey) {
        String key = localityKey == null || localityKey.isBlank() ? "NATIONAL" : localityKey.trim().toUpperCase(Locale.ROOT);
        FeeSchedule cached = BY_LOCALITY.get(key);
        if (cached != null) return cached;
        return BY_LOCALITY.computeIfAbsent(key, FeeSchedules::load);
    }

    private static FeeSchedule load(String key) {
        byte[] rvuBytes = CsvRecords.readResource(CmsRelativeValueFile.RESOURCE);
        byte[] aspBytes = CsvRecords.readResource(AspPricingFile.SAMPLE_RESOURCE);
        CmsRelativeValueFile rvu = CmsRelativeValueFile.parse(CmsRelativeValueFile.RESOURCE, CsvRecords.decode(rvuBytes));
        AspPricingFile drugs = AspPricingFile.parse(AspPricingFile.SAMPLE_RESOURCE, CsvRecords.decode(aspBytes));
        Gpci gpci = Gpci.NATIONAL;
        String fingerprint;
        if (key.equals("NATIONAL")) {
            fingerprint = Hashing.sha256Hex(Hashing.utf8("oncoaudit-builtin-v1"), rvuBytes, aspBytes);
        } else {
            byte[] gpciBytes = CsvRecords.readResource(GpciTable.RESOURCE);
            gpci = GpciTable.parse(GpciTable.RESOURCE, CsvRecords.decode(gpciBytes)).locality(key);
            fingerprint = Hashing.sha256Hex(Hashing.utf8("oncoaudit-builtin-v1"), rvuBytes, aspBytes, gpciBytes,
                    Hashing.utf8(gpci.macKey()));
        }
        FeeSchedule s = new BuiltInFeeSchedule(rvu, gpci, drugs, fingerprint, DRUG_PRICES_ARE_SAMPLES);
        LOG.log(Level.INFO, "Loaded fee schedule: {0}", s.description());
        return s;
    }

    /** A contract-format fee schedule CSV; it replaces the built-in default entirely (contract section 2). */
    public static FeeSchedule fromCsv(Path file) {
        return CsvFeeSchedule.load(file);
    }
}
