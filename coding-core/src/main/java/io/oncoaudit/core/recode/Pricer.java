package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Codes;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.pricing.Quote;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Prices lines of one encounter (OA-PRICE-001, contract sections 2 and 10). A code with no price is worth 0 and
 * produces one warning per code.
 *
 * <p>Rounding (HALF_EVEN, to cents) happens at defined points only: a PFS price per unit (RVU x CF, in the table);
 * a line amount (price per unit x units, ASP limits keep their three published decimals until then); an OPPS line
 * (its units' payments summed, the 50 % T reduction included, then rounded); a charge basis (charge / billed units x
 * expected units). Sums of rounded amounts are exact.
 *
 * <p>OPPS (institutional claims under the built-in default): a line's payment depends on the claim's other lines
 * (status indicators per OPPS Addendum D1): S, V and the other separately paid indicators: rate x units; T: the
 * highest-rate T unit at 100 %, every other T unit at 50 %; Q1: packaged (0) when the claim has an S, T or V line,
 * else paid; Q2: packaged when the claim has a T line, else paid; N: packaged; J1: the claim's highest-rate J1 line
 * is paid once and every other line is packaged into it (except F, G, H, L, U); J2: packaged with a J1 line, else
 * paid through its APC; K and G drugs: per unit at the ASP limit; B, E1, E2, M, C, A, Q4 and codes with no rate:
 * not paid under OPPS.
 */
final class Pricer {
    private final FeeSchedule fees;
    // the built-in default's quote cache of this claim's variant and month, resolved once (not per code)
    private final io.oncoaudit.core.pricing.CmsDefaultSchedule cmsSchedule;
    private final int cmsCacheKey;
    private final Encounter encounter;
    private final boolean cms;
    private final boolean institutional;
    private Context context;
    private String lastWarning;
    private String[] cacheCodes = new String[8];
    private Quote[] cacheQuotes = new Quote[8];
    private int cacheSize;
    private Opps billedClaim;

    Pricer(FeeSchedule fees, Encounter encounter) {
        this.fees = fees;
        this.encounter = encounter;
        this.cms = fees.cmsDefault();
        this.institutional = cms && encounter.claimType() == ClaimType.INSTITUTIONAL;
        this.cmsSchedule = fees instanceof io.oncoaudit.core.pricing.CmsDefaultSchedule c ? c : null;
        this.cmsCacheKey = cmsSchedule == null ? -1 : cmsSchedule.cacheKey(encounter);
    }

    void warningsTo(Context c) { this.context = c; }

    /** The built-in CMS default prices this claim (lesser-of on professional claims, OPPS on institutional ones). */
    boolean cmsDefault() { return cms; }

    /** Institutional claim priced on OPPS. */
    boolean opps() { return institutional; }

    /** Lesser of charge and price applies (professional claim, built-in default). */
    boolean lesserOf() { return cms && !institutional; }

    FeeSchedule fees() { return fees; }

    /** Per-unit price, 0.00 when the schedule has none (with a warning). */
    BigDecimal perUnit(String code) {
        int i = slot(code); // before reading the array: slot() may grow (replace) it
        return price(i);
    }

    private BigDecimal price(int i) {
        Quote q = cacheQuotes[i];
        return q == null ? Money.ZERO : q.perUnit();
    }

    /** The quote of a code, or null when the schedule has no price. */
    Quote quote(String code) {
        if (code == null) return null;
        int i = slot(code); // before reading the array: slot() may grow (replace) it
        return cacheQuotes[i];
    }

    private String lastCode; // a code is often priced several times in a row (value, then amount)
    private int lastSlot;

    private int slot(String code) {
        if (code == lastCode && code != null) return lastSlot;
        for (int i = 0; i < cacheSize; i++) if (Codes.same(cacheCodes[i], code)) return remember(code, i);
        Quote q = cmsSchedule != null ? cmsSchedule.quote(encounter, code, cmsCacheKey) : fees.quote(encounter, code);
        if (q == null) {
            if (context != null) {
                context.warn("no fee-schedule price for " + code + " (payer " + encounter.payerId() + ", " + encounter.setting()
                        + ", " + encounter.dateOfService() + "): valued at 0.00");
            }
        } else if (q.warning() != null && context != null && q.warning() != lastWarning) {
            context.warn(q.warning()); // the codes of one claim share their tables' warning: passed on once
            lastWarning = q.warning();
        }
        if (cacheSize == cacheCodes.length) {
            int n = cacheSize * 2;
            cacheCodes = Arrays.copyOf(cacheCodes, n);
            cacheQuotes = Arrays.copyOf(cacheQuotes, n);
        }
        cacheCodes[cacheSize] = code;
        cacheQuotes[cacheSize] = q;
        return remember(code, cacheSize++);
    }

    private int remember(String code, int slot) {
        lastCode = code;
        lastSlot = slot;
        return slot;
    }

    /** price x units rounded HALF_EVEN to cents, as a long number of cents (exact, same result as {@link Money#lineAmount}). */
    long cents(String code, long units) {
        if (units == 0) return 0;
        int i = slot(code);
        Quote q = cacheQuotes[i];
        long nanos = q == null ? 0 : q.nanos(); // prices multiply in long arithmetic when they fit in nano-dollars
        if (nanos >= 0 && units > 0 && Math.multiplyHigh(nanos, units) == 0) {
            long x = nanos * units;
            if (x >= 0) return nanosToCents(x);
        }
        return Money.cents(Money.lineAmount(price(i), units));
    }

    private static long nanosToCents(long x) {
        long q = x / 10_000_000L, rem = x % 10_000_000L; // nano-dollars to cents, HALF_EVEN
        if (2 * rem > 10_000_000L || (2 * rem == 10_000_000L && (q & 1) == 1)) q++;
        return q;
    }

    /**
     * The value of a line of this code and units: price x units rounded to cents; on an OPPS claim, the line's payment
     * in the context of the billed claim (packaging by the billed claim's other lines).
     */
    BigDecimal amount(String code, long units) {
        if (units == 0) return Money.ZERO;
        if (!institutional) return BigDecimal.valueOf(cents(code, units), 2);
        return BigDecimal.valueOf(billedClaim().valueAlone(code, units), 2);
    }

    // ---------------------------------------------------------------- OPPS claims

    /** The billed claim as an OPPS claim (built once). */
    Opps billedClaim() {
        if (billedClaim == null) {
            List<ClaimLine> ls = encounter.lines();
            String[] c = new String[ls.size()];
            long[] u = new long[ls.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = ls.get(i).procedureCode();
                u[i] = ls.get(i).wholeUnits();
            }
            billedClaim = new Opps(c, u);
        }
        return billedClaim;
    }

    /** One claim's OPPS payment, line by line. */
    final class Opps {
        final String[] codes;
        final long[] units;
        final long[] cents;
        final String[] notes;
        private boolean stv, t;
        private int j1 = -1;

        Opps(String[] codes, long[] units) {
            this.codes = codes;
            this.units = units;
            this.cents = new long[codes.length];
            this.notes = new String[codes.length];
            price();
        }

        long total() {
            long s = 0;
            for (long c : cents) s = Math.addExact(s, c);
            return s;
        }

        int indexOf(String code) {
            for (int i = 0; i < codes.length; i++) if (Codes.same(codes[i], code) && units[i] > 0) return i;
            return -1;
        }

        private String si(int i) {
            Quote q = quote(codes[i]);
            return q == null || q.statusIndicator() == null ? "" : q.statusIndicator();
        }

        private BigDecimal rate(int i) { return perUnit(codes[i]); }

        private void price() {
            for (int i = 0; i < codes.length; i++) {
                if (units[i] <= 0) continue;
                String si = si(i);
                if (si.equals("S") || si.equals("V")) stv = true;
                if (si.equals("T")) stv = t = true;
                if (si.equals("J1") && (j1 < 0 || rate(i).compareTo(rate(j1)) > 0)) j1 = i;
            }
            // T lines: the highest per-unit rate at 100 % for one unit, every other T unit at 50 %
            int firstT = -1;
            for (int i = 0; i < codes.length; i++) {
                if (units[i] > 0 && si(i).equals("T") && (firstT < 0 || rate(i).compareTo(rate(firstT)) > 0)) firstT = i;
            }
            for (int i = 0; i < codes.length; i++) {
                if (units[i] <= 0) continue;
                String si = si(i), code = codes[i];
                Quote q = quote(code);
                if (q == null) {
                    notes[i] = code + " has no OPPS price";
                    continue;
                }
                if (j1 >= 0 && !(si.equals("F") || si.equals("G") || si.equals("H") || si.equals("L") || si.equals("U"))) {
                    if (i == j1) {
                        cents[i] = Money.cents(rate(i));
                        notes[i] = code + " (SI J1) is paid once through comprehensive APC " + q.apc() + ", packaging the claim's other services";
                    } else {
                        notes[i] = code + " is packaged into the comprehensive APC of " + codes[j1] + " (SI J1)";
                    }
                    continue;
                }
                switch (si) {
                    case "T" -> {
                        BigDecimal full = rate(i), half = full.multiply(new BigDecimal("0.5"));
                        BigDecimal v = i == firstT ? full.add(half.multiply(BigDecimal.valueOf(units[i] - 1))) : half.multiply(BigDecimal.valueOf(units[i]));
                        cents[i] = Money.cents(v);
                        if (i != firstT || units[i] > 1) notes[i] = code + " (SI T) takes the 50 % multiple-procedure reduction";
                    }
                    case "Q1" -> {
                        if (stv) notes[i] = code + " (SI Q1) is packaged: the claim has an S, T or V service (" + firstStv() + ")";
                        else cents[i] = cents(code, units[i]);
                    }
                    case "Q2" -> {
                        if (t) notes[i] = code + " (SI Q2) is packaged: the claim has a T procedure";
                        else cents[i] = cents(code, units[i]);
                    }
                    case "N" -> notes[i] = code + " (SI N) is packaged: never paid separately under OPPS";
                    case "B" -> notes[i] = code + " (SI B) is not payable under OPPS (an alternate code is, e.g. G0463 for a clinic visit)";
                    case "E1", "E2", "M", "C", "A", "Q4", "D", "" -> notes[i] = code + " (SI " + si + ") is not paid under OPPS";
                    default -> cents[i] = cents(code, units[i]);
                }
            }
        }

        private String firstStv() {
            for (int i = 0; i < codes.length; i++) {
                String si = si(i);
                if (units[i] > 0 && (si.equals("S") || si.equals("T") || si.equals("V"))) return codes[i];
            }
            return "";
        }

        /** The value of one more line of this code alone, in this claim's packaging context (for the comparisons' line values). */
        long valueAlone(String code, long n) {
            Quote q = quote(code);
            if (q == null) return 0;
            String si = q.statusIndicator() == null ? "" : q.statusIndicator();
            if (j1 >= 0 && !(si.equals("F") || si.equals("G") || si.equals("H") || si.equals("L") || si.equals("U") || si.equals("J1"))) return 0;
            return switch (si) {
                case "Q1" -> stv ? 0 : cents(code, n);
                case "Q2" -> t ? 0 : cents(code, n);
                case "N", "B", "E1", "E2", "M", "C", "A", "Q4", "D", "" -> 0;
                default -> cents(code, n);
            };
        }

        /** This claim with one correction: billed units of line i (or of the code) replaced by the expected code and units. */
        Opps corrected(int line, long billedUnits, String expectedCode, long expectedUnits) {
            String[] c = Arrays.copyOf(codes, codes.length + 1);
            long[] u = Arrays.copyOf(units, units.length + 1);
            int n = codes.length;
            if (line >= 0) u[line] = Math.max(0, u[line] - billedUnits);
            if (expectedCode != null && expectedUnits > 0) {
                if (line >= 0 && codes[line].equals(expectedCode)) u[line] += expectedUnits;
                else {
                    c[n] = expectedCode;
                    u[n] = expectedUnits;
                    n++;
                }
            }
            return new Opps(Arrays.copyOf(c, n), Arrays.copyOf(u, n));
        }
    }

    /** An OPPS claim of these lines. */
    Opps claim(String[] codes, long[] units) { return new Opps(codes, units); }
}
