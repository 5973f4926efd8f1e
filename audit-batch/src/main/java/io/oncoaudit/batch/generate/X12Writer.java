package io.oncoaudit.batch.generate;

import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.pricing.FeeSchedules;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code generate --format x12}: the generated claims also as X12 (DIR/claims-x12/, one interchange per kind and
 * part): professional claims as 837P (part-NNNNN.837), the hospital's institutional claims (POS 22, type of bill
 * 131, revenue codes) as 837I (part-NNNNN-i.837), and the payer's 835 for them (DIR/remits/part-NNNNN.835), with
 * the payer's view of each injected error: the line the error sits on is denied (paid 0, CO + the CARC a payer
 * uses for that error, and a RARC); about 5% of the other claims are allowed 90% of the fee schedule (underpaid
 * lines); the rest are allowed the built-in fee schedule amount (on a professional claim the lesser of it and the
 * charge), paid 80% with 20% coinsurance (PR-2), CO-45 for the charge above the allowed amount (OA-94, negative,
 * for an allowed amount above the charge). DIR/remits-truth.csv lists every remittance line with what the payer
 * did and why.
 */
final class X12Writer implements Closeable {
    /** The payer's adjustment for an error a coding auditor would flag (public CARC / RARC code lists). */
    record PayerView(String carc, String rarc, boolean drugLine) { }

    static PayerView view(FindingKind k, Catalog.Payer payer) {
        return switch (k) {
            // Medicare Part B does not require the NDC of a drug billed with its HCPCS code: it pays; the other
            // payers (Medicaid for the drug rebate, commercial plans) deny the line: CO-16 + M119 (invalid NDC)
            case NDC_FORMAT, NDC_HCPCS_MISMATCH -> "MEDICARE".equals(payer.id()) ? null : new PayerView("16", "M119", true);
            // a professional claim for a code not payable in a facility setting: CO-58 (inappropriate place of
            // service) + M77 (inappropriate place of service)
            case NOT_PAYABLE_IN_SETTING -> new PayerView("58", "M77", false);
            // underbilled: nothing for the payer to deny
            case DOWNCODED_TO_96372, MISSING_ADMINISTRATION -> null;
            case HORMONAL_CLASS_MISMATCH, NON_CHEMO_BILLED_AS_CHEMO, CHEMO_BILLED_AS_THERAPEUTIC,
                 ADMINISTRATION_CODE_MISMATCH -> new PayerView("11", "N657", false);
            case DUPLICATE_INITIAL, MISSING_DISTINCT_MODIFIER -> new PayerView("97", "M80", false);
            case ADDON_WITHOUT_PRIMARY -> new PayerView("107", "N122", false);
            case INFUSION_HOURS -> new PayerView("151", "N362", false);
            case DRUG_UNITS -> new PayerView("151", "N362", true);
            case WASTE_MODIFIER -> new PayerView("4", "M78", true);
            case COMBINATION_PRODUCT_SPLIT -> new PayerView("97", "M86", true);
            case INVALID_DRUG_CODE -> new PayerView("181", "M51", true);
            default -> new PayerView("16", "M51", false);
        };
    }

    private final Path claimsDir, remitsDir;
    private final long perFile;
    private final FeeSchedule fees = FeeSchedules.builtIn();
    private final BufferedWriter truth;
    private BufferedWriter w835;
    private String part;
    private List<String> tx837 = new ArrayList<>(), tx837i = new ArrayList<>(), tx835 = new ArrayList<>();
    private long inFile, hl, hlI;
    private int file = -1;
    private final Random random;

    X12Writer(Path dir, long perFile, long seed) throws IOException {
        this.claimsDir = Files.createDirectories(dir.resolve("claims-x12"));
        this.remitsDir = Files.createDirectories(dir.resolve("remits"));
        this.perFile = perFile;
        this.random = new Random(seed ^ 0x835L);
        truth = Files.newBufferedWriter(dir.resolve("remits-truth.csv"), StandardCharsets.UTF_8);
        truth.write("claim_id,line_number,procedure_code,remit_status,carc,rarc,injected_kind\r\n");
    }

    void write(Visit v, List<String> charges) throws IOException {
        if (file < 0 || inFile >= perFile) nextFile();
        inFile++;
        BigDecimal total = BigDecimal.ZERO;
        for (String c : charges) total = total.add(new BigDecimal(c));
        String dos = v.dateOfService.toString().replace("-", "");
        if (institutional(v)) institutional837(v, charges, total, dos);
        else professional837(v, charges, total, dos);
        remit(v, charges, dos);
    }

    /** The hospital's claim (claim_type INSTITUTIONAL with a type of bill): 837I; every other claim: 837P. */
    static boolean institutional(Visit v) {
        return v.claimType == ClaimType.INSTITUTIONAL;
    }

    /** 837P: 2000A billing provider and 2000B subscriber (patient = subscriber) per claim, 2010BB payer, 2300, 2400. */
    private void professional837(Visit v, List<String> charges, BigDecimal total, String dos) {
        List<String> t = tx837;
        long a = ++hl, b = ++hl;
        header(t, v, a, b);
        t.add("CLM*" + v.claimId + "*" + total.toPlainString() + "***" + v.placeOfService + ":B:1*Y*A*Y*Y");
        StringBuilder hi = new StringBuilder("HI");
        for (int i = 0; i < v.diagnoses.size() && i < 12; i++) {
            hi.append('*').append(i == 0 ? "ABK:" : "ABF:").append(v.diagnoses.get(i).replace(".", ""));
        }
        t.add(hi.toString());
        rendering(t, v);
        for (int i = 0; i < v.lines.size(); i++) {
            Visit.Line l = v.lines.get(i);
            t.add("LX*" + (i + 1));
            t.add("SV1*" + composite(l.code, l.modifiers) + "*" + charges.get(i) + "*UN*" + l.units + "***1");
            t.add("DTP*472*D8*" + dos);
            drug(t, l);
        }
    }

    /**
     * 837I (005010X223A2): the same 2000A / 2000B / 2010BB loops; 2300 CLM05 = facility type code (the type of
     * bill's first two digits) : A (UB-04 institutional) : frequency (its third digit), DTP*434 statement dates,
     * CL1 patient status 01, HI principal diagnosis ABK then other diagnoses ABF; 2400 SV2 revenue code, HC
     * procedure composite, charge, UN, units, with the line's DTP*472 and the drug's 2410 LIN / CTP.
     */
    private void institutional837(Visit v, List<String> charges, BigDecimal total, String dos) {
        String tob = v.billType;
        if (tob == null || !tob.matches("\\d{3}")) {
            throw new IllegalStateException("claim " + v.claimId + ": institutional claim without a 3-digit type of bill ("
                    + tob + ")");
        }
        List<String> t = tx837i;
        long a = ++hlI, b = ++hlI;
        header(t, v, a, b);
        t.add("CLM*" + v.claimId + "*" + total.toPlainString() + "***" + tob.substring(0, 2) + ":A:" + tob.substring(2)
                + "**A*Y*Y");
        t.add("DTP*434*RD8*" + dos + "-" + dos);
        t.add("CL1***01");
        if (!v.diagnoses.isEmpty()) t.add("HI*ABK:" + v.diagnoses.get(0).replace(".", ""));
        if (v.diagnoses.size() > 1) {
            StringBuilder hi = new StringBuilder("HI");
            for (int i = 1; i < v.diagnoses.size() && i < 13; i++) {
                hi.append("*ABF:").append(v.diagnoses.get(i).replace(".", ""));
            }
            t.add(hi.toString());
        }
        rendering(t, v);
        for (int i = 0; i < v.lines.size(); i++) {
            Visit.Line l = v.lines.get(i);
            String revenue = v.revenueCode(l.code);
            t.add("LX*" + (i + 1));
            t.add("SV2*" + revenue + "*" + composite(l.code, l.modifiers) + "*" + charges.get(i) + "*UN*" + l.units);
            t.add("DTP*472*D8*" + dos);
            drug(t, l);
        }
    }

    private static void header(List<String> t, Visit v, long a, long b) {
        t.add("HL*" + a + "**20*1");
        t.add("NM1*85*2*" + v.provider.name() + "*****XX*" + v.provider.npi());
        t.add("HL*" + b + "*" + a + "*22*0");
        t.add("SBR*P*18*******CI");
        t.add("NM1*IL*1*PATIENT*" + v.patientId + "****MI*" + v.patientId);
        t.add("NM1*PR*2*" + v.payer.name() + "*****PI*" + v.payer.id());
    }

    private static void rendering(List<String> t, Visit v) {
        if (v.provider.renderingNpi() != null && !v.provider.renderingNpi().isEmpty()) {
            t.add("NM1*82*1*RENDERING*PROVIDER****XX*" + v.provider.renderingNpi());
        }
    }

    private static void drug(List<String> t, Visit.Line l) {
        if (l.ndc != null && !l.ndc.isEmpty()) {
            t.add("LIN**N4*" + l.ndc);
            t.add("CTP****" + l.units + "*UN");
        }
    }

    private void remit(Visit v, List<String> charges, String dos) throws IOException {
        FindingKind denied = null;
        PayerView pv = null;
        for (FindingKind k : v.injected) {
            PayerView x = view(k, v.payer);
            if (x != null) {
                denied = k;
                pv = x;
                break;
            }
        }
        int deniedLine = -1;
        if (pv != null) {
            for (int i = 0; i < v.lines.size() && deniedLine < 0; i++) {
                String c = v.lines.get(i).code;
                boolean drug = c.startsWith("J") || c.startsWith("Q");
                if (drug == pv.drugLine()) deniedLine = i;
            }
            if (deniedLine < 0) deniedLine = 0;
        }
        boolean underpaid = pv == null && random.nextInt(20) == 0;
        Setting setting = Setting.ofPlaceOfService(v.placeOfService);
        boolean institutional = institutional(v);
        List<String> svc = new ArrayList<>();
        BigDecimal claimCharge = BigDecimal.ZERO, claimPaid = BigDecimal.ZERO, claimPr = BigDecimal.ZERO;
        for (int i = 0; i < v.lines.size(); i++) {
            Visit.Line l = v.lines.get(i);
            BigDecimal charge = new BigDecimal(charges.get(i));
            claimCharge = claimCharge.add(charge);
            String comp = composite(l.code, l.modifiers);
            // SVC04: the NUBC revenue code of an institutional line
            svc.add("SVC*" + comp + "*" + charge.toPlainString() + "*%PAID%*" + (institutional ? v.revenueCode(l.code) : "")
                    + "*" + l.units);
            svc.add("DTM*472*" + dos);
            String status, carc = "", rarc = "";
            BigDecimal paid;
            if (i == deniedLine) {
                paid = BigDecimal.ZERO.setScale(2);
                svc.add("CAS*CO*" + pv.carc() + "*" + charge.toPlainString());
                svc.add("LQ*HE*" + pv.rarc());
                status = "DENIED";
                carc = "CO-" + pv.carc();
                rarc = pv.rarc();
            } else {
                BigDecimal price = fees.perUnit(v.payer.id(), l.code, setting, v.dateOfService);
                BigDecimal value = price == null ? charge.multiply(new BigDecimal("0.60"))
                        : price.multiply(BigDecimal.valueOf(l.units));
                // a professional claim is allowed the lesser of the charge and the fee schedule (contract section 10);
                // the hospital's institutional claim the fee schedule amount, whatever the charge
                if (!institutional || price == null) value = value.min(charge);
                value = value.setScale(2, RoundingMode.HALF_EVEN);
                boolean below = underpaid && price != null && price.signum() > 0;
                BigDecimal allowed = below ? value.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_EVEN) : value;
                paid = allowed.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal pr = allowed.subtract(paid);
                BigDecimal co45 = charge.subtract(allowed);
                if (co45.signum() > 0) svc.add("CAS*CO*45*" + co45.toPlainString());
                // allowed above the charge: CARC 94 (processed in excess of charges), a negative adjustment
                if (co45.signum() < 0) svc.add("CAS*OA*94*" + co45.toPlainString());
                if (pr.signum() > 0) svc.add("CAS*PR*2*" + pr.toPlainString());
                svc.add("AMT*B6*" + allowed.toPlainString());
                claimPr = claimPr.add(pr);
                status = below && allowed.compareTo(value) < 0 ? "UNDERPAID" : "PAID";
            }
            int k = svc.size();
            for (int j = k - 1; j >= 0; j--) {
                if (svc.get(j).contains("%PAID%")) {
                    svc.set(j, svc.get(j).replace("%PAID%", paid.toPlainString()));
                    break;
                }
            }
            claimPaid = claimPaid.add(paid);
            row(truth, v.claimId, Integer.toString(i + 1), l.code, status, carc, rarc,
                    i == deniedLine ? denied.name() : "");
        }
        tx835.add("CLP*" + v.claimId + "*1*" + claimCharge.toPlainString() + "*" + claimPaid.toPlainString() + "*"
                + claimPr.toPlainString() + "*MB*" + Beneficiary.payerClaimNumber(v.claimId)
                // CLP08 / CLP09 of an institutional claim: facility type code and frequency (the type of bill)
                + (institutional ? "*" + v.billType.substring(0, 2) + "*" + v.billType.substring(2) : ""));
        tx835.add("NM1*QC*1*PATIENT*" + v.patientId + "****MI*" + v.patientId);
        tx835.addAll(svc);
    }

    static String composite(String code, List<String> modifiers) {
        StringBuilder b = new StringBuilder("HC:").append(code);
        for (int i = 0; i < modifiers.size() && i < 4; i++) b.append(':').append(modifiers.get(i));
        return b.toString();
    }

    private void nextFile() throws IOException {
        flush();
        file++;
        inFile = 0;
        part = String.format(Locale.ROOT, "part-%05d", file);
        w835 = Files.newBufferedWriter(remitsDir.resolve(part + ".835"), StandardCharsets.UTF_8);
    }

    /**
     * Writes the open interchanges of a part: part-NNNNN.837 (837P) and part-NNNNN-i.837 (837I), each only when
     * the part has claims of that kind (billing provider per claim's HL 20), and part-NNNNN.835 for all of them.
     */
    private void flush() throws IOException {
        if (w835 == null) return;
        String ctl = String.format(Locale.ROOT, "%09d", file + 1);
        // 837I interchanges and groups are numbered apart from the 837P ones (ISA13 / GS06 unique per sender)
        String ctlI = String.format(Locale.ROOT, "%09d", 500_000_000 + file + 1);
        if (!tx837.isEmpty()) write837(part + ".837", "005010X222A1", ctl, tx837);
        if (!tx837i.isEmpty()) write837(part + "-i.837", "005010X223A2", ctlI, tx837i);
        write835(ctl);
        w835.close();
        tx837 = new ArrayList<>();
        tx837i = new ArrayList<>();
        tx835 = new ArrayList<>();
        hl = 0;
        hlI = 0;
    }

    private void write837(String name, String version, String ctl, List<String> claims) throws IOException {
        List<String> t = new ArrayList<>();
        t.add("ST*837*0001*" + version);
        t.add("BHT*0019*00*" + ctl + "*20260401*1200*CH");
        t.add("NM1*41*2*ONCOAUDIT GENERATOR*****46*GEN");
        t.add("NM1*40*2*PAYER*****46*PAYER");
        t.addAll(claims);
        t.add("SE*" + (t.size() + 1) + "*0001");
        try (BufferedWriter w = Files.newBufferedWriter(claimsDir.resolve(name), StandardCharsets.UTF_8)) {
            envelope(w, "HC", version, ctl, t);
        }
    }

    private void write835(String ctl) throws IOException {
        List<String> t = new ArrayList<>();
        t.add("ST*835*0001*005010X221A1");
        t.add("BPR*I*0*C*NON************20260401");
        t.add("TRN*1*" + ctl + "*1512345678");
        t.add("N1*PR*GENERATED PAYER");
        t.add("N1*PE*PROVIDER*XX*1234567893");
        t.add("LX*1");
        t.addAll(tx835);
        t.add("SE*" + (t.size() + 1) + "*0001");
        envelope(w835, "HP", "005010X221A1", ctl, t);
    }

    private static void envelope(BufferedWriter w, String functional, String version, String ctl, List<String> t)
            throws IOException {
        w.write("ISA*00*          *00*          *ZZ*ONCOAUDIT      *ZZ*RECEIVER       *260401*1200*^*00501*" + ctl
                + "*0*P*:~\n");
        w.write("GS*" + functional + "*ONCOAUDIT*RECEIVER*20260401*1200*" + Integer.parseInt(ctl) + "*X*" + version + "~\n");
        for (String s : t) {
            w.write(s);
            w.write("~\n");
        }
        w.write("GE*1*" + Integer.parseInt(ctl) + "~\n");
        w.write("IEA*1*" + ctl + "~\n");
    }

    private static void row(BufferedWriter w, String... cells) throws IOException {
        w.write(String.join(",", cells));
        w.write("\r\n");
    }

    @Override
    public void close() throws IOException {
        flush();
        truth.close();
    }
}
