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
}
