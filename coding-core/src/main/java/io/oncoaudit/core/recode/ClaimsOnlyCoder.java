package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.rules.family.ChemotherapyFamily;
import io.oncoaudit.core.rules.family.ScImInjectionCode;
import io.oncoaudit.core.rules.route.RouteSpecificCodes;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.AdminRole;
import io.oncoaudit.core.tables.AdminSlot;
import io.oncoaudit.core.tables.Drug;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims-only mode (OA-CLAIMS-001, contract section 4): without an administration record the billed
 * administration codes are re-coded from the billed drug codes and diagnoses: the SC/IM split
 * (OA-SCIM-001), the family of the IV codes (OA-FAM-001/002), one initial service (OA-HIER-001) and
 * add-ons with their primary (OA-ADDON-001). Times and drug units are not judged.
 */
final class ClaimsOnlyCoder {
    private ClaimsOnlyCoder() { }

    static List<Coded> derive(CodingPlan plan) {
        Context ctx = plan.ctx;
        List<Coded> scIm = new ArrayList<>(2);
        List<Coded> iv = new ArrayList<>(4);
        List<Coded> other = new ArrayList<>(2);
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            AdminCode c = ctx.admin(l.procedureCode());
            if (c == null) continue;
            Coded x = new Coded(c.code(), l.wholeUnits(), distinct(l), RuleCatalog.CLAIMS_ONLY.id(), () -> "billed " + c.code() + " on line " + l.lineNumber());
            // G0498 is a Medicare code (OA-PUMP-001): another payer's pump start is 96416
            if (c.code().equals(io.oncoaudit.core.rules.hierarchy.PumpStart.G0498) && ctx.payer.type() != io.oncoaudit.core.tables.PayerType.MEDICARE) {
                x = new Coded(io.oncoaudit.core.rules.hierarchy.PumpStart.CODE, l.wholeUnits(), distinct(l), RuleCatalog.PUMP_START.id(),
                        () -> "G0498 billed on line " + l.lineNumber() + " to a payer other than Medicare: G0498 is a Medicare code, the pump start is 96416");
            }
            CodeGroup g = CodeGroup.of(c.slot());
            if (c.slot() == AdminSlot.SC_IM_INJECTION) scIm.add(x);
            else if (g == CodeGroup.SERVICE || g == CodeGroup.HOUR) iv.add(x);
            else other.add(x);
        }
        // the drugs billed, by usual route and family; a split combination product counts as the product
        List<Drug> combos = io.oncoaudit.core.rules.units.CombinationProducts.splitCombinations(plan);
        java.util.Set<String> components = new java.util.HashSet<>();
        for (Drug c : combos) components.addAll(c.components());
        List<Drug> scImDrugs = new ArrayList<>(2);
        for (Drug c : combos) if (c.usualRoute() != null && c.usualRoute().subcutaneousOrIntramuscular()) scImDrugs.add(c);
        int chemoIv = 0, nonChemoIv = 0, unknown = 0;
        List<Drug> scImCapable = new ArrayList<>(1);
        List<Drug> localDrugs = new ArrayList<>(1);
        List<String> ivNames = new ArrayList<>(4);
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            if (l.hasModifier("JW") || ctx.admin(l.procedureCode()) != null) continue;
            Drug d = ctx.drug(l.procedureCode());
            if (io.oncoaudit.core.rules.family.UnclassifiedDrugRule.unclassified(d)) {
                if (d != null || Context.looksLikeDrugCode(l.procedureCode())) {
                    unknown++;
                    String why = d == null ? "not in the drug table" : "no public source classifies it (drug table class UNCLASSIFIED)";
                    ctx.unclassified(null, l.procedureCode(), d == null ? null : d.name(), why);
                    ctx.warn("unclassified drug code " + l.procedureCode() + " on line " + l.lineNumber() + " (" + why + "): not used to re-code administrations");
                }
                continue;
            }
            if (components.contains(d.hcpcs())) continue;
            if (!d.effectiveOn(ctx.encounter.dateOfService()) && d.replacedBy() != null && ctx.drug(d.replacedBy()) != null) d = ctx.drug(d.replacedBy());
            Route r = d.usualRoute();
            if (r != null && r.subcutaneousOrIntramuscular()) {
                if (!containsCode(scImDrugs, d.hcpcs())) scImDrugs.add(d);
            } else if (r == Route.INTRAVESICAL || (r == Route.IMPLANT && RouteSpecificCodes.incisionImplant(d.hcpcs()))) {
                if (!containsCode(localDrugs, d.hcpcs())) localDrugs.add(d);
            } else if (r == null || r == Route.IV) {
                if (d.injectableScIm()) scImCapable.add(d);
                AdminFamily f = ChemotherapyFamily.of(d, ctx.cancerDiagnosis, ctx.payer);
                if (f == AdminFamily.CHEMOTHERAPY) chemoIv++;
                else if (f == AdminFamily.THERAPEUTIC) nonChemoIv++;
                ivNames.add(d.name() + " (" + d.hcpcs() + ", " + f.name().toLowerCase() + ")");
            }
        }
        // intralesional chemotherapy (96405/96406) replaces the lesion injection codes: 11900/11901 beside it are not expected
        // unless a non-antineoplastic drug (a steroid for other lesions) is billed too (OA-SITE-001)
        boolean chemoLesions = false, lesionInjection = false;
        for (Coded o : other) {
            chemoLesions |= o.code.equals("96405") || o.code.equals("96406");
            lesionInjection |= o.code.equals("11900") || o.code.equals("11901");
        }
        if (chemoLesions && lesionInjection && !nonAntineoplasticDrugBilled(ctx)) {
            other.removeIf(o -> o.code.equals("11900") || o.code.equals("11901"));
        }
        // on-body injector applications (96377) are their own code: each one accounts for one SC drug (OA-SCIM-001)
        int onBody = 0;
        for (Coded o : other) if (o.code.equals(ScImInjectionCode.ON_BODY)) onBody += o.units;
        for (int i = 0; i < onBody && !scImDrugs.isEmpty(); i++) scImDrugs.remove(onBodyCandidate(scImDrugs));
        int billedScIm = 0;
        for (Coded b : scIm) billedScIm += b.units;
        // a drug given only by its own route (BCG intravesical 51720, histrelin implant 11981) billed with an SC/IM code: OA-SITE-001
        for (Drug d : localDrugs) {
            String code = d.usualRoute() == Route.INTRAVESICAL ? RouteSpecificCodes.BLADDER_INSTILLATION : RouteSpecificCodes.IMPLANT_INSERTION;
            boolean billedOwn = false;
            for (Coded o : other) billedOwn |= o.code.equals(code);
            if (billedOwn || billedScIm <= scImDrugs.size()) continue;
            Coded last = scIm.get(scIm.size() - 1);
            if (last.units > 1) scIm.set(scIm.size() - 1, new Coded(last.code, last.units - 1, last.modifiers, last.ruleId, last.reasonSupplier()));
            else scIm.remove(scIm.size() - 1);
            billedScIm--;
            other.add(Coded.of(code, 1, RuleCatalog.SITE_CODES.id(), () -> d.name() + " (" + d.hcpcs() + ") is given "
                    + (code.equals(RouteSpecificCodes.BLADDER_INSTILLATION) ? "by bladder instillation: 51720" : "as an implant inserted through an incision: 11981")
                    + " (claims-only: the drug billed and its route)"));
        }
        // an injection billed with no IV service: a drug usually given IV whose label allows SC/IM was injected (methotrexate SC)
        if (iv.isEmpty() && unknown == 0 && billedScIm > scImDrugs.size() && scImDrugs.size() + scImCapable.size() <= billedScIm) {
            for (Drug d : scImCapable) {
                scImDrugs.add(d);
                ivNames.removeIf(n -> n.contains("(" + d.hcpcs() + ","));
                AdminFamily f = ChemotherapyFamily.of(d, ctx.cancerDiagnosis, ctx.payer);
                if (f == AdminFamily.CHEMOTHERAPY) chemoIv--; else if (f == AdminFamily.THERAPEUTIC) nonChemoIv--;
            }
        }
        List<Coded> out = new ArrayList<>(scIm.size() + iv.size() + other.size());
        out.addAll(recodeScIm(ctx, scIm, scImDrugs));
        // every billed drug is SC/IM-only: no IV administration code is kept or recommended (OA-CLAIMS-001)
        boolean onlyScImDrugs = !scImDrugs.isEmpty() && ivNames.isEmpty() && unknown == 0;
        if (!onlyScImDrugs) out.addAll(recodeIv(ctx, iv, chemoIv, nonChemoIv, unknown, ivNames));
        out.addAll(other);
        return out;
    }

    private static boolean nonAntineoplasticDrugBilled(Context ctx) {
        for (ClaimLine l : ctx.encounter.lines()) {
            Drug d = ctx.drug(l.procedureCode());
            if (d != null && !d.drugClass().antineoplastic() && d.drugClass() != io.oncoaudit.core.tables.DrugClass.HYDRATION_FLUID) return true;
            if (d == null && Context.looksLikeDrugCode(l.procedureCode())) return true;
        }
        return false;
    }

    /** The SC drug an on-body injector most likely delivered: a supportive agent (pegfilgrastim) before an antineoplastic. */
    private static int onBodyCandidate(List<Drug> drugs) {
        for (int i = 0; i < drugs.size(); i++) if (!drugs.get(i).drugClass().antineoplastic()) return i;
        return 0;
    }

    private static List<String> distinct(ClaimLine l) {
        return AdminComparison.hasDistinctModifier(l) ? List.of("59") : List.of();
    }

    private static boolean containsCode(List<Drug> list, String code) {
        for (Drug d : list) if (d.hcpcs().equals(code)) return true;
        return false;
    }

    /** One SC/IM administration code per SC/IM drug billed, by its class and the diagnoses. */
    private static List<Coded> recodeScIm(Context ctx, List<Coded> billed, List<Drug> drugs) {
        if (drugs.isEmpty()) return billed;
        List<Coded> expected = new ArrayList<>(drugs.size());
        for (Drug d : drugs) {
            expected.add(Coded.of(ScImInjectionCode.code(d, ctx.cancerDiagnosis), 1, RuleCatalog.SC_IM_CODE.id(),
                    () -> ScImInjectionCode.reason(d, ctx.cancerDiagnosis) + " (claims-only: drug " + d.hcpcs() + " billed, usual route " + d.usualRoute() + ")"));
        }
        int billedUnits = 0;
        for (Coded b : billed) billedUnits += b.units;
        // more SC/IM units billed than SC/IM drugs: the extra units stay as billed (not judged without the record)
        int extra = billedUnits - expected.size();
        if (extra > 0) {
            List<Coded> pool = new ArrayList<>();
            for (Coded b : billed) for (int i = 0; i < b.units; i++) pool.add(b);
            for (Coded e : expected) {
                for (int i = 0; i < pool.size(); i++) if (pool.get(i).code.equals(e.code)) { pool.remove(i); break; }
            }
            for (int i = 0; i < extra && i < pool.size(); i++) {
                Coded b = pool.get(pool.size() - 1 - i);
                expected.add(new Coded(b.code, 1, b.modifiers, RuleCatalog.CLAIMS_ONLY.id(), () -> b.reason() + " (kept: more injections billed than SC/IM drugs)"));
            }
        }
        return expected;
    }

    private static List<Coded> recodeIv(Context ctx, List<Coded> billed, int chemo, int nonChemo, int unknown, List<String> ivNames) {
        if (billed.isEmpty()) return billed;
        List<Coded> out = new ArrayList<>(billed.size() + 1);
        boolean chemoBilled = false, therapeuticBilled = false;
        for (Coded b : billed) {
            AdminCode c = ctx.admin(b.code);
            if (b.code.equals("96368")) continue;
            if (c.family() == AdminFamily.CHEMOTHERAPY) chemoBilled = true;
            if (c.family() == AdminFamily.THERAPEUTIC) therapeuticBilled = true;
        }
        String drugs = String.join(", ", ivNames);
        boolean toTherapeutic = chemoBilled && chemo == 0 && unknown == 0 && nonChemo > 0;
        boolean allToChemo = !chemoBilled && therapeuticBilled && chemo > 0 && nonChemo == 0 && unknown == 0;
        boolean initialToChemo = !chemoBilled && therapeuticBilled && chemo > 0 && !allToChemo;
        // with both chemo and non-chemo IV drugs billed, only the initial service (and its hours) is re-coded
        Coded initialToConvert = null;
        if (initialToChemo) {
            for (Coded b : billed) {
                AdminCode c = ctx.admin(b.code);
                if (c.family() == AdminFamily.THERAPEUTIC && c.role() == AdminRole.INITIAL) { initialToConvert = b; break; }
            }
        }
        for (Coded b : billed) {
            AdminCode c = ctx.admin(b.code);
            AdminCode target = null;
            String why = null;
            if (toTherapeutic && c.family() == AdminFamily.CHEMOTHERAPY) {
                target = ctx.tables.adminCodes().equivalent(c.slot(), AdminFamily.THERAPEUTIC);
                why = "no chemotherapy drug is billed on the claim (IV drugs: " + drugs + "): " + b.code + " takes the therapeutic code";
            } else if (c.family() == AdminFamily.THERAPEUTIC && !b.code.equals("96368")
                    && (allToChemo || b == initialToConvert || (initialToConvert != null && c.slot() == AdminSlot.IV_INFUSION_HOUR))) {
                target = ctx.tables.adminCodes().equivalent(c.slot(), AdminFamily.CHEMOTHERAPY);
                why = "a chemotherapy drug is billed (IV drugs: " + drugs + ") but its administration was billed as " + b.code;
            }
            if (target != null) {
                String rule = target.family() == AdminFamily.CHEMOTHERAPY ? RuleCatalog.CHEMO_FAMILY.id() : RuleCatalog.SUPPORTIVE_FAMILY.id();
                String reason = why + ": " + target.code();
                out.add(new Coded(target.code(), b.units, b.modifiers, rule, () -> reason));
            } else {
                out.add(b);
            }
        }
        return addOnsWithPrimary(ctx, oneInitial(ctx, out, chemo + nonChemo + unknown));
    }

    /**
     * OA-HIER-001: keep the best-ranked initial; every other initial unit becomes its add-on equivalent (unless 59/XU).
     * A sequential infusion or additional push (96417, 96411, 96367, 96375) is a different drug, so when drug lines are
     * billed, no more of them are expected than there are IV drugs besides the initial's, counting those already billed;
     * a further initial is not supported (DUPLICATE_INITIAL for its whole value). With no IV drug line (a facility
     * physician claim: the hospital bills the drug) the number of drugs is unknown and every extra initial is converted.
     */
    private static List<Coded> oneInitial(Context ctx, List<Coded> in, int ivDrugs) {
        int newDrugBudget = Integer.MAX_VALUE;
        if (ivDrugs > 0) {
            newDrugBudget = ivDrugs - 1;
            for (Coded c : in) if (newDrugAddOn(ctx.admin(c.code).slot())) newDrugBudget -= c.units;
            newDrugBudget = Math.max(0, newDrugBudget);
        }
        Coded best = null;
        for (Coded c : in) {
            AdminCode a = ctx.admin(c.code);
            if (a.role() != AdminRole.INITIAL || !c.modifiers.isEmpty()) continue;
            if (best == null || rank(a) < rank(ctx.admin(best.code))) best = c;
        }
        if (best == null) return in;
        List<Coded> out = new ArrayList<>(in.size() + 1);
        for (Coded c : in) {
            AdminCode a = ctx.admin(c.code);
            if (a.role() != AdminRole.INITIAL || !c.modifiers.isEmpty()) { out.add(c); continue; }
            int keep = c == best ? 1 : 0;
            if (keep == 1) out.add(new Coded(c.code, 1, c.modifiers, c.ruleId, c.reasonSupplier()));
            int extra = c.units - keep;
            AdminCode addOn = extra > 0 ? addOnEquivalent(ctx, a) : null;
            if (addOn != null && newDrugAddOn(addOn.slot())) {
                extra = Math.min(extra, newDrugBudget);
                newDrugBudget -= extra;
            }
            if (extra > 0) {
                Coded initial = best;
                out.add(new Coded(addOn.code(), extra, List.of(), RuleCatalog.ONE_INITIAL.id(),
                        () -> "one initial service per encounter: " + initial.code + " is the initial by the CPT hierarchy, so the further "
                                + c.code + " is the add-on " + addOn.code()));
            }
        }
        return out;
    }

    /** OA-ADDON-001: an add-on with no primary on the claim is promoted to its initial, or its primary is added. */
    private static List<Coded> addOnsWithPrimary(Context ctx, List<Coded> in) {
        List<Coded> out = new ArrayList<>(in);
        boolean changed = true;
        while (changed) {
            changed = false;
            Coded orphan = null;
            for (Coded c : out) {
                AdminCode a = ctx.admin(c.code);
                if (!a.isAddOn() || hasPrimary(out, a)) continue;
                if (CodeGroup.of(a.slot()) == CodeGroup.HOUR) { if (orphan == null) orphan = c; continue; }
                if (orphan == null || CodeGroup.of(ctx.admin(orphan.code).slot()) == CodeGroup.HOUR
                        || rank(a) < rank(ctx.admin(orphan.code))) orphan = c;
            }
            if (orphan == null) break;
            AdminCode a = ctx.admin(orphan.code);
            AdminCode initial = initialEquivalent(ctx, a);
            if (initial == null) break;
            if (CodeGroup.of(a.slot()) == CodeGroup.HOUR) {
                out.add(0, Coded.of(initial.code(), 1, RuleCatalog.ADDON_PRIMARY.id(), () -> "add-on " + a.code() + " billed without its primary: the infusion it extends is "
                        + initial.code()));
            } else {
                int idx = out.indexOf(orphan);
                out.set(idx, Coded.of(initial.code(), 1, RuleCatalog.ADDON_PRIMARY.id(), () -> "add-on " + a.code()
                        + " billed without any of its primaries " + String.join("/", a.primaries()) + ": the service is the initial " + initial.code()));
                if (orphan.units > 1) out.add(idx + 1, new Coded(orphan.code, orphan.units - 1, orphan.modifiers, orphan.ruleId, orphan.reasonSupplier()));
            }
            changed = true;
        }
        return out;
    }

    private static boolean hasPrimary(List<Coded> list, AdminCode addOn) {
        for (Coded c : list) if (addOn.primaries().contains(c.code)) return true;
        return false;
    }

    /** Add-ons that report another drug: sequential infusion, additional push, concurrent infusion. */
    private static boolean newDrugAddOn(AdminSlot s) {
        return s == AdminSlot.IV_INFUSION_SEQUENTIAL || s == AdminSlot.IV_PUSH_ADDITIONAL || s == AdminSlot.IV_INFUSION_CONCURRENT;
    }

    private static int rank(AdminCode a) {
        boolean push = a.slot() == AdminSlot.IV_PUSH_INITIAL || a.slot() == AdminSlot.IV_PUSH_ADDITIONAL || a.slot() == AdminSlot.IV_PUSH_SAME_DRUG;
        return a.family().rank() * 2 + (push ? 1 : 0);
    }

    private static AdminCode addOnEquivalent(Context ctx, AdminCode initial) {
        AdminSlot s = initial.slot() == AdminSlot.IV_PUSH_INITIAL ? AdminSlot.IV_PUSH_ADDITIONAL
                : initial.family() == AdminFamily.HYDRATION ? AdminSlot.IV_INFUSION_HOUR : AdminSlot.IV_INFUSION_SEQUENTIAL;
        return ctx.tables.adminCodes().equivalent(s, initial.family());
    }

    private static AdminCode initialEquivalent(Context ctx, AdminCode addOn) {
        return switch (addOn.slot()) {
            case IV_PUSH_ADDITIONAL, IV_PUSH_SAME_DRUG -> ctx.tables.adminCodes().equivalent(AdminSlot.IV_PUSH_INITIAL, addOn.family());
            case IV_INFUSION_SEQUENTIAL, IV_INFUSION_CONCURRENT, IV_INFUSION_HOUR ->
                    ctx.tables.adminCodes().equivalent(AdminSlot.IV_INFUSION_INITIAL, addOn.family());
            case IA_INFUSION_HOUR -> ctx.admin("96422");
            default -> null;
        };
    }
}
