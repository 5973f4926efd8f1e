package io.oncoaudit.core.tables;

/**
 * All reference tables, loaded once per JVM (per Spark executor, per Quarkus app) and shared: immutable.
 * {@code version} identifies the table set for run manifests.
 */
public record ReferenceTables(
        AdminCodeTable adminCodes,
        DrugTable drugs,
        NeoplasmTable neoplasms,
        PayerTable payers,
        String version) {

    public static final String VERSION = "2026.01-3";

    private static volatile ReferenceTables builtIn;

    /** The tables shipped in the jar. */
    public static ReferenceTables builtIn() {
        ReferenceTables t = builtIn;
        if (t == null) {
            synchronized (ReferenceTables.class) {
                t = builtIn;
                if (t == null) {
                    t = new ReferenceTables(
                            AdminCodeTable.load(CsvReader.readResource(AdminCodeTable.RESOURCE)),
                            DrugTable.load(CsvReader.readResource(DrugTable.RESOURCE)).withAsp(
                                    io.oncoaudit.core.tables.cms.AspQuarters.shipped(), CsvReader.readResource(DrugTable.CLASSES_RESOURCE)),
                            NeoplasmTable.load(CsvReader.readResource(NeoplasmTable.RESOURCE)),
                            PayerTable.load(CsvReader.readResource(PayerTable.RESOURCE)),
                            VERSION);
                    builtIn = t;
                }
            }
        }
        return t;
    }

    public ReferenceTables withPayers(PayerTable p) { return new ReferenceTables(adminCodes, drugs, neoplasms, p, version); }
}
