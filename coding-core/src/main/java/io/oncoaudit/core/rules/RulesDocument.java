package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.FindingKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the rules catalog as Markdown (docs/rules.md). */
public final class RulesDocument {
    private RulesDocument() { }

    /** Which rules can explain each finding kind (the finding's ruleId is one of these). */
    static Map<FindingKind, List<String>> kindRules() {
        Map<FindingKind, List<String>> m = new LinkedHashMap<>();
        m.put(FindingKind.DOWNCODED_TO_96372, List.of(RuleCatalog.SC_IM_CODE.id()));
        m.put(FindingKind.HORMONAL_CLASS_MISMATCH, List.of(RuleCatalog.SC_IM_CODE.id()));
        m.put(FindingKind.NON_CHEMO_BILLED_AS_CHEMO, List.of(RuleCatalog.SUPPORTIVE_FAMILY.id(), RuleCatalog.SC_IM_CODE.id(), RuleCatalog.CHEMO_FAMILY.id()));
        m.put(FindingKind.CHEMO_BILLED_AS_THERAPEUTIC, List.of(RuleCatalog.CHEMO_FAMILY.id()));
        m.put(FindingKind.DUPLICATE_INITIAL, List.of(RuleCatalog.ONE_INITIAL.id()));
        m.put(FindingKind.ADDON_WITHOUT_PRIMARY, List.of(RuleCatalog.ADDON_PRIMARY.id()));
        m.put(FindingKind.INFUSION_HOURS, List.of(RuleCatalog.TIME_ADDITIONAL_HOUR.id(), RuleCatalog.HYDRATION.id()));
        m.put(FindingKind.COMBINATION_PRODUCT_SPLIT, List.of(RuleCatalog.COMBINATION_PRODUCT.id()));
        m.put(FindingKind.DRUG_UNITS, List.of(RuleCatalog.DRUG_UNITS.id()));
        m.put(FindingKind.WASTE_MODIFIER, List.of(RuleCatalog.WASTE_MODIFIERS.id()));
        m.put(FindingKind.MISSING_ADMINISTRATION, List.of("the rule that derived the missing code (any OA-TIME/HIER/SEQ/SCIM/SITE/PUMP rule)"));
        m.put(FindingKind.MISSING_DISTINCT_MODIFIER, List.of(RuleCatalog.SEPARATE_ACCESS.id(), RuleCatalog.EM_WITH_ADMINISTRATION.id()));
        m.put(FindingKind.ADMINISTRATION_CODE_MISMATCH, List.of(RuleCatalog.TIME_PUSH.id(), RuleCatalog.SEQUENTIAL_CONCURRENT.id(), RuleCatalog.PUMP_START.id(), RuleCatalog.SITE_CODES.id()));
        m.put(FindingKind.UNSUPPORTED_ADMINISTRATION, List.of(RuleCatalog.ONE_INITIAL.id(), RuleCatalog.CLAIMS_ONLY.id()));
        m.put(FindingKind.INVALID_DRUG_CODE, List.of(RuleCatalog.DRUG_CODE_VALID.id()));
        m.put(FindingKind.EM_WITH_ADMINISTRATION, List.of(RuleCatalog.EM_WITH_ADMINISTRATION.id()));
        m.put(FindingKind.NCCI_PTP_EDIT, List.of(RuleCatalog.NCCI_PTP.id()));
        m.put(FindingKind.MUE_EXCEEDED, List.of(RuleCatalog.NCCI_MUE.id()));
        return m;
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# oncoaudit rules catalog\n\n");
        sb.append("Generated from `coding-core` (`io.oncoaudit.core.rules.RuleCatalog`, `SeedErrata`); do not edit by hand.\n");
        sb.append("Regenerate: `./mvnw -pl coding-core test -Dtest=RuleCatalogTests -Doncoaudit.writeRules=true`.\n\n");
        sb.append("Authority order: CPT descriptors and guidelines, CMS IOM 100-04 ch.12, CMS transmittals and MAC articles, ")
          .append("NCCI policy manual, HCPCS descriptors, then the seed documents. Every finding carries the id of the rule that explains it.\n\n");
        for (int m = 0; m < 2; m++) {
            sb.append(m == 0 ? "## Order of the rules: full mode\n\n" : "## Order of the rules: claims-only mode\n\n");
            int i = 1;
            for (io.oncoaudit.core.recode.Step s : m == 0 ? RuleCatalog.FULL_MODE : RuleCatalog.CLAIMS_ONLY_MODE) {
                sb.append(i++).append(". ").append(s.name());
                if (s.decisions().isEmpty()) sb.append('\n');
                else if (s.decisions().get(0).indexOf(':') < 0) sb.append(": ").append(String.join(", ", s.decisions())).append('\n');
                else {
                    sb.append(":\n");
                    for (String d : s.decisions()) sb.append("   - ").append(d).append('\n');
                }
            }
            sb.append('\n');
        }
        sb.append("## Rules\n\n| id | category | rule | class | citations |\n|---|---|---|---|---|\n");
        for (Rule r : RuleCatalog.all()) {
            Class<?> impl = RuleCatalog.implementation(r);
            sb.append("| ").append(r.id()).append(" | ").append(r.category()).append(" | ").append(esc(r.title())).append(" | `")
              .append(impl == null ? "" : impl.getName().replace("io.oncoaudit.core.", "")).append("` | ")
              .append(esc(String.join("; ", r.citations()))).append(" |\n");
        }
        sb.append('\n');
        for (Rule r : RuleCatalog.all()) {
            sb.append("### ").append(r.id()).append(" ").append(r.title()).append("\n\n");
            sb.append(r.statement()).append("\n\n");
            if (r.believed()) sb.append("**Flagged: rests in part on a BELIEVED fact (see provenance) until a public citation confirms it.**\n\n");
            sb.append("Citations (public, shown on findings and letters):\n");
            for (String c : r.citations()) sb.append("- ").append(c).append('\n');
            if (!r.provenance().isEmpty()) {
                sb.append("\nProvenance (internal, never shown to payers):\n");
                for (String c : r.provenance()) sb.append("- ").append(c).append('\n');
            }
            if (r.resolution() != null) sb.append("\nWhere the sources disagree: ").append(r.resolution()).append('\n');
            if (r.appealBasis() != null) sb.append("\nAppeal language: ").append(r.appealBasis()).append('\n');
            sb.append('\n');
        }
        sb.append("## Finding kinds\n\n| kind | explained by |\n|---|---|\n");
        for (Map.Entry<FindingKind, List<String>> e : kindRules().entrySet()) {
            sb.append("| ").append(e.getKey().name()).append(" | ").append(esc(String.join(", ", e.getValue()))).append(" |\n");
        }
        sb.append("\n## Seed errors and how they are resolved\n\n");
        sb.append("The numbers are those of `shared/reference/NOTES.md` section 4.\n\n| # | seed | seed says | correct / product behaviour | rule |\n|---|---|---|---|---|\n");
        for (SeedErrata.Erratum e : SeedErrata.all()) {
            sb.append("| ").append(e.number()).append(" | ").append(e.seed()).append(" | ").append(esc(e.claim())).append(" | ")
              .append(esc(e.resolution())).append(" | ").append(e.ruleId() == null ? "out of scope" : e.ruleId()).append(" |\n");
        }
        return sb.toString();
    }

    private static String esc(String s) { return s.replace("|", "\\|").replace("\n", " "); }
}
