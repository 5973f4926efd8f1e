package io.oncoaudit.batch.x12;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reconciles one claim's remittances with the claim as billed (contract section 11).
 *
 * <p>Netting: the remittances of one claim id from one payer are added up line by line (the k-th line with the
 * same billed code, modifiers and date in each remittance): a reversal (CLP02 = 22) carries negative amounts and cancels what it reverses, and a
 * correction that follows it leaves its own amounts; a line that nets to nothing (no units, charge, payment or
 * adjustment left) was reversed away and is not a remittance line any more.
 *
 * <p>Matching: CLP01 = the extract's claim_id; each remittance line takes the first billed line not yet taken
 * with the same procedure code, the same set of modifiers and the same date of service (the code as billed,
 * SVC06, when the payer changed it), preferring one with the same units.
 *
 * <p>Figures: a line is <b>denied</b> when it is paid 0 with an adjustment in group CO, OA or PI (patient
 * responsibility alone, PR, is not a denial); its amount is the line's expected value, the price of the line as
 * billed on the fee schedule in use times its units (with the built-in schedule, on a professional claim, the
 * lesser of that and the charge, contract section 10). A paid line is <b>paid below expected</b> when its allowed
 * amount (AMT*B6; without it, paid + PR adjustments + CARC 253 sequestration) is below that value; the amount is
 * the shortfall. CO-45 (charge exceeds the fee schedule) is a contractual adjustment, not a write-off to recover.
 */
public final class RemitMatcher {

    /** Statuses of a remittance line (the usual revenue-cycle split). */
    public static final String PAID = "PAID", DENIED = "DENIED", REJECTED = "REJECTED", ZERO_PAY = "ZERO_PAY",
            UNDERPAID = "UNDERPAID";

    public record BilledLine(int lineNumber, String code, List<String> modifiers, BigDecimal units, BigDecimal charge)
            implements Serializable { }

    public record BilledClaim(String claimId, LocalDate dateOfService, String payerId, String placeOfService,
                              boolean professional, List<BilledLine> lines) implements Serializable { }

    /** Per-unit prices of the fee schedule in use; null when it has none. */
    public interface Prices extends Serializable {
        BigDecimal perUnit(String payerId, String code, String placeOfService, LocalDate dateOfService);

        /** True when a line's value is the lesser of its charge and its price (built-in schedule, contract 10). */
        boolean lesserOfCharge();
    }

    /** One netted remittance line (or, with {@code line == false}, a claim paid without service lines). */
    public record Result(String file, int position, String claimId, String payerKey, String payerName,
                         String claimStatus, String payerClaimNumber, boolean claimMatched, boolean line,
                         Integer lineNumber, String procedureCode, String modifiers, String adjudicatedCode,
                         String adjudicatedModifiers, String revenueCode, LocalDate dateOfService, BigDecimal units,
                         BigDecimal charge, BigDecimal paid, BigDecimal allowed, String allowedBasis,
                         BigDecimal patientResponsibility, List<Remit.Adjustment> adjustments, List<String> remarks,
                         String status, BigDecimal expectedPrice, BigDecimal expectedValue, BigDecimal shortfall,
                         String note) implements Serializable {
        public boolean matched() { return lineNumber != null; }
    }

    private RemitMatcher() { }

    public static List<Result> match(String claimId, List<Remit> remits, BilledClaim billed, Prices prices) {
        Map<String, List<Remit>> byPayer = new LinkedHashMap<>();
        List<Remit> ordered = new ArrayList<>(remits);
        ordered.sort(Comparator.comparing(Remit::file).thenComparingInt(Remit::position));
        for (Remit r : ordered) byPayer.computeIfAbsent(String.valueOf(r.payerKey()), k -> new ArrayList<>()).add(r);
        List<Result> out = new ArrayList<>();
        boolean[] taken = new boolean[billed == null ? 0 : billed.lines().size()];
        for (List<Remit> group : byPayer.values()) out.addAll(matchGroup(claimId, group, billed, prices, taken));
        return out;
    }

    /** A line being netted. */
    private static final class Net {
        Remit.Line first, last;
        String billedCode, adjudicatedCode;
        List<String> billedModifiers, adjudicatedModifiers;
        LocalDate date;
        BigDecimal units = BigDecimal.ZERO, charge = BigDecimal.ZERO, paid = BigDecimal.ZERO, allowed;
        final Map<String, BigDecimal> adjustments = new LinkedHashMap<>();
        List<String> remarks = List.of();
    }

    private static List<Result> matchGroup(String claimId, List<Remit> group, BilledClaim billed, Prices prices,
                                           boolean[] taken) {
        Remit current = null; // the last remittance that is not a reversal
        BigDecimal patientResp = BigDecimal.ZERO.setScale(2);
        Map<String, Net> lines = new LinkedHashMap<>();
        for (Remit r : group) {
            if (!r.reversal()) current = r;
            patientResp = patientResp.add(r.patientResponsibility());
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (Remit.Line l : r.lines()) {
                // the k-th line with this code, modifiers and date: nets with the k-th of a reversal or correction,
                // never with a second line of the same code in the same remittance
                String base = l.billedCode().toUpperCase(Locale.ROOT) + "|" + modifierKey(l.billedModifiers()) + "|"
                        + l.date();
                String key = base + "#" + seen.merge(base, 1, Integer::sum);
                Net n = lines.get(key);
                if (n == null) {
                    n = new Net();
                    n.first = l;
                    n.billedCode = l.billedCode();
                    n.billedModifiers = l.billedModifiers();
                    n.date = l.date();
                    lines.put(key, n);
                }
                BigDecimal units = r.reversal() ? l.units().abs().negate() : l.units();
                n.units = n.units.add(units);
                n.charge = n.charge.add(l.charge());
                n.paid = n.paid.add(l.paid());
                if (l.allowed() != null) n.allowed = n.allowed == null ? l.allowed() : n.allowed.add(l.allowed());
                for (Remit.Adjustment a : l.adjustments()) n.adjustments.merge(a.key(), a.amount(), BigDecimal::add);
                if (!r.reversal()) {
                    n.last = l;
                    n.adjudicatedCode = l.code();
                    n.adjudicatedModifiers = l.modifiers();
                    n.remarks = l.remarks();
                }
            }
        }
        Remit shown = current != null ? current : group.get(group.size() - 1);
        String claimStatus = current == null ? "REVERSED" : Remit.statusName(current.status());
        boolean claimMatched = billed != null;
        List<Result> out = new ArrayList<>();
        for (Net n : lines.values()) {
            n.adjustments.values().removeIf(v -> v.signum() == 0);
            if (n.units.signum() == 0 && n.charge.signum() == 0 && n.paid.signum() == 0 && n.adjustments.isEmpty()) {
                continue; // reversed away
            }
            Remit.Line l = n.last != null ? n.last : n.first;
            List<Remit.Adjustment> adj = new ArrayList<>();
            for (var e : n.adjustments.entrySet()) {
                int dash = e.getKey().indexOf('-');
                adj.add(new Remit.Adjustment(e.getKey().substring(0, dash), e.getKey().substring(dash + 1), e.getValue()));
            }
            BilledLine b = claimMatched ? take(billed, n, taken) : null;
            BigDecimal price = null, value = null, shortfall = null;
            String note = null;
            if (claimMatched) {
                String code = b != null ? b.code() : n.billedCode;
                BigDecimal units = b != null ? b.units() : n.units;
                price = prices.perUnit(billed.payerId(), code, billed.placeOfService(), billed.dateOfService());
                if (price == null) {
                    note = "no fee-schedule price for " + code + ": valued at 0.00";
                    price = BigDecimal.ZERO;
                }
                value = price.multiply(units).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal charge = b != null ? b.charge() : n.charge;
                if (prices.lesserOfCharge() && billed.professional() && charge != null && charge.signum() > 0
                        && charge.compareTo(value) < 0) {
                    value = charge.setScale(2, RoundingMode.HALF_EVEN);
                }
                if (b == null) note = join(note, "no billed line with this code, modifiers and date of service");
            } else {
                note = "claim " + claimId + " is not in the audited extract";
            }
            boolean denialGroup = false, pr = false;
            BigDecimal prAmount = BigDecimal.ZERO, sequestration = BigDecimal.ZERO;
            for (Remit.Adjustment a : adj) {
                switch (a.group()) {
                    case "CO", "OA", "PI" -> denialGroup = true;
                    case "PR" -> {
                        pr = true;
                        prAmount = prAmount.add(a.amount());
                    }
                    default -> { }
                }
                if ("253".equals(a.carc())) sequestration = sequestration.add(a.amount());
            }
            BigDecimal allowed = n.allowed;
            String basis = "AMT*B6";
            if (allowed == null) {
                allowed = n.paid.add(prAmount).add(sequestration);
                basis = "paid + PR + CARC 253";
            }
            String status;
            if (n.paid.signum() == 0 && denialGroup) {
                status = rejection(adj, n.remarks) ? REJECTED : DENIED;
            } else if (n.paid.signum() <= 0) {
                status = ZERO_PAY;
            } else if (b != null && value != null && allowed.compareTo(value) < 0) {
                status = UNDERPAID;
                shortfall = value.subtract(allowed);
            } else {
                status = PAID;
            }
            out.add(new Result(shown.file(), l.position(), claimId, shown.payerKey(), shown.payerName(), claimStatus,
                    shown.payerClaimNumber(), claimMatched, true, b == null ? null : b.lineNumber(), n.billedCode,
                    String.join("|", n.billedModifiers), n.adjudicatedCode == null ? l.code() : n.adjudicatedCode,
                    String.join("|", n.adjudicatedModifiers == null ? l.modifiers() : n.adjudicatedModifiers),
                    l.revenueCode(), n.date, n.units, n.charge, n.paid, allowed, basis, prAmount, List.copyOf(adj),
                    n.remarks, status, price, value, shortfall, note));
        }
        if (out.isEmpty()) {
            // a claim adjudicated without service lines (or fully reversed): kept as one claim row, never dropped
            BigDecimal paid = BigDecimal.ZERO.setScale(2), charge = BigDecimal.ZERO.setScale(2);
            for (Remit r : group) {
                paid = paid.add(r.paid());
                charge = charge.add(r.charge());
            }
            out.add(new Result(shown.file(), shown.position(), claimId, shown.payerKey(), shown.payerName(), claimStatus,
                    shown.payerClaimNumber(), claimMatched, false, null, null, null, null, null, null, shown.claimFrom(),
                    null, charge, paid, null, null, patientResp, shown.claimAdjustments(), shown.claimRemarks(),
                    claimStatus, null, null, null, claimMatched ? "claim paid without service lines"
                            : "claim " + claimId + " is not in the audited extract"));
        }
        return out;
    }

    /**
     * Not processed (returned as unprocessable): CARC 16 with RARC MA130, Medicare's "unprocessable claim" (CMS
     * Internet-Only Manual 100-04, chapter 1, section 80.3.2); the provider corrects and resubmits, no appeal.
     */
    private static boolean rejection(List<Remit.Adjustment> adj, List<String> remarks) {
        boolean c16 = false;
        for (Remit.Adjustment a : adj) if ("16".equals(a.carc())) c16 = true;
        return c16 && remarks.contains("MA130");
    }

    private static BilledLine take(BilledClaim billed, Net n, boolean[] taken) {
        int best = -1;
        for (int i = 0; i < billed.lines().size(); i++) {
            if (taken[i]) continue;
            BilledLine b = billed.lines().get(i);
            if (!b.code().equalsIgnoreCase(n.billedCode)) continue;
            if (!modifierKey(b.modifiers()).equals(modifierKey(n.billedModifiers))) continue;
            if (n.date != null && billed.dateOfService() != null && !n.date.equals(billed.dateOfService())) continue;
            if (best < 0) best = i;
            if (b.units() != null && b.units().compareTo(n.units) == 0) {
                best = i;
                break;
            }
        }
        if (best < 0) return null;
        taken[best] = true;
        return billed.lines().get(best);
    }

    static String modifierKey(List<String> modifiers) {
        TreeSet<String> s = new TreeSet<>();
        for (String m : modifiers) if (m != null && !m.isBlank()) s.add(m.strip().toUpperCase(Locale.ROOT));
        return String.join("|", s);
    }

    private static String join(String a, String b) { return a == null ? b : a + "; " + b; }
}
