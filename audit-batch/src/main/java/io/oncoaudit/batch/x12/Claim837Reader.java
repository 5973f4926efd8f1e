package io.oncoaudit.batch.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns 837P (005010X222A1) and 837I (005010X223A2 / X223A1) claims into claim_lines rows (contract sections 1
 * and 11) as the segments stream by: one claim in memory at a time. claim_id = CLM01; payer_id / payer_name =
 * loop 2010BB NM1*PR; patient_id and member_id = the subscriber's NM109 (2010BA), the patient's (2010CA) when
 * present; billing_npi / provider_name = 2010AA NM1*85; rendering_npi = 2310B NM1*82 (claim level);
 * place_of_service = CLM05-1 (837P; 837I: the place of service of its facility type code, see
 * {@link #institutionalPlace}); diagnosis_codes = HI (ABK/ABF/BK/BF); per line (LX) SV1 (837P) or SV2 (837I)
 * code, modifiers, charge, units and revenue code; date of service = the line's DTP*472, else the claim's
 * (DTP*472, 837I DTP*434 statement from-date); ndc = LIN03 (2410). 837I: claim_type INSTITUTIONAL and
 * bill_type = CLM05-1 + CLM05-3.
 */
public final class Claim837Reader implements X12Reader.Handler {

    /** Where the rows and rejects go. */
    public interface Sink {
        /** One claim's line rows (column -> value, contract names), in line order. */
        void claim(List<Map<String, String>> lines);

        void reject(int position, String tag, String claimId, String reason, String segment);
    }

    /** HI qualifiers of diagnosis codes: ICD-10-CM principal / other (ABK / ABF), ICD-9-CM (BK / BF). */
    private static final java.util.Set<String> DIAGNOSIS = java.util.Set.of("ABK", "ABF", "BK", "BF");

    private final String file;
    private final Sink sink;
    private boolean inTransaction, skipping, institutional;
    private String gsVersion = "";
    // provider / subscriber / patient context (HL loops)
    private String billingNpi, providerName, payerId, payerName, subscriberId, subscriberName, patientId, patientName;
    private String nm1Context; // the last NM1 entity code
    private ClaimBuilder claim;
    public long transactions, claims, lines, rejectedClaims;

    public Claim837Reader(String file, Sink sink) {
        this.file = file;
        this.sink = sink;
    }

    private static final class ClaimBuilder {
        int position;
        String claimId, pos, billType, renderingNpi, claimDate, payerClaimNumber, patientId, patientName, memberId;
        BigDecimal total;
        final List<String> diagnoses = new ArrayList<>();
        final List<Map<String, String>> lines = new ArrayList<>();
        Map<String, String> line;
        String problem, problemTag, problemSegment;
        int problemPosition;
        boolean inLines;
    }

    public String file() { return file; }

    @Override
    public void segment(X12Reader.Segment s) {
        String tag = s.tag();
        switch (tag) {
            case "ISA", "IEA", "GE" -> { return; }
            case "GS" -> {
                gsVersion = s.el(8);
                return;
            }
            case "ST" -> {
                finishClaim();
                inTransaction = true;
                skipping = false;
                billingNpi = providerName = payerId = payerName = subscriberId = subscriberName = patientId = patientName = null;
                String version = s.el(3).isEmpty() ? gsVersion : s.el(3);
                if (!"837".equals(s.el(1))) {
                    skipping = true;
                    sink.reject(s.position(), tag, null, "transaction set " + s.el(1) + " is not an 837 claim "
                            + "(005010X222A1 / 005010X223A2): the transaction is not read", s.text());
                } else if (version.startsWith("005010X222")) {
                    institutional = false;
                    transactions++;
                } else if (version.startsWith("005010X223")) {
                    institutional = true;
                    transactions++;
                } else {
                    skipping = true;
                    sink.reject(s.position(), tag, null, "837 implementation " + version + " is neither 005010X222A1 "
                            + "(837P) nor 005010X223A2 (837I): the transaction is not read", s.text());
                }
                return;
            }
            case "SE" -> {
                finishClaim();
                inTransaction = false;
                skipping = false;
                return;
            }
            default -> { }
        }
        if (!inTransaction || skipping) return;
        try {
            switch (tag) {
                case "HL" -> {
                    finishClaim();
                    String level = s.el(3);
                    if ("20".equals(level)) {
                        billingNpi = providerName = null;
                    } else if ("22".equals(level)) {
                        subscriberId = subscriberName = payerId = payerName = null;
                        patientId = patientName = null;
                    } else if ("23".equals(level)) {
                        patientId = patientName = null;
                    }
                }
                case "NM1" -> nm1(s);
                case "CLM" -> clm(s);
                case "HI" -> {
                    if (claim != null) {
                        for (int i = 1; i <= s.size(); i++) {
                            String q = s.comp(i, 1), code = s.comp(i, 2);
                            if (code.isEmpty() && DIAGNOSIS.contains(q) && s.components(i).length == 1
                                    && i < s.size() && s.components(i + 1).length == 1 && !DIAGNOSIS.contains(s.el(i + 1))) {
                                code = s.el(++i); // "HI*BK*8901": the qualifier and the code as two elements (seen in the wild)
                            }
                            if (!code.isEmpty() && DIAGNOSIS.contains(q)) claim.diagnoses.add(code);
                        }
                    }
                }
                case "LX" -> {
                    if (claim == null) throw new FieldException("LX outside a claim (no CLM before it)");
                    finishLine();
                    claim.inLines = true;
                    claim.line = new LinkedHashMap<>();
                    claim.line.put("line_number", s.el(1));
                    claim.line.put("x12_segment", Integer.toString(s.position()));
                }
                case "SV1" -> sv1(s);
                case "SV2" -> sv2(s);
                case "DTP" -> dtp(s);
                case "LIN" -> {
                    if (claim != null && claim.line != null && "N4".equals(s.el(2))) claim.line.put("ndc", s.el(3));
                }
                case "REF" -> {
                    if (claim != null && !claim.inLines && "F8".equals(s.el(1))) claim.payerClaimNumber = s.el(2);
                }
                default -> { }
            }
        } catch (FieldException e) {
            if (claim != null) {
                if (claim.problem == null) {
                    claim.problem = e.getMessage();
                    claim.problemPosition = s.position();
                    claim.problemTag = tag;
                    claim.problemSegment = s.text();
                }
            } else {
                sink.reject(s.position(), tag, null, e.getMessage(), s.text());
            }
        }
    }

    private void nm1(X12Reader.Segment s) {
        String entity = s.el(1);
        nm1Context = entity;
        String id = s.el(9), name = s.el(3), first = s.el(4);
        String full = first.isEmpty() ? name : name + ", " + first;
        if (claim != null && !entity.equals("82")) return; // 2310/2330 loops after CLM: other payers, facilities
        switch (entity) {
            case "85" -> {
                billingNpi = id;
                providerName = name;
            }
            case "IL" -> {
                subscriberId = id;
                subscriberName = full;
            }
            case "PR" -> {
                payerId = id;
                payerName = name;
            }
            case "QC" -> {
                patientId = id.isEmpty() ? null : id;
                patientName = full;
            }
            case "82" -> {
                if (claim != null && !claim.inLines) claim.renderingNpi = id;
            }
            default -> { }
        }
    }

    private void clm(X12Reader.Segment s) throws FieldException {
        finishClaim();
        claim = new ClaimBuilder();
        claim.position = s.position();
        claim.claimId = s.el(1);
        if (claim.claimId.isEmpty()) throw new FieldException("CLM01 claim id is blank");
        claim.total = number(s.el(2), "CLM02 total charge");
        String facility = s.comp(5, 1), frequency = s.comp(5, 3);
        claim.pos = facility;
        if (institutional) claim.billType = facility + frequency;
        claim.patientId = patientId != null ? patientId : subscriberId;
        claim.patientName = patientId != null ? patientName : subscriberName;
        claim.memberId = claim.patientId;
    }

    private void sv1(X12Reader.Segment s) throws FieldException {
        Map<String, String> l = line(s);
        service(l, s.components(1), "SV101");
        l.put("charge_amount", number(s.el(2), "SV102 charge").toPlainString());
        l.put("units", s.el(4).isEmpty() ? "1" : number(s.el(4), "SV104 units").toPlainString());
    }

    private void sv2(X12Reader.Segment s) throws FieldException {
        Map<String, String> l = line(s);
        l.put("revenue_code", s.el(1));
        service(l, s.components(2), "SV202");
        l.put("charge_amount", number(s.el(3), "SV203 charge").toPlainString());
        l.put("units", s.el(5).isEmpty() ? "1" : number(s.el(5), "SV205 units").toPlainString());
    }

    private Map<String, String> line(X12Reader.Segment s) throws FieldException {
        if (claim == null || claim.line == null) throw new FieldException(s.tag() + " outside a service line (no LX before it)");
        return claim.line;
    }

    private static void service(Map<String, String> l, String[] c, String what) throws FieldException {
        if (c.length < 2 || c[1].isEmpty()) throw new FieldException(what + " has no procedure code");
        l.put("procedure_code", c[1]);
        List<String> mods = new ArrayList<>();
        for (int i = 2; i < Math.min(c.length, 6); i++) if (!c[i].isEmpty()) mods.add(c[i]);
        l.put("modifiers", String.join("|", mods));
    }

    private void dtp(X12Reader.Segment s) throws FieldException {
        if (claim == null) return;
        String q = s.el(1), format = s.el(2), v = s.el(3);
        if (!q.equals("472") && !(q.equals("434") && institutional)) return;
        String d = date(format, v);
        if (claim.line != null && q.equals("472")) claim.line.put("date_of_service", d);
        else if (!claim.inLines && (q.equals("472") || claim.claimDate == null)) claim.claimDate = d;
    }

    private static String date(String format, String v) throws FieldException {
        String d = v.length() >= 8 ? v.substring(0, 8) : v;
        if (!(format.equals("D8") || format.equals("RD8")) || !d.matches("\\d{8}")) {
            throw new FieldException("DTP03 date '" + v + "' (" + format + ") is not CCYYMMDD");
        }
        return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8);
    }

    private void finishLine() {
        if (claim == null || claim.line == null) return;
        claim.lines.add(claim.line);
        claim.line = null;
    }

    private void finishClaim() {
        if (claim == null) return;
        finishLine();
        ClaimBuilder c = claim;
        claim = null;
        if (c.problem == null && c.lines.isEmpty()) {
            c.problem = "claim has no service line (LX/SV1/SV2)";
            c.problemPosition = c.position;
            c.problemTag = "CLM";
        }
        if (c.problem != null) {
            rejectedClaims++;
            sink.reject(c.problemPosition, c.problemTag, c.claimId, c.problem + " (claim " + c.claimId + " at position "
                    + c.position + " is not used)", c.problemSegment);
            return;
        }
        claims++;
        String diagnoses = String.join("|", c.diagnoses);
        List<Map<String, String>> rows = new ArrayList<>(c.lines.size());
        for (Map<String, String> l : c.lines) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("claim_id", c.claimId);
            r.put("line_number", l.get("line_number"));
            r.put("patient_id", c.patientId);
            r.put("date_of_service", l.getOrDefault("date_of_service", c.claimDate));
            r.put("billing_npi", billingNpi);
            r.put("rendering_npi", c.renderingNpi);
            r.put("provider_name", providerName);
            r.put("payer_id", payerId);
            r.put("payer_name", payerName);
            r.put("place_of_service", institutional ? institutionalPlace(c.pos, c.lines) : c.pos);
            r.put("procedure_code", l.get("procedure_code"));
            r.put("modifiers", l.get("modifiers"));
            r.put("units", l.get("units"));
            r.put("ndc", l.get("ndc"));
            r.put("diagnosis_codes", diagnoses);
            r.put("charge_amount", l.get("charge_amount"));
            r.put("claim_type", institutional ? "INSTITUTIONAL" : "PROFESSIONAL");
            r.put("bill_type", c.billType);
            r.put("revenue_code", l.get("revenue_code"));
            r.put("member_id", c.memberId);
            r.put("patient_name", c.patientName);
            r.put("payer_claim_number", c.payerClaimNumber);
            r.put("x12_file", file);
            r.put("x12_segment", l.get("x12_segment"));
            rows.add(r);
        }
        lines += rows.size();
        sink.claim(rows);
    }

    /**
     * The CMS place of service of an 837I claim, which carries none: from its facility type code (CLM05-1, the
     * type of bill's first two digits). 13 hospital outpatient: 22 on-campus outpatient hospital, 19 off-campus
     * when a line carries modifier PO or PN (off-campus provider-based department); 11 / 12 hospital inpatient
     * (Part A / Part B): 21; 83 ambulatory surgery center: 24; any other facility type: the code itself.
     */
    static String institutionalPlace(String facility, List<Map<String, String>> lines) {
        return switch (facility) {
            case "13" -> {
                for (Map<String, String> l : lines) {
                    for (String m : l.getOrDefault("modifiers", "").split("\\|")) {
                        if (m.equals("PO") || m.equals("PN")) yield "19";
                    }
                }
                yield "22";
            }
            case "11", "12" -> "21";
            case "83" -> "24";
            default -> facility;
        };
    }

    @Override
    public void problem(int position, String tag, String reason, boolean fatal) {
        if (fatal && claim != null) {
            ClaimBuilder c = claim;
            claim = null;
            rejectedClaims++;
            sink.reject(position, tag, c.claimId, "the claim is not complete: " + reason + " (claim " + c.claimId
                    + " at position " + c.position + " is not used)", null);
            return;
        }
        sink.reject(position, tag, null, reason, null);
    }

    /** After the last segment: a claim left open (file without SE) is not used. */
    public void end() {
        if (claim != null) {
            ClaimBuilder c = claim;
            claim = null;
            rejectedClaims++;
            sink.reject(c.position, "CLM", c.claimId, "the file ends inside this claim (no SE trailer) (claim "
                    + c.claimId + " is not used)", null);
        }
    }

    private static BigDecimal number(String v, String what) throws FieldException {
        if (v.isEmpty()) throw new FieldException(what + " is blank");
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new FieldException(what + " '" + v + "' is not a number");
        }
    }

    static final class FieldException extends Exception {
        FieldException(String m) { super(m, null, false, false); }
    }
}
