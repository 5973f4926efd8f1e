package io.oncoaudit.core.tables;

import java.util.List;
import java.util.Locale;

/**
 * ICD-10-CM chapter 2 (Neoplasms, C00-D49) by block, from {@code neoplasm-ranges.csv}. Codes compare on
 * their first three characters, dots optional (contract section 1: C50.911 = C50911).
 */
public final class NeoplasmTable {
    public static final String RESOURCE = "/io/oncoaudit/core/tables/neoplasm-ranges.csv";

    public record Block(String from, String to, NeoplasmBehavior behavior) { }

    private final List<Block> blocks;

    public NeoplasmTable(List<Block> blocks) { this.blocks = List.copyOf(blocks); }

    public static NeoplasmTable load(List<CsvReader.Row> rows) {
        return new NeoplasmTable(rows.stream().map(r -> new Block(
                r.get("from").toUpperCase(Locale.ROOT), r.get("to").toUpperCase(Locale.ROOT),
                Tables.enumValue(r, "behavior", NeoplasmBehavior.class))).toList());
    }

    /** Behaviour of the neoplasm block holding {@code icd10}, or null when it is not a neoplasm code. */
    public NeoplasmBehavior behaviorOf(String icd10) {
        if (icd10 == null) return null;
        String c = icd10.trim().toUpperCase(Locale.ROOT).replace(".", "");
        if (c.length() < 3) return null;
        String cat = c.substring(0, 3);
        for (Block b : blocks) if (cat.compareTo(b.from()) >= 0 && cat.compareTo(b.to()) <= 0) return b.behavior();
        return null;
    }

    /** True when any code supports a cancer indication (malignant, in situ, uncertain or unspecified behaviour). */
    public boolean anyCancer(List<String> codes) {
        for (String c : codes) {
            NeoplasmBehavior b = behaviorOf(c);
            if (b != null && b.cancerIndication()) return true;
        }
        return false;
    }
}
