package io.oncoaudit.batch.generate;

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
 * {@code generate --format x12}: the generated claims also as X12 837P (DIR/claims-x12/, one interchange per
 * part) and the payer's 835 for them (DIR/remits/), with the payer's view of each injected error: the line the
 * error sits on is denied (paid 0, CO + the CARC a payer uses for that error, and a RARC); about 5% of the other
 * claims are allowed 90% of the fee schedule (underpaid lines); the rest are allowed the lesser of the charge and
 * the built-in fee schedule, paid 80% with 20% coinsurance (PR-2) and CO-45 for the charge above the allowed
 * amount. DIR/remits-truth.csv lists every remittance line with what the payer did and why.
 */
final class X12Writer implements Closeable {
    /** The payer's adjustment for an error a coding auditor would flag (public CARC / RARC code lists). */
    record PayerView(String carc, String rarc, boolean drugLine) { }

    static PayerView view(FindingKind k) {
        return switch (k) {
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
    private BufferedWriter w837, w835;
    private List<String> tx837 = new ArrayList<>(), tx835 = new ArrayList<>();
    private long inFile, hl;
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
        // 837P: 2000B subscriber (patient = subscriber), 2010BB payer, 2300 claim, 2400 lines
        // 2000A billing provider and 2000B subscriber (patient = subscriber) per claim
        long a = ++hl, b = ++hl;
        tx837.add("HL*" + a + "**20*1");
        tx837.add("NM1*85*2*" + v.provider.name() + "*****XX*" + v.provider.npi());
        tx837.add("HL*" + b + "*" + a + "*22*0");
        tx837.add("SBR*P*18*******CI");
        tx837.add("NM1*IL*1*PATIENT*" + v.patientId + "****MI*" + v.patientId);
        tx837.add("NM1*PR*2*" + v.payer.name() + "*****PI*" + v.payer.id());
        BigDecimal total = BigDecimal.ZERO;
        for (String c : charges) total = total.add(new BigDecimal(c));
        tx837.add("CLM*" + v.claimId + "*" + total.toPlainString() + "***" + v.placeOfService + ":B:1*Y*A*Y*Y");
        StringBuilder hi = new StringBuilder("HI");
        for (int i = 0; i < v.diagnoses.size() && i < 12; i++) {
            hi.append('*').append(i == 0 ? "ABK:" : "ABF:").append(v.diagnoses.get(i).replace(".", ""));
        }
        tx837.add(hi.toString());
        if (v.provider.renderingNpi() != null && !v.provider.renderingNpi().isEmpty()) {
            tx837.add("NM1*82*1*RENDERING*PROVIDER****XX*" + v.provider.renderingNpi());
        }
        String dos = v.dateOfService.toString().replace("-", "");
        for (int i = 0; i < v.lines.size(); i++) {
            Visit.Line l = v.lines.get(i);
            tx837.add("LX*" + (i + 1));
            tx837.add("SV1*" + composite(l.code, l.modifiers) + "*" + charges.get(i) + "*UN*" + l.units + "***1");
            tx837.add("DTP*472*D8*" + dos);
            if (l.ndc != null && !l.ndc.isEmpty()) {
                tx837.add("LIN**N4*" + l.ndc);
                tx837.add("CTP****" + l.units + "*UN");
            }
        }
        remit(v, charges, dos);
    }

    private void remit(Visit v, List<String> charges, String dos) throws IOException {
        FindingKind denied = null;
        PayerView pv = null;
        for (FindingKind k : v.injected) {
            PayerView x = view(k);
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
        List<String> svc = new ArrayList<>();
        BigDecimal claimCharge = BigDecimal.ZERO, claimPaid = BigDecimal.ZERO, claimPr = BigDecimal.ZERO;
        for (int i = 0; i < v.lines.size(); i++) {
            Visit.Line l = v.lines.get(i);
            BigDecimal charge = new BigDecimal(charges.get(i));
            claimCharge = claimCharge.add(charge);
            String comp = composite(l.code, l.modifiers);
            svc.add("SVC*" + comp + "*" + charge.toPlainString() + "*%PAID%**" + l.units);
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
                value = value.min(charge).setScale(2, RoundingMode.HALF_EVEN);
                boolean below = underpaid && price != null && price.signum() > 0;
                BigDecimal allowed = below ? value.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_EVEN) : value;
                paid = allowed.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal pr = allowed.subtract(paid);
                BigDecimal co45 = charge.subtract(allowed);
                if (co45.signum() > 0) svc.add("CAS*CO*45*" + co45.toPlainString());
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
                + claimPr.toPlainString() + "*MB*ICN" + v.claimId);
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
        String name = String.format(Locale.ROOT, "part-%05d", file);
        w837 = Files.newBufferedWriter(claimsDir.resolve(name + ".837"), StandardCharsets.UTF_8);
        w835 = Files.newBufferedWriter(remitsDir.resolve(name + ".835"), StandardCharsets.UTF_8);
    }

    /** Writes the open interchanges (one 837 and one 835 per file; 837 billing provider per claim's HL 20). */
    private void flush() throws IOException {
        if (w837 == null) return;
        String ctl = String.format(Locale.ROOT, "%09d", file + 1);
        write837(ctl);
        write835(ctl);
        w837.close();
        w835.close();
        tx837 = new ArrayList<>();
        tx835 = new ArrayList<>();
        hl = 0;
    }

    private void write837(String ctl) throws IOException {
        List<String> t = new ArrayList<>();
        t.add("ST*837*0001*005010X222A1");
        t.add("BHT*0019*00*" + ctl + "*20260401*1200*CH");
        t.add("NM1*41*2*ONCOAUDIT GENERATOR*****46*GEN");
        t.add("NM1*40*2*PAYER*****46*PAYER");
        t.addAll(tx837);
        t.add("SE*" + (t.size() + 1) + "*0001");
        envelope(w837, "HC", "005010X222A1", ctl, t);
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
