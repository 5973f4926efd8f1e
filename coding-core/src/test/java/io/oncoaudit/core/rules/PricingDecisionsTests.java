package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.rules.pricing.FeeSchedulePricing;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OA-PRICE-001: the totals decision on a plan run up to the pricing step. */
class PricingDecisionsTests {
    private static final Recoder CMS = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());

    private static Encounter claim(ClaimType type, String billType, String pos, String... codeUnitsCharge) {
        List<ClaimLine> lines = new ArrayList<>();
        for (String s : codeUnitsCharge) {
            String[] p = s.split(" ");
            lines.add(new ClaimLine(lines.size() + 1, p[0], List.of(), new BigDecimal(p[1]), null, new BigDecimal(p[2]), null, null, List.of(), List.of()));
        }
        return new Encounter("C-1", "P-1", LocalDate.of(2025, 11, 10), "1234567893", null, "Oncology", "MEDICARE", null, pos, List.of("C34.90"),
                lines, List.of(), type, billType, null, null, null);
    }

    private static CodingPlan beforePricing(Encounter e) {
        CodingPlan p = CMS.plan(e);
        for (Step s : e.claimsOnly() ? RuleCatalog.CLAIMS_ONLY_MODE : RuleCatalog.FULL_MODE) {
            if (s.name().startsWith("pricing")) return p;
            s.run(p);
        }
        throw new AssertionError("no pricing step");
    }

    @Test
    void totalsAreAlwaysDecidedAndAreWhatTheRecoderReports() {
        Encounter e = claim(ClaimType.PROFESSIONAL, null, "11", "96413 1 400.00", "J9271 200 20000.00");
        CodingPlan p = beforePricing(e);
        assertTrue(FeeSchedulePricing.TOTALS.appliesTo(p));
        assertEquals(0, p.billedCents());
        FeeSchedulePricing.TOTALS.apply(p);
        RecodeResult r = CMS.recode(e);
        assertEquals(r.billedAmount(), BigDecimal.valueOf(p.billedCents(), 2));
        assertEquals(r.expectedAmount(), BigDecimal.valueOf(p.expectedCents(), 2));
        assertTrue(p.billedCents() > 0);
    }

    @Test
    void professionalLinesAtTheLesserOfChargeAndPrice() {
        CodingPlan cheap = beforePricing(claim(ClaimType.PROFESSIONAL, null, "11", "96413 1 1.00"));
        FeeSchedulePricing.TOTALS.apply(cheap);
        assertEquals(100, cheap.billedCents(), "a charge of $1.00 caps the PFS price");
        CodingPlan dear = beforePricing(claim(ClaimType.PROFESSIONAL, null, "11", "96413 1 9999.00"));
        FeeSchedulePricing.TOTALS.apply(dear);
        assertEquals(dear.cents("96413", 1), dear.billedCents(), "the PFS price below the charge");
        assertTrue(dear.billedCents() < 999900);
    }

    @Test
    void institutionalClaimIsTheOppsPaymentOfTheClaim() {
        CodingPlan h = beforePricing(claim(ClaimType.INSTITUTIONAL, "131", "22", "96413 1 1.00"));
        FeeSchedulePricing.TOTALS.apply(h);
        assertEquals(h.oppsBilledCents(), h.billedCents());
        assertTrue(h.billedCents() > 100, "no lesser-of on an OPPS claim");
    }
}
