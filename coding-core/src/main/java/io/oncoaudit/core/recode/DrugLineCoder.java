package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected drug lines from the administration record (full mode): units = total dose / billing-unit
 * size rounded up, at least 1 (OA-UNITS-001); a deleted code replaced by its successor (OA-UNITS-002);
 * JZ, or JW on a separate line for discarded units, where the payer requires them (OA-WASTE-001).
 */
final class DrugLineCoder {
    private DrugLineCoder() { }

    /** Expected drug lines for one drug code, with what they rest on. */
    static final class DrugExpectation {
        final String billedAs;      // the code in the administration record
        final Drug drug;            // the drug the lines are coded with (successor when billedAs was deleted)
        final BigDecimal dose;      // in the drug's billing unit
        final BigDecimal wasted;    // in the drug's billing unit
        final int units;
        final int wasteUnits;
        final boolean jwJzRequired;
        final List<Coded> lines = new ArrayList<>(2);

        DrugExpectation(String billedAs, Drug drug, BigDecimal dose, BigDecimal wasted, int units, int wasteUnits, boolean jwJz) {
            this.billedAs = billedAs;
            this.drug = drug;
            this.dose = dose;
            this.wasted = wasted;
            this.units = units;
            this.wasteUnits = wasteUnits;
            this.jwJzRequired = jwJz;
        }
    }

    static List<DrugExpectation> derive(Context ctx) {
        // administrations grouped by drug code, in record order (few per encounter: a list beats a map)
        List<Administration> all = ctx.encounter.administrations();
        List<DrugExpectation> out = new ArrayList<>(all.size());
        for (int ai = 0; ai < all.size(); ai++) {
            String code = all.get(ai).drugCode();
            boolean seen = false;
            for (int j = 0; j < ai && !seen; j++) seen = all.get(j).drugCode().equals(code);
            if (seen) continue;
            Drug drug = ctx.drug(code);
            if (drug == null) continue; // unknown: billed lines pass through (warned by the administration coder)
            Drug coded = drug;
            if (!drug.effectiveOn(ctx.encounter.dateOfService())) {
                Drug successor = drug.replacedBy() == null ? null : ctx.drug(drug.replacedBy());
                if (successor != null) coded = successor;
                else ctx.warn(code + " is not valid on " + ctx.encounter.dateOfService() + (drug.replacedBy() == null ? "" : " (successor "
                        + drug.replacedBy() + " is not in the drug table)") + ": units computed on " + code + "'s own descriptor");
            }
            BigDecimal dose = BigDecimal.ZERO;
            BigDecimal waste = BigDecimal.ZERO;
            boolean convertible = true;
            if (coded.billingUnit() == null) {
                ctx.warn(coded.hcpcs() + " is billed per '" + coded.citation() + "': not a mass, unit or volume, units not checked");
                ctx.uncheckedDrug(code);
                ctx.uncheckedDrug(coded.hcpcs());
                continue;
            }
            for (int aj = ai; aj < all.size(); aj++) {
                Administration a = all.get(aj);
                if (!a.drugCode().equals(code)) continue;
                BigDecimal d = a.doseUnit().convert(a.dose(), coded.billingUnit());
                BigDecimal w = a.doseUnit().convert(a.wastedOrZero(), coded.billingUnit());
                if (d == null || w == null) {
                    convertible = false;
                    ctx.warn("dose of administration " + a.administrationId() + " is in " + a.doseUnit().label() + " but "
                            + coded.hcpcs() + " is billed per " + coded.billingUnitSize().stripTrailingZeros().toPlainString() + " "
                            + coded.billingUnit().label() + ": units not checked");
                    break;
                }
                dose = dose.add(d);
                waste = waste.add(w);
            }
            if (!convertible) {
                ctx.uncheckedDrug(code);
                ctx.uncheckedDrug(coded.hcpcs());
                continue;
            }
            BigDecimal size = coded.billingUnitSize();
            int units = Math.max(1, dose.divide(size, MathContext.DECIMAL64).setScale(0, RoundingMode.CEILING).intValueExact());
            int total = Math.max(units, dose.add(waste).divide(size, MathContext.DECIMAL64).setScale(0, RoundingMode.CEILING).intValueExact());
            int wasteUnits = total - units;
            boolean jwJz = coded.singleDoseContainer() && ctx.payer.requiresJwJz(ctx.encounter.dateOfService());
            DrugExpectation x = new DrugExpectation(code, coded, dose, waste, units, wasteUnits, jwJz);
            List<String> keep = otherModifiers(ctx, coded.hcpcs(), code);
            java.util.function.Supplier<String> unitsReason = () -> x.drug.name() + " (" + x.drug.hcpcs() + "): " + plain(x.dose) + " "
                    + x.drug.billingUnit().label() + " / " + plain(x.drug.billingUnitSize()) + " " + x.drug.billingUnit().label() + " per unit = "
                    + plain(x.dose.divide(x.drug.billingUnitSize(), MathContext.DECIMAL64)) + ", rounded up: " + x.units + " unit(s)";
            if (jwJz && wasteUnits > 0) {
                x.lines.add(new Coded(coded.hcpcs(), units, keep, RuleCatalog.DRUG_UNITS.id(), unitsReason));
                x.lines.add(new Coded(coded.hcpcs(), wasteUnits, with(keep, "JW"), RuleCatalog.WASTE_MODIFIERS.id(),
                        () -> plain(x.wasted) + " " + x.drug.billingUnit().label() + " discarded from a single-dose container: " + x.wasteUnits
                                + " unit(s) on a separate JW line (units of dose + waste " + (x.units + x.wasteUnits) + " minus administered " + x.units + ")"));
            } else if (jwJz) {
                x.lines.add(new Coded(coded.hcpcs(), units, with(keep, "JZ"), RuleCatalog.DRUG_UNITS.id(),
                        () -> unitsReason.get() + "; single-dose container with no billable discarded amount"
                                + (x.wasted.signum() > 0 ? " (the rounded-up units already cover the " + plain(x.wasted) + " " + x.drug.billingUnit().label()
                                + " discarded, so JW is not permitted)" : "") + ": JZ"));
            } else {
                x.lines.add(new Coded(coded.hcpcs(), units, keep, RuleCatalog.DRUG_UNITS.id(), unitsReason));
            }
            out.add(x);
        }
        return out;
    }

    /** Modifiers of the billed drug line other than JW/JZ (340B JG/TB, KX, ...) are kept on the expected line. */
    private static List<String> otherModifiers(Context ctx, String code, String billedAs) {
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            if ((l.procedureCode().equals(code) || l.procedureCode().equals(billedAs)) && !l.hasModifier("JW")) {
                if (l.modifiers().isEmpty()) return List.of();
                List<String> keep = new ArrayList<>(l.modifiers().size());
                for (String m : l.modifiers()) if (!m.equalsIgnoreCase("JW") && !m.equalsIgnoreCase("JZ")) keep.add(m.toUpperCase());
                return keep;
            }
        }
        return List.of();
    }

    private static final List<String> JZ = List.of("JZ");
    private static final List<String> JW = List.of("JW");

    private static List<String> with(List<String> mods, String m) {
        if (mods.isEmpty()) return m.equals("JZ") ? JZ : m.equals("JW") ? JW : List.of(m);
        List<String> out = new ArrayList<>(mods);
        out.add(m);
        return out;
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > 4) s = s.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return s.toPlainString();
    }
}
