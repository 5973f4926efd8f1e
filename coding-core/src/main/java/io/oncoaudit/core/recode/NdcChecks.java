package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.cms.Ndc;
import io.oncoaudit.core.tables.cms.NdcCrosswalk;
import io.oncoaudit.core.tables.cms.NdcCrosswalks;
import io.oncoaudit.core.tables.cms.Releases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NDC checks of the billed drug lines (rules/ndc): OA-NDC-001 format (11 digits, 5-4-2), OA-NDC-002 the NDC is listed
 * under the billed HCPCS code in the CMS ASP NDC-HCPCS crosswalk of the quarter holding the date of service,
 * OA-NDC-003 billed units fit the packages (BILLUNITSPKG) the documented dose needs. Each finding is COMPLIANCE with
 * amount 0: the correction (NDC or code) is a claim correction; money on units is the drug-units rule's.
 */
final class NdcChecks {
    private NdcChecks() { }

    static void check(Context ctx, List<ExpectedLine> expected, List<Finding> findings) {
        List<ClaimLine> lines = ctx.encounter.lines();
        Releases.Selection<NdcCrosswalk> sel = null;
        Map<String, NdcCrosswalk.Row> pairs = null;
        for (int i = 0, n = lines.size(); i < n; i++) {
            ClaimLine l = lines.get(i);
            String ndc = l.ndc();
            if (ndc == null || ndc.isBlank()) continue;
            String digits = Ndc.digits(ndc);
            if (digits == null) {
                findings.add(finding(ctx, FindingKind.NDC_FORMAT, RuleCatalog.NDC_FORMAT, l, "the NDC '" + ndc.strip() + "' on line "
                        + l.lineNumber() + " is not 11 digits in the 5-4-2 form (e.g. 00006-3026-02 or 00006302602)", null));
                continue;
            }
            if (sel == null) sel = NdcCrosswalks.shipped().select(ctx.encounter.dateOfService());
            if (sel.warning() != null) ctx.warn(sel.warning());
            NdcCrosswalk cw = sel.table();
            List<NdcCrosswalk.Row> rows = cw.byNdc(digits);
            if (rows.isEmpty()) {
                ctx.warn("NDC " + Ndc.hyphenated(digits) + " (line " + l.lineNumber() + ") is not in the " + sel.version()
                        + ": its match with " + l.procedureCode() + " was not checked");
                continue;
            }
            NdcCrosswalk.Row pair = null;
            List<String> codes = new ArrayList<>(2);
            for (NdcCrosswalk.Row r : rows) {
                if (r.hcpcs().equals(l.procedureCode())) pair = r;
                if (!codes.contains(r.hcpcs())) codes.add(r.hcpcs());
            }
            if (pair == null) {
                findings.add(finding(ctx, FindingKind.NDC_HCPCS_MISMATCH, RuleCatalog.NDC_HCPCS, l, "NDC " + Ndc.hyphenated(digits) + " ("
                        + rows.get(0).drugName().strip() + ") is listed under " + String.join(", ", codes) + ", not under the billed "
                        + l.procedureCode() + ", in the " + sel.version(), sel.version()));
                continue;
            }
            if (pairs == null) pairs = new LinkedHashMap<>();
            pairs.putIfAbsent(l.procedureCode(), pair);
        }
        if (pairs == null || ctx.encounter.claimsOnly()) return;
        for (Map.Entry<String, NdcCrosswalk.Row> e : pairs.entrySet()) {
            String code = e.getKey();
            NdcCrosswalk.Row pkg = e.getValue();
            if (pkg.billUnitsPkg() == null || pkg.billUnitsPkg().signum() <= 0) continue;
            if (unitsJudged(findings, code)) continue; // the units are already a finding (and priced) of the units rules
            long documented = 0, dose = 0, billed = 0;
            for (ExpectedLine x : expected) {
                if (!x.procedureCode().equals(code)) continue;
                documented += x.units();
                if (!x.modifiers().contains("JW")) dose += x.units();
            }
            ClaimLine first = null;
            for (ClaimLine l : ctx.encounter.lines()) {
                if (l.procedureCode().equals(code)) {
                    billed += l.wholeUnits();
                    if (first == null) first = l;
                }
            }
            if (dose <= 0) continue;
            BigDecimal packages = BigDecimal.valueOf(dose).divide(pkg.billUnitsPkg(), 0, RoundingMode.CEILING);
            BigDecimal max = packages.multiply(pkg.billUnitsPkg());
            if (BigDecimal.valueOf(billed).compareTo(max) > 0) {
                String why = code + " billed x" + billed + " with NDC " + pkg.ndc2() + " (" + pkg.billUnitsPkg().stripTrailingZeros().toPlainString()
                        + " billing units per package in the " + NdcCrosswalks.shipped().select(ctx.encounter.dateOfService()).version()
                        + "): the documented dose takes " + dose + " unit(s) (" + documented + " with the documented waste), the "
                        + packages.toPlainString() + " package(s) it needs hold at most "
                        + max.stripTrailingZeros().toPlainString();
                findings.add(finding(ctx, FindingKind.NDC_UNITS_MISMATCH, RuleCatalog.NDC_UNITS, first, why,
                        NdcCrosswalks.shipped().select(ctx.encounter.dateOfService()).version()));
            }
        }
    }

    private static boolean unitsJudged(List<Finding> findings, String code) {
        for (Finding f : findings) {
            if ((f.kind() == FindingKind.DRUG_UNITS || f.kind() == FindingKind.WASTE_MODIFIER)
                    && (code.equals(f.billedCode()) || code.equals(f.expectedCode()))) return true;
        }
        return false;
    }

    private static Finding finding(Context ctx, FindingKind kind, Rule rule, ClaimLine l, String why, String version) {
        String code = l.procedureCode();
        String appeal = Findings.appealText(ctx, kind, Direction.COMPLIANCE, rule, code, code, l.wholeUnits(), l.wholeUnits(), why);
        FindingPricing pricing = new FindingPricing(null, null, null, null, null, version,
                "a claim correction (NDC or drug code): the payment is not changed by it");
        return new Finding(kind, rule.id(), code, code, l.wholeUnits(), l.wholeUnits(), Direction.COMPLIANCE, Money.ZERO,
                why + ".", rule.citations(), appeal, l.lineNumber()).priced(Direction.COMPLIANCE, Money.ZERO, pricing);
    }
}
