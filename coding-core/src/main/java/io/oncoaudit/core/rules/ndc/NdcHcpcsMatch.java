package io.oncoaudit.core.rules.ndc;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.cms.Ndc;
import io.oncoaudit.core.tables.cms.NdcCrosswalk;
import io.oncoaudit.core.tables.cms.Releases;
import java.util.ArrayList;
import java.util.List;

/** The NDC belongs to the billed HCPCS code in the CMS crosswalk of the quarter. */
public final class NdcHcpcsMatch {
    public static final Rule RULE = new Rule("OA-NDC-002", "ndc",
            "NDC under the billed HCPCS code",
            "A valid 11-digit NDC on a drug line must be listed under the billed HCPCS code in the CMS ASP NDC-HCPCS crosswalk of the quarter holding the date of service. An NDC the crosswalk lists under other codes only is a finding of kind NDC_HCPCS_MISMATCH naming those codes (COMPLIANCE, amount 0: the drug code or the NDC is to be corrected; the recoder does not guess which). An NDC the crosswalk does not list at all is a warning, not a finding (the crosswalk lists the products whose manufacturers report ASP data).",
            List.of("CMS ASP NDC-HCPCS Crosswalk for Medicare Part B Drugs (quarterly)"),
            null,
            "The NDC reported is a package of the drug the HCPCS code describes, per the CMS ASP NDC-HCPCS crosswalk of the quarter.");

    private NdcHcpcsMatch() { }

    // ---- decisions

    /** Each billed line with a valid NDC: matched against the crosswalk of the quarter. */
    public static final ItemRule<ClaimLine> LINE = ItemRule.of(RULE,
            "a valid NDC listed under other codes only: NDC_HCPCS_MISMATCH (not listed: a warning; listed under the billed code: its package kept for OA-NDC-003)",
            NdcHcpcsMatch::appliesTo, NdcHcpcsMatch::match);

    /** Guard: the line carries an NDC in the 11-digit 5-4-2 form. */
    public static boolean appliesTo(CodingPlan plan, ClaimLine l) {
        return NdcFormat.hasNdc(l) && Ndc.digits(l.ndc()) != null;
    }

    /**
     * Action: an NDC the crosswalk does not list is a warning; one listed under other codes only is a finding; one listed
     * under the billed code keeps its crosswalk row (the package) for the code's first such line.
     */
    public static void match(CodingPlan plan, ClaimLine l) {
        String digits = Ndc.digits(l.ndc());
        Releases.Selection<NdcCrosswalk> sel = plan.ndcCrosswalk();
        if (sel.warning() != null) plan.warn(sel.warning());
        List<NdcCrosswalk.Row> rows = sel.table().byNdc(digits);
        if (rows.isEmpty()) {
            plan.warn("NDC " + Ndc.hyphenated(digits) + " (line " + l.lineNumber() + ") is not in the " + sel.version()
                    + ": its match with " + l.procedureCode() + " was not checked");
            return;
        }
        NdcCrosswalk.Row pair = null;
        List<String> codes = new ArrayList<>(2);
        for (NdcCrosswalk.Row r : rows) {
            if (r.hcpcs().equals(l.procedureCode())) pair = r;
            if (!codes.contains(r.hcpcs())) codes.add(r.hcpcs());
        }
        if (pair == null) {
            plan.findings().add(NdcFormat.correction(plan, FindingKind.NDC_HCPCS_MISMATCH, RULE, l, "NDC " + Ndc.hyphenated(digits) + " ("
                    + rows.get(0).drugName().strip() + ") is listed under " + String.join(", ", codes) + ", not under the billed "
                    + l.procedureCode() + ", in the " + sel.version(), sel.version()));
            return;
        }
        plan.ndcPackage(l.procedureCode(), pair);
    }
}
