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
        // the 3-character category, upper-cased, without allocating (runs for every diagnosis of every encounter)
        int start = 0;
        while (start < icd10.length() && icd10.charAt(start) == ' ') start++;
        if (icd10.length() - start < 3) return null;
        char c0 = Character.toUpperCase(icd10.charAt(start));
        char c1 = Character.toUpperCase(icd10.charAt(start + 1));
        char c2 = Character.toUpperCase(icd10.charAt(start + 2));
        for (Block b : blocks) {
            if (compare(c0, c1, c2, b.from()) >= 0 && compare(c0, c1, c2, b.to()) <= 0) return b.behavior();
        }
        return null;
    }

    private static int compare(char c0, char c1, char c2, String cat) {
        if (c0 != cat.charAt(0)) return c0 - cat.charAt(0);
        if (c1 != cat.charAt(1)) return c1 - cat.charAt(1);
        return c2 - cat.charAt(2);
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
