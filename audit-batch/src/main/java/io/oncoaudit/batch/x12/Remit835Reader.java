package io.oncoaudit.batch.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Remit} claims from the segments of an 835 (005010X221A1) as they stream by: one claim in memory
 * at a time. A claim whose segments cannot be read (an amount that is not a number, a bad date) is not used: it
 * goes to rejects with the segment's position and the reason, like a transaction that is not an 835.
 */
public final class Remit835Reader implements X12Reader.Handler {

    /** Where the claims and the rejects go. */
    public interface Sink {
        void remit(Remit r);

        /** A segment that cannot be used; {@code claimId} when it belongs to a claim (then the claim is not used). */
        void reject(int position, String tag, String claimId, String reason, String segment);
    }

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final String file;
    private final Sink sink;
    private boolean inTransaction, skipping;
    private String payerName, payerKey, payerTrn, payerRef;
    private ClaimBuilder claim;
    private LineBuilder line;
    public long transactions, claims, rejectedClaims, segments;

    public Remit835Reader(String file, Sink sink) {
        this.file = file;
        this.sink = sink;
    }

    private static final class ClaimBuilder {
        int position;
        String claimId, status, payerClaimNumber, facilityCode;
        BigDecimal charge, paid, patientResp;
        LocalDate from, to;
        final List<Remit.Adjustment> adjustments = new ArrayList<>();
        final List<String> remarks = new ArrayList<>();
        final List<Remit.Line> lines = new ArrayList<>();
        String problem;
        int problemPosition;
        String problemTag, problemSegment;
    }

    private static final class LineBuilder {
        int position;
        String qualifier, code, originalCode, revenueCode, control;
        List<String> modifiers = List.of(), originalModifiers = List.of();
        BigDecimal units, charge, paid, allowed;
        LocalDate date472, date150;
        final List<Remit.Adjustment> adjustments = new ArrayList<>();
        final List<String> remarks = new ArrayList<>();
    }

    @Override
    public void segment(X12Reader.Segment s) {
        segments++;
        String tag = s.tag();
        switch (tag) {
            case "ISA", "IEA", "GE" -> { return; }
            case "GS" -> {
                return;
            }
            case "ST" -> {
                finishClaim();
                inTransaction = true;
                skipping = false;
                payerName = payerKey = payerTrn = payerRef = null;
                String version = s.el(3);
                if (!"835".equals(s.el(1))) {
                    skipping = true;
                    sink.reject(s.position(), tag, null, "transaction set " + s.el(1) + " is not an 835 remittance "
                            + "(005010X221A1): the transaction is not read", s.text());
                } else if (!version.isEmpty() && !version.startsWith("005010X221")) {
                    skipping = true;
                    sink.reject(s.position(), tag, null, "835 implementation " + version + " is not 005010X221A1: "
                            + "the transaction is not read", s.text());
                } else {
                    transactions++;
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
                case "TRN" -> payerTrn = blankToNull(s.el(3));
                case "N1" -> {
                    if ("PR".equals(s.el(1))) {
                        payerName = blankToNull(s.el(2));
                        payerKey = blankToNull(s.el(4));
                    }
                }
                case "REF" -> {
                    if (line != null && "6R".equals(s.el(1))) line.control = blankToNull(s.el(2));
                    else if (claim == null && "2U".equals(s.el(1))) payerRef = blankToNull(s.el(2));
                }
                case "LX", "PLB" -> finishClaim();
                case "CLP" -> clp(s);
                case "SVC" -> svc(s);
                case "CAS" -> cas(s);
                case "DTM" -> dtm(s);
                case "AMT" -> {
                    if (line != null && "B6".equals(s.el(1))) line.allowed = amount(s, 2, "AMT02 allowed amount");
                }
                case "LQ" -> {
                    if (line != null && "HE".equals(s.el(1)) && !s.el(2).isEmpty()) line.remarks.add(s.el(2));
                }
                case "MOA", "MIA" -> {
                    if (claim != null) {
                        int[] remarkElements = tag.equals("MOA") ? new int[] {3, 4, 5, 6, 7} : new int[] {5, 20, 21, 22, 23};
                        for (int i : remarkElements) if (!s.el(i).isEmpty()) claim.remarks.add(s.el(i));
                    }
                }
                default -> { }
            }
        } catch (FieldException e) {
            if (claim != null && claim.problem == null) {
                claim.problem = e.getMessage();
                claim.problemPosition = s.position();
                claim.problemTag = tag;
                claim.problemSegment = s.text();
            } else if (claim == null) {
                sink.reject(s.position(), tag, null, e.getMessage(), s.text());
            }
        }
    }

    @Override
    public void problem(int position, String tag, String reason, boolean fatal) {
        if (fatal) {
            if (claim != null) {
                finishLine();
                claim.problem = "the claim is not complete: " + reason;
                claim.problemPosition = position;
                claim.problemTag = tag;
                ClaimBuilder c = claim;
                claim = null;
                rejectClaim(c);
            }
            sink.reject(position, tag, null, reason, null);
        } else {
            sink.reject(position, tag, null, reason, null);
        }
    }

    /** Call after the reader returns: the last claim of a file without its SE. */
    public void end() {
        if (claim != null) {
            ClaimBuilder c = claim;
            finishLine();
            claim = null;
            c.problem = "the file ends inside this claim (no SE trailer)";
            c.problemPosition = c.position;
            c.problemTag = "CLP";
            rejectClaim(c);
        }
    }

    private void clp(X12Reader.Segment s) throws FieldException {
        finishClaim();
        claim = new ClaimBuilder();
        claim.position = s.position();
        claim.claimId = s.el(1);
        claim.status = s.el(2);
        claim.payerClaimNumber = blankToNull(s.el(7));
        claim.facilityCode = blankToNull(s.el(8));
        if (claim.claimId.isEmpty()) throw new FieldException("CLP01 claim id is blank");
        if (claim.status.isEmpty()) throw new FieldException("CLP02 claim status is blank");
        claim.charge = amount(s, 3, "CLP03 charge");
        claim.paid = amount(s, 4, "CLP04 paid amount");
        claim.patientResp = s.el(5).isEmpty() ? BigDecimal.ZERO.setScale(2) : amount(s, 5, "CLP05 patient responsibility");
    }

    private void svc(X12Reader.Segment s) throws FieldException {
        if (claim == null) throw new FieldException("SVC outside a claim (no CLP before it)");
        finishLine();
        line = new LineBuilder();
        line.position = s.position();
        String[] c = s.components(1);
        if (c.length < 2 || c[1].isEmpty()) throw new FieldException("SVC01 has no procedure code");
        line.qualifier = c[0];
        line.code = c[1];
        line.modifiers = modifiers(c);
        String[] o = s.components(6);
        if (o.length >= 2 && !o[1].isEmpty()) {
            line.originalCode = o[1];
            line.originalModifiers = modifiers(o);
        }
        line.revenueCode = blankToNull(s.el(4));
        line.charge = amount(s, 2, "SVC02 charge");
        line.paid = amount(s, 3, "SVC03 paid amount");
        line.units = s.el(5).isEmpty() ? BigDecimal.ONE : number(s, 5, "SVC05 units");
    }

    private void cas(X12Reader.Segment s) throws FieldException {
        String group = s.el(1);
        if (group.isEmpty()) throw new FieldException("CAS01 group code is blank");
        List<Remit.Adjustment> to = line != null ? line.adjustments : claim != null ? claim.adjustments : null;
        if (to == null) throw new FieldException("CAS outside a claim");
        for (int i = 2; i <= 17; i += 3) {
            String carc = s.el(i);
            if (carc.isEmpty()) continue;
            to.add(new Remit.Adjustment(group, carc, amount(s, i + 1, "CAS" + String.format("%02d", i + 1) + " amount")));
        }
    }

    private void dtm(X12Reader.Segment s) throws FieldException {
        String q = s.el(1);
        if (line != null) {
            if ("472".equals(q)) line.date472 = date(s);
            else if ("150".equals(q)) line.date150 = date(s);
        } else if (claim != null) {
            if ("232".equals(q)) claim.from = date(s);
            else if ("233".equals(q)) claim.to = date(s);
        }
    }

    private void finishLine() {
        if (line == null) return;
        LineBuilder l = line;
        line = null;
        LocalDate d = l.date472 != null ? l.date472 : l.date150;
        claim.lines.add(new Remit.Line(l.position, l.qualifier, l.code, l.modifiers, l.originalCode, l.originalModifiers,
                l.revenueCode, l.units, l.charge, l.paid, l.allowed, d, List.copyOf(l.adjustments), List.copyOf(l.remarks),
                l.control));
    }

    private void finishClaim() {
        if (claim == null) return;
        finishLine();
        ClaimBuilder c = claim;
        claim = null;
        if (c.problem != null) {
            rejectClaim(c);
            return;
        }
        claims++;
        String key = payerRef != null ? payerRef : payerKey != null ? payerKey : payerTrn != null ? payerTrn : payerName;
        LocalDate from = c.from, to = c.to;
        List<Remit.Line> lines = new ArrayList<>(c.lines.size());
        for (Remit.Line l : c.lines) {
            lines.add(l.date() != null || from == null ? l : new Remit.Line(l.position(), l.qualifier(), l.code(),
                    l.modifiers(), l.originalCode(), l.originalModifiers(), l.revenueCode(), l.units(), l.charge(),
                    l.paid(), l.allowed(), from, l.adjustments(), l.remarks(), l.lineControlNumber()));
        }
        sink.remit(new Remit(file, c.position, c.claimId, c.status, c.charge, c.paid, c.patientResp, c.payerClaimNumber,
                key, payerName, c.facilityCode, from, to, List.copyOf(c.adjustments), List.copyOf(c.remarks),
                List.copyOf(lines)));
    }

    private void rejectClaim(ClaimBuilder c) {
        rejectedClaims++;
        sink.reject(c.problemPosition, c.problemTag, c.claimId, c.problem + " (claim " + c.claimId + " at position "
                + c.position + " is not used)", c.problemSegment);
    }

    private static List<String> modifiers(String[] composite) {
        List<String> m = new ArrayList<>(4);
        for (int i = 2; i < Math.min(composite.length, 6); i++) if (!composite[i].isEmpty()) m.add(composite[i]);
        return List.copyOf(m);
    }

    private static BigDecimal amount(X12Reader.Segment s, int i, String what) throws FieldException {
        BigDecimal n = number(s, i, what);
        if (n.scale() > 2 && n.stripTrailingZeros().scale() > 2) {
            throw new FieldException(what + " '" + s.el(i) + "' has more than 2 decimals");
        }
        return n.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static BigDecimal number(X12Reader.Segment s, int i, String what) throws FieldException {
        String v = s.el(i);
        if (v.isEmpty()) throw new FieldException(what + " is blank");
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FieldException(what + " '" + v + "' is not a number");
        }
    }

    private static LocalDate date(X12Reader.Segment s) throws FieldException {
        String v = s.el(2);
        try {
            return LocalDate.parse(v, CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw new FieldException("DTM02 date '" + v + "' is not CCYYMMDD");
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    static final class FieldException extends Exception {
        FieldException(String m) { super(m, null, false, false); }
    }
}
