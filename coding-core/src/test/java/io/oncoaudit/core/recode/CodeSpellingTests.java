package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Codes as customers type them: CPT/HCPCS codes, modifiers, drug codes and ICD-10-CM codes are
 * case-insensitive and surrounding blanks do not matter. The result uses the canonical (upper-case) spelling.
 */
class CodeSpellingTests extends RecoderTestSupport {

    @Test
    void lowerCaseCodesRecodeLikeTheContractExample() {
        RecodeResult upper = recode(Enc.medicare().bill("96372", 1).bill("J9395:JZ", 20).inject(Route.IM, "J9395", "500", "mg"));
        RecodeResult lower = recode(Enc.medicare().dx("c50.911").bill("96372", 1).bill("j9395:jz", 20)
                .inject(Route.IM, " j9395 ", "500", "mg"));
        assertEquals("96402x1 J9395x20[JZ]", lines(lower));
        Finding f = only(lower, FindingKind.DOWNCODED_TO_96372);
        assertEquals(Direction.UNDERPAYMENT, f.direction());
        assertEquals(new BigDecimal("21.02"), f.amount());
        assertEquals(upper.findings().size(), lower.findings().size());
        assertEquals(upper.billedAmount(), lower.billedAmount());
        assertEquals(upper.expectedAmount(), lower.expectedAmount());
        assertEquals(upper.warnings(), lower.warnings());
    }

    @Test
    void lowerCaseAdministrationCodesAreRecognised() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96415", 1).bill("j9045", 13)
                .iv("j9045", "650", "mg", "09:00", 90));
        Finding f = only(r, FindingKind.INFUSION_HOURS);
        assertEquals("96415", f.billedCode());
        assertEquals(Direction.OVERPAYMENT, f.direction());
        assertEquals(new BigDecimal("25.55"), f.amount());
        assertEquals("96413x1", adminCodes(r));
        assertEquals("96413x1 J9045x13", lines(r));
    }

    /** Canonical spelling changes the codes' spelling and nothing else: every optional column survives (claim type, type
     *  of bill, member, revenue code, pump owner, separate-site reason). */
    @Test
    void canonicalSpellingKeepsEveryOtherColumn() {
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2025, 3, 4, 9, 0);
        java.util.function.Function<Boolean, io.oncoaudit.core.model.Encounter> make = lower -> new io.oncoaudit.core.model.Encounter(
                "C-1", "P-1", java.time.LocalDate.of(2025, 3, 4), "1234567893", "1497758544", "Oncology Associates", "MEDICARE", "Medicare",
                "22", java.util.List.of(lower ? " c18.7" : "C18.7"),
                java.util.List.of(new io.oncoaudit.core.model.ClaimLine(1, lower ? "96416 " : "96416", java.util.List.of(lower ? "xs" : "XS"), BigDecimal.ONE,
                        "00069-0108-01", new BigDecimal("300.00"), null, null, java.util.List.of(), java.util.List.of(), "0335")),
                java.util.List.of(new io.oncoaudit.core.model.Administration("A1", lower ? "j9190" : "J9190", "fluorouracil", new BigDecimal("4320"),
                        io.oncoaudit.core.model.DoseUnit.MG, Route.IV, t, t.plusMinutes(20), true, null, null, "port",
                        io.oncoaudit.core.model.PumpOwner.PRACTICE, "protocol requires a separate IV site")),
                io.oncoaudit.core.model.ClaimType.INSTITUTIONAL, "0131", "M-1", "DOE, JANE", "PCN-1");
        assertEquals(make.apply(false), CodeSpelling.canonical(make.apply(true)));
    }

    /** A hospital outpatient claim typed in lower case is still priced as one (OPPS), not as a professional claim. */
    @Test
    void lowerCaseInstitutionalClaimStaysInstitutional() {
        io.oncoaudit.core.model.Encounter upper = Enc.medicare().pos("22").bill("96413", 1).bill("J9045", 13)
                .iv("J9045", "650", "mg", "09:00", 60).build();
        upper = new io.oncoaudit.core.model.Encounter(upper.claimId(), upper.patientId(), upper.dateOfService(), upper.billingNpi(), null, null,
                upper.payerId(), null, upper.placeOfService(), upper.diagnosisCodes(), upper.lines(), upper.administrations(),
                io.oncoaudit.core.model.ClaimType.INSTITUTIONAL, "0131", null, null, null);
        java.util.List<io.oncoaudit.core.model.ClaimLine> lower = new java.util.ArrayList<>();
        for (var l : upper.lines()) lower.add(new io.oncoaudit.core.model.ClaimLine(l.lineNumber(), l.procedureCode().toLowerCase(), l.modifiers(),
                l.units(), l.ndc(), l.chargeAmount(), null, null, java.util.List.of(), java.util.List.of(), l.revenueCode()));
        Recoder cms = new Recoder(io.oncoaudit.core.tables.ReferenceTables.builtIn(), io.oncoaudit.core.pricing.FeeSchedules.builtIn());
        RecodeResult a = cms.recode(upper), b = cms.recode(upper.withLines(lower));
        assertEquals(a, b);
    }
}
