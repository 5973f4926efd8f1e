package io.oncoaudit.batch.generate;

import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.tables.cms.NdcCrosswalk;
import io.oncoaudit.core.tables.cms.NdcCrosswalks;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds realistic oncology encounters and bills them correctly, by the coding facts of
 * shared/reference/NOTES.md (sections 1.2-1.5 and 3, product decisions 1-10), written out here
 * independently of the recoder so that the generator can check it. Units and JW/JZ follow the drug
 * table (billing unit, single-dose container) and the payer's JW/JZ policy of coding-core's tables.
 */
final class VisitFactory {
    /** Regimens with their share of clean encounters. */
    static final Map<String, Integer> REGIMENS = new LinkedHashMap<>();

    static {
        REGIMENS.put("fulvestrant", 8);
        REGIMENS.put("leuprolide", 7);
        REGIMENS.put("degarelix", 3);
        REGIMENS.put("daratumumab-sc", 5);
        REGIMENS.put("bortezomib-sc", 5);
        REGIMENS.put("pegfilgrastim", 8);
        REGIMENS.put("b12", 6);
        REGIMENS.put("testosterone", 5);
        REGIMENS.put("pembrolizumab", 10);
        REGIMENS.put("nivolumab-ipilimumab", 5);
        REGIMENS.put("carboplatin-paclitaxel", 9);
        REGIMENS.put("cisplatin-pemetrexed", 5);
        REGIMENS.put("r-chop", 5);
        REGIMENS.put("folfox-pump", 7);
        REGIMENS.put("rituximab-ra", 4);
        REGIMENS.put("two-site", 3);
    }

    private static final List<String> SC_IM = List.of("fulvestrant", "leuprolide", "degarelix", "daratumumab-sc", "bortezomib-sc");
    private static final List<String> NON_CHEMO_SC_IM = List.of("pegfilgrastim", "b12", "testosterone");
    private static final List<String> IV_CHEMO = List.of("pembrolizumab", "nivolumab-ipilimumab", "carboplatin-paclitaxel",
            "cisplatin-pemetrexed", "r-chop", "folfox-pump", "rituximab-ra");
    private static final List<String> WITH_HOURS = List.of("carboplatin-paclitaxel", "cisplatin-pemetrexed", "r-chop",
            "folfox-pump", "rituximab-ra");

    /** The regimens an error of each kind can be injected into (the injection is in {@link #inject}). */
    static final Map<FindingKind, List<String>> INJECTABLE = new LinkedHashMap<>();

    static {
        INJECTABLE.put(FindingKind.DOWNCODED_TO_96372, SC_IM);
        INJECTABLE.put(FindingKind.HORMONAL_CLASS_MISMATCH, SC_IM);
        INJECTABLE.put(FindingKind.NON_CHEMO_BILLED_AS_CHEMO, NON_CHEMO_SC_IM);
        INJECTABLE.put(FindingKind.CHEMO_BILLED_AS_THERAPEUTIC, IV_CHEMO);
        INJECTABLE.put(FindingKind.DUPLICATE_INITIAL, List.of("nivolumab-ipilimumab", "carboplatin-paclitaxel", "r-chop",
                "cisplatin-pemetrexed", "folfox-pump"));
        INJECTABLE.put(FindingKind.ADDON_WITHOUT_PRIMARY, WITH_HOURS);
        INJECTABLE.put(FindingKind.INFUSION_HOURS, IV_CHEMO);
        INJECTABLE.put(FindingKind.COMBINATION_PRODUCT_SPLIT, List.of("daratumumab-sc"));
        INJECTABLE.put(FindingKind.DRUG_UNITS, List.copyOf(REGIMENS.keySet()));
        INJECTABLE.put(FindingKind.WASTE_MODIFIER, List.of("fulvestrant", "leuprolide", "degarelix", "daratumumab-sc",
                "pegfilgrastim", "pembrolizumab", "nivolumab-ipilimumab", "rituximab-ra", "two-site"));
        INJECTABLE.put(FindingKind.MISSING_ADMINISTRATION, List.of("fulvestrant", "leuprolide", "degarelix", "daratumumab-sc",
                "bortezomib-sc", "pegfilgrastim", "b12", "testosterone", "carboplatin-paclitaxel", "cisplatin-pemetrexed",
                "r-chop", "rituximab-ra"));
        INJECTABLE.put(FindingKind.MISSING_DISTINCT_MODIFIER, List.of("two-site"));
        // a professional claim at POS 22 billing the hospital's administration and drug lines (contract section 10)
        INJECTABLE.put(FindingKind.NOT_PAYABLE_IN_SETTING, List.copyOf(REGIMENS.keySet()));
        // regimens whose drug is in every shipped NDC-HCPCS crosswalk quarter
        List<String> withNdc = List.of("fulvestrant", "daratumumab-sc", "pembrolizumab", "nivolumab-ipilimumab", "rituximab-ra");
        INJECTABLE.put(FindingKind.NDC_FORMAT, withNdc);
        INJECTABLE.put(FindingKind.NDC_HCPCS_MISMATCH, withNdc);
    }

    private static final LocalDate FIRST_DOS = LocalDate.of(2025, 1, 2);
    private static final int DOS_DAYS = 540;

    private final ReferenceTables tables;
    private final Catalog catalog;

    VisitFactory(ReferenceTables tables, Catalog catalog) {
        this.tables = tables;
        this.catalog = catalog;
    }

    /** A clean encounter of a random regimen, or one with an injected error of a random kind (probability errorRate). */
    Visit next(Random r, String claimId, double errorRate) {
        if (r.nextDouble() < errorRate) {
            List<FindingKind> kinds = new ArrayList<>(INJECTABLE.keySet());
            FindingKind kind = kinds.get(r.nextInt(kinds.size()));
            List<String> regimens = INJECTABLE.get(kind);
            String regimen = regimens.get(r.nextInt(regimens.size()));
            Visit v = build(r, regimen, claimId, kind == FindingKind.WASTE_MODIFIER);
            if (!inject(v, kind, r)) throw new IllegalStateException("cannot inject " + kind + " into " + regimen);
            v.injected.add(kind);
            return v;
        }
        return build(r, pick(r), claimId, false);
    }

    private static String pick(Random r) {
        int total = REGIMENS.values().stream().mapToInt(Integer::intValue).sum();
        int x = r.nextInt(total);
        for (Map.Entry<String, Integer> e : REGIMENS.entrySet()) {
            x -= e.getValue();
            if (x < 0) return e.getKey();
        }
        throw new IllegalStateException();
    }

    /** Builds a correctly billed encounter; {@code jwJzPayer} forces a payer that requires JW/JZ. */
    Visit build(Random r, String regimen, String claimId, boolean jwJzPayer) {
        Catalog.Payer payer = catalog.payer(r);
        while (jwJzPayer && !requiresJwJz(payer, FIRST_DOS)) payer = catalog.payer(r);
        Catalog.Provider provider = catalog.providers.get(r.nextInt(catalog.providers.size()));
        LocalDate dos = regimen.equals("r-chop")
                // J9070 (cyclophosphamide per 100 mg) is valid through 2024-12-31 (drugs.csv): R-CHOP visits are from 2024
                ? LocalDate.of(2024, 7, 1).plusDays(r.nextInt(180))
                : FIRST_DOS.plusDays(r.nextInt(DOS_DAYS));
        String pos = r.nextInt(10) < 7 ? "11" : "22";
        Body body = new Body(r);
        B b = new B(r, new Visit(regimen, claimId, String.format(Locale.ROOT, "P%07d", r.nextInt(10_000_000)), dos, provider,
                payer, pos), body);
        LocalDateTime t = dos.atTime(LocalTime.of(8, 0)).plusMinutes(5L * r.nextInt(48));
        switch (regimen) {
            case "fulvestrant" -> b.dx("C50.911", "C50.912").give("J9395", "fulvestrant", mg(500), "IM", t, 0, false, null)
                    .admin("96402", 1);
            case "leuprolide" -> b.dx("C61").give("J9217", "leuprolide acetate depot", r.nextBoolean() ? mg(22.5) : mg(45),
                    "IM", t, 0, false, null).admin("96402", 1);
            case "degarelix" -> b.dx("C61").give("J9155", "degarelix", r.nextBoolean() ? mg(240) : mg(80), "SC", t, 0, false,
                    null).admin("96402", 1);
            case "daratumumab-sc" -> b.dx("C90.00", "C90.02").give("J9144", "daratumumab and hyaluronidase-fihj", mg(1800),
                    "SC", t, 5, false, null).admin("96401", 1);
            case "bortezomib-sc" -> {
                BigDecimal dose = body.bsa.multiply(new BigDecimal("1.3")).setScale(2, RoundingMode.HALF_UP);
                // one 3.5 mg single-dose vial: the rest is discarded (JW where the payer requires it)
                b.dx("C90.00").give("J9041", "bortezomib", dose, "SC", t, 0, false, new BigDecimal("3.5").subtract(dose))
                        .admin("96401", 1);
            }
            case "pegfilgrastim" -> b.dx("C50.911", "C34.90", "C83.30").give("J2506", "pegfilgrastim", mg(6), "SC", t, 0, false,
                    null).admin("96372", 1);
            case "b12" -> b.dx("D51.0", "E53.8").give("J3420", "cyanocobalamin", new BigDecimal("1000"), "mcg", "IM", t)
                    .admin("96372", 1);
            case "testosterone" -> b.dx("E29.1", "E23.0").give("J1071", "testosterone cypionate", r.nextBoolean() ? mg(200) : mg(100),
                    "IM", t, 0, false, null).admin("96372", 1);
            case "pembrolizumab" -> b.dx("C34.90", "C43.9", "C67.9").give("J9271", "pembrolizumab", r.nextBoolean() ? mg(200) : mg(400),
                    "IV", t, 30 + r.nextInt(4), false, null).admin("96413", 1);
            case "nivolumab-ipilimumab" -> {
                b.dx("C43.9", "C64.9").give("J9299", "nivolumab", mg(body.kg * 3L), "IV", t, 30 + r.nextInt(3), false, null);
                b.give("J9228", "ipilimumab", mg(body.kg), "IV", b.last.end().plusMinutes(5), 30 + r.nextInt(3), false, null);
                b.admin("96413", 1).admin("96417", 1);
            }
            case "carboplatin-paclitaxel" -> {
                b.dx("C34.90", "C56.9");
                b.give("J2405", "ondansetron", mg(16), "IV", t.minusMinutes(15), 5, false, null);
                int paclitaxelMinutes = 180 + r.nextInt(10);
                b.give("J9267", "paclitaxel", mg(body.bsaDose(175)), "IV", t, paclitaxelMinutes, false, null);
                b.give("J9045", "carboplatin", mg(5L * (body.gfr + 25)), "IV", b.last.end(), 30 + r.nextInt(10), false, null);
                b.admin("96413", 1).admin("96415", TimeRules.hours(paclitaxelMinutes)).admin("96417", 1).admin("96375", 1);
            }
            case "cisplatin-pemetrexed" -> {
                b.dx("C34.90", "C45.0");
                long pemetrexed = body.bsaDose(500);
                // a 10-minute administration is a push (NOTES 4.1 #2): 96411 beside the cisplatin infusion
                b.give("J9305", "pemetrexed", mg(pemetrexed), "IV", t, 10, false, mg(roundUp(pemetrexed, 100) - pemetrexed));
                int cisMinutes = 120 + r.nextInt(20);
                b.give("J9060", "cisplatin", mg(body.bsaDose(75)), "IV", b.last.end().plusMinutes(20), cisMinutes, false, null);
                b.admin("96413", 1).admin("96415", TimeRules.hours(cisMinutes)).admin("96411", 1);
            }
            case "r-chop" -> {
                b.dx("C83.30", "C83.38");
                b.give("J9000", "doxorubicin", mg(body.bsaDose(50)), "IV", t, 10, false, null);
                b.give("J9370", "vincristine", mg(Math.min(2, body.bsaDose(1.4))), "IV", b.last.end(), 5, false, null);
                b.give("J9070", "cyclophosphamide", mg(body.bsaDose(750)), "IV", b.last.end(), 30 + r.nextInt(15), false, null);
                int rituximabMinutes = 240 + r.nextInt(30);
                b.give("J9312", "rituximab", mg(body.bsaDose(375)), "IV", b.last.end(), rituximabMinutes, false, null);
                b.admin("96413", 1).admin("96411", 2).admin("96417", 1).admin("96415", TimeRules.hours(rituximabMinutes));
            }
            case "folfox-pump" -> {
                b.dx("C18.9", "C20");
                long oxali = body.bsaDose(85);
                b.give("J9263", "oxaliplatin", mg(oxali), "IV", t, 120, false, mg(roundUp(oxali, 50) - oxali));
                b.give("J0640", "leucovorin calcium", mg(body.bsaDose(400)), "IV", t, 120, false, null);
                long bolus = body.bsaDose(400);
                b.give("J9190", "fluorouracil", mg(bolus), "IV", t.plusMinutes(120), 5, false, null);
                b.give("J9190", "fluorouracil", mg(body.bsaDose(2400)), "IV", t.plusMinutes(125), 46 * 60, true, null);
                b.admin("96413", 1).admin("96415", 1).admin("96368", 1).admin("96411", 1).admin("96416", 1);
            }
            case "rituximab-ra" -> {
                b.dx("M05.79", "M06.9");
                b.give("J2919", "methylprednisolone sodium succinate", mg(100), "IV", t, 5, false, null);
                int minutes = 240 + r.nextInt(30);
                b.give("J9312", "rituximab", mg(1000), "IV", b.last.end().plusMinutes(25), minutes, false, null);
                b.admin("96413", 1).admin("96415", TimeRules.hours(minutes)).admin("96375", 1);
            }
            case "two-site" -> {
                b.dx("C50.911", "C79.51");
                b.give("J9271", "pembrolizumab", mg(200), "IV", t, 30, false, null, "PORT");
                b.give("J3489", "zoledronic acid", mg(4), "IV", t.plusMinutes(5), 20 + r.nextInt(10), false, null, "LEFT_ARM");
                // two infusions through two separate access sites, the reason documented (contract section 1, separate_site_reason):
                // a second initial service with modifier 59 (rule OA-HIER-002)
                Visit.Admin zol = b.v.administrations.remove(b.v.administrations.size() - 1);
                b.v.administrations.add(new Visit.Admin(zol.id(), zol.drugCode(), zol.drugName(), zol.dose(), zol.doseUnit(), zol.route(),
                        zol.start(), zol.end(), zol.pump(), zol.wasted(), zol.accessSite(), "protocol requires a separate IV site"));
                b.admin("96413", 1).admin("96365", 1, "59");
            }
            default -> throw new IllegalArgumentException("unknown regimen " + regimen);
        }
        b.drugLines();
        return b.v;
    }

    /** Applies the coding error {@code kind}; false when this encounter offers no place for it. */
    static boolean inject(Visit v, FindingKind kind, Random r) {
        switch (kind) {
            case NOT_PAYABLE_IN_SETTING -> {
                v.placeOfService = "22";
                v.claimType = io.oncoaudit.core.model.ClaimType.PROFESSIONAL;
                v.billType = null;
                return true;
            }
            case NDC_FORMAT -> {
                for (Visit.Line l : v.lines) {
                    if (l.ndc != null) {
                        l.ndc = l.ndc.substring(1); // the 10-digit form: not reported on a claim
                        return true;
                    }
                }
                return false;
            }
            case NDC_HCPCS_MISMATCH -> {
                for (Visit.Line l : v.lines) {
                    if (l.ndc != null) {
                        String other = l.code.equals("J9035") ? "J9271" : "J9035";
                        List<NdcCrosswalk.Row> rows = NdcCrosswalks.shipped().quarter(v.dateOfService).byHcpcs(other);
                        if (rows.isEmpty()) return false;
                        String wrong = rows.get(0).ndc11();
                        for (Visit.Line x : v.lines) if (l.code.equals(x.code)) x.ndc = wrong;
                        return true;
                    }
                }
                return false;
            }
            case DOWNCODED_TO_96372 -> { return recode(v, List.of("96401", "96402"), "96372"); }
            case HORMONAL_CLASS_MISMATCH -> {
                Visit.Line l = first(v, "96401", "96402");
                if (l == null) return false;
                l.code = l.code.equals("96401") ? "96402" : "96401";
                return true;
            }
            case NON_CHEMO_BILLED_AS_CHEMO -> { return recode(v, List.of("96372"), "96401"); }
            case CHEMO_BILLED_AS_THERAPEUTIC -> { return recode(v, List.of("96413"), "96365"); }
            case DUPLICATE_INITIAL -> {
                // the sequential chemo add-on (96417 / 96411) billed as a second initial (96413 / 96409)
                Visit.Line l = first(v, "96417", "96411");
                if (l == null) return false;
                String initial = l.code.equals("96417") ? "96413" : "96409";
                if (l.units > 1) {
                    l.units--;
                    v.lines.add(v.lines.indexOf(l) + 1, new Visit.Line(initial, 1, List.of()));
                } else {
                    l.code = initial;
                }
                return true;
            }
            case ADDON_WITHOUT_PRIMARY -> {
                Visit.Line l = v.line("96413");
                if (l == null || v.line("96415") == null) return false;
                v.lines.remove(l);
                return true;
            }
            case INFUSION_HOURS -> {
                if (v.line("96413") == null) return false;
                Visit.Line h = v.line("96415");
                if (h != null) h.units++;
                else v.lines.add(v.lines.indexOf(v.line("96413")) + 1, new Visit.Line("96415", 1, List.of()));
                return true;
            }
            case COMBINATION_PRODUCT_SPLIT -> {
                if (!recode(v, List.of("J9144"), "J9145")) return false;
                // the component line carries no NDC: the combination product's NDC under J9145 is an NDC finding of its own
                for (Visit.Line l : v.lines) if (l.code.equals("J9145")) l.ndc = null;
                return true;
            }
            case DRUG_UNITS -> {
                for (Visit.Line l : v.lines) {
                    if (l.code.startsWith("J") && !l.has("JW")) {
                        l.units = l.units >= 10 ? l.units / 10 : l.units + 1;
                        return true;
                    }
                }
                return false;
            }
            case WASTE_MODIFIER -> {
                for (Visit.Line l : v.lines) {
                    if (l.has("JZ")) {
                        l.modifiers.remove("JZ");
                        return true;
                    }
                }
                return false;
            }
            case MISSING_ADMINISTRATION -> {
                Visit.Line l = first(v, "96401", "96402", "96372", "96375", "96411");
                if (l == null) return false;
                v.lines.remove(l);
                return true;
            }
            case MISSING_DISTINCT_MODIFIER -> {
                for (Visit.Line l : v.lines) {
                    if (l.has("59")) {
                        l.modifiers.remove("59");
                        return true;
                    }
                }
                return false;
            }
            default -> { return false; }
        }
    }

    private static boolean recode(Visit v, List<String> from, String to) {
        Visit.Line l = first(v, from.toArray(new String[0]));
        if (l == null) return false;
        l.code = to;
        return true;
    }

    private static Visit.Line first(Visit v, String... codes) {
        for (Visit.Line l : v.lines) for (String c : codes) if (l.code.equals(c)) return l;
        return null;
    }

    private boolean requiresJwJz(Catalog.Payer p, LocalDate dos) {
        return tables.payers().policy(p.id()).requiresJwJz(dos);
    }

    private static BigDecimal mg(double v) { return BigDecimal.valueOf(v).stripTrailingZeros(); }

    private static BigDecimal mg(long v) { return BigDecimal.valueOf(v); }

    private static long roundUp(long v, long step) { return ((v + step - 1) / step) * step; }

    /** Body size drawn once per patient: doses in mg/m2 and mg/kg (issue 4: "doses from body size"). */
    static final class Body {
        final BigDecimal bsa;
        final long kg;
        final long gfr;

        Body(Random r) {
            this.kg = 50 + r.nextInt(61);
            this.bsa = new BigDecimal(1.45 + r.nextInt(80) / 100.0).setScale(2, RoundingMode.HALF_UP);
            this.gfr = 60 + r.nextInt(60);
        }

        long bsaDose(double perM2) {
            return bsa.multiply(BigDecimal.valueOf(perM2)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** Additional hours by the CPT rule (NOTES 1.2: more than 30 minutes beyond each hour). */
    static final class TimeRules {
        static int hours(long minutes) {
            long extra = minutes - 60;
            return extra <= 30 ? 0 : (int) ((extra - 30 + 59) / 60);
        }
    }

    /** Encounter under construction. */
    private final class B {
        final Random r;
        final Visit v;
        final Body body;
        final List<Visit.Line> adminLines = new ArrayList<>();
        final Map<String, BigDecimal[]> drugDoses = new LinkedHashMap<>();
        final Map<String, String> drugUnits = new LinkedHashMap<>();
        Visit.Admin last;

        B(Random r, Visit v, Body body) {
            this.r = r;
            this.v = v;
            this.body = body;
        }

        B dx(String... codes) {
            List<String> dx = new ArrayList<>(List.of(codes[r.nextInt(codes.length)]));
            // Z51.11 (encounter for antineoplastic chemotherapy) as a secondary code on some cancer claims
            if (dx.get(0).startsWith("C") && r.nextInt(4) == 0) dx.add("Z51.11");
            v.diagnoses.clear();
            v.diagnoses.addAll(dx);
            return this;
        }

        B give(String code, String name, BigDecimal dose, String unit, String route, LocalDateTime start) {
            return add(code, name, dose, unit, route, start, 1, false, null, null);
        }

        B give(String code, String name, BigDecimal dose, String route, LocalDateTime start, int minutes, boolean pump,
               BigDecimal wasted) {
            return add(code, name, dose, "mg", route, start, minutes, pump, wasted, null);
        }

        B give(String code, String name, BigDecimal dose, String route, LocalDateTime start, int minutes, boolean pump,
               BigDecimal wasted, String site) {
            return add(code, name, dose, "mg", route, start, minutes, pump, wasted, site);
        }

        private B add(String code, String name, BigDecimal dose, String unit, String route, LocalDateTime start, int minutes,
                      boolean pump, BigDecimal wasted, String site) {
            boolean timed = route.equals("IV");
            LocalDateTime s = timed ? start : null;
            LocalDateTime e = timed ? start.plusMinutes(minutes) : null;
            BigDecimal w = wasted == null || wasted.signum() <= 0 ? null : wasted;
            last = new Visit.Admin("A" + (v.administrations.size() + 1), code, name, dose, unit, route, s, e, pump, w, site);
            v.administrations.add(last);
            BigDecimal[] sum = drugDoses.computeIfAbsent(code, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(dose);
            sum[1] = sum[1].add(w == null ? BigDecimal.ZERO : w);
            drugUnits.put(code, unit);
            return this;
        }

        B admin(String code, int units, String... modifiers) {
            if (units > 0) adminLines.add(new Visit.Line(code, units, List.of(modifiers)));
            return this;
        }

        /**
         * Drug lines (NOTES 3.1): units = dose / billing-unit size rounded up, at least 1; where the payer requires
         * JW/JZ on a single-dose container (NOTES decision 10): JZ when nothing billable was discarded, else the
         * discarded units on a separate JW line.
         */
        void drugLines() {
            v.lines.addAll(adminLines);
            boolean jwJz = requiresJwJz(v.payer, v.dateOfService);
            for (Map.Entry<String, BigDecimal[]> e : drugDoses.entrySet()) {
                Drug d = tables.drugs().get(e.getKey(), v.dateOfService);
                DoseUnit given = DoseUnit.parse("dose_unit", drugUnits.get(e.getKey()));
                BigDecimal dose = given.convert(e.getValue()[0], d.billingUnit());
                BigDecimal waste = given.convert(e.getValue()[1], d.billingUnit());
                int units = Math.max(1, ceil(dose.divide(d.billingUnitSize(), MathContext.DECIMAL64)));
                int total = Math.max(units, ceil(dose.add(waste).divide(d.billingUnitSize(), MathContext.DECIMAL64)));
                boolean required = jwJz && d.singleDoseContainer();
                Visit.Line line = new Visit.Line(d.hcpcs(), units, required && total == units ? List.of("JZ") : List.of());
                // a real NDC of the drug from the CMS crosswalk of the quarter (none when the crosswalk lists none)
                List<NdcCrosswalk.Row> ndcs = NdcCrosswalks.shipped().quarter(v.dateOfService).byHcpcs(d.hcpcs());
                line.ndc = ndcs.isEmpty() ? null : ndcs.get(0).ndc11();
                v.lines.add(line);
                if (required && total > units) {
                    Visit.Line jw = new Visit.Line(d.hcpcs(), total - units, List.of("JW"));
                    jw.ndc = line.ndc;
                    v.lines.add(jw);
                }
            }
        }

        private int ceil(BigDecimal x) { return x.setScale(0, RoundingMode.CEILING).intValueExact(); }
    }
}
