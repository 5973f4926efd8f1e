package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.InvalidFieldException;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invalid input is rejected with the field named, never a crash. */
class EncounterValidatorTests {
    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 2, 9, 0);

    private static RecodeResult recodeWith(Consumer<Enc> setup) {
        Enc e = Enc.medicare().bill("96413", 1);
        setup.accept(e);
        return RecoderTestSupport.RECODER.recode(e.build());
    }

    private static Administration adm(String dose, Route route, LocalDateTime start, LocalDateTime end) {
        return new Administration("A1", "J9045", null, new BigDecimal(dose), DoseUnit.MG, route, start, end, false, null, null, null);
    }

    @Test
    void negativeDose() {
        RecodeResult r = recodeWith(e -> e.add(adm("-5", Route.IV, T, T.plusMinutes(30))));
        assertEquals("administrations[0].dose", r.error().field());
        assertTrue(r.error().message().contains("greater than 0"));
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void zeroDose() {
        assertEquals("administrations[0].dose", recodeWith(e -> e.add(adm("0", Route.IV, T, T.plusMinutes(30)))).error().field());
    }

    @Test
    void endBeforeStart() {
        RecodeResult r = recodeWith(e -> e.add(adm("650", Route.IV, T, T.minusMinutes(1))));
        assertEquals("administrations[0].endTime", r.error().field());
        assertTrue(r.error().message().contains("before startTime"));
    }

    @Test
    void ivWithoutTimes() {
        assertEquals("administrations[0].startTime", recodeWith(e -> e.add(adm("650", Route.IV, null, null))).error().field());
        assertEquals("administrations[0].endTime", recodeWith(e -> e.add(adm("650", Route.INTRA_ARTERIAL, T, null))).error().field());
    }

    @Test
    void scWithoutTimesIsFine() {
        assertEquals(null, recodeWith(e -> e.add(adm("650", Route.SC, null, null))).error());
    }

    @Test
    void unknownRouteNamesTheField() {
        InvalidFieldException x = assertThrows(InvalidFieldException.class, () -> Route.parse("administrations[2].route", "NASAL"));
        assertEquals("administrations[2].route", x.field());
        assertTrue(x.reason().contains("NASAL"));
    }

    @Test
    void missingProcedureCode() {
        RecodeResult r = recodeWith(e -> e.lines.add(new io.oncoaudit.core.model.ClaimLine(2, null, null, BigDecimal.ONE, null, BigDecimal.TEN,
                null, null, null, null)));
        assertEquals("lines[1].procedureCode", r.error().field());
    }

    @Test
    void duplicateLineNumber() {
        RecodeResult r = recodeWith(e -> e.lines.add(new io.oncoaudit.core.model.ClaimLine(1, "J9045", null, BigDecimal.ONE, null, BigDecimal.TEN,
                null, null, null, null)));
        assertEquals("lines[1].lineNumber", r.error().field());
    }

    @Test
    void negativeUnits() {
        RecodeResult r = recodeWith(e -> e.lines.add(new io.oncoaudit.core.model.ClaimLine(2, "J9045", null, new BigDecimal("-1"), null, BigDecimal.TEN,
                null, null, null, null)));
        assertEquals("lines[1].units", r.error().field());
    }

    @Test
    void missingClaimLevelFields() {
        var base = Enc.medicare().bill("96413", 1).build();
        var noDx = new io.oncoaudit.core.model.Encounter(base.claimId(), base.patientId(), base.dateOfService(), base.billingNpi(), null, null,
                base.payerId(), null, base.placeOfService(), java.util.List.of(), base.lines(), base.administrations());
        assertEquals("diagnosisCodes", RecoderTestSupport.RECODER.recode(noDx).error().field());
        var badNpi = new io.oncoaudit.core.model.Encounter(base.claimId(), base.patientId(), base.dateOfService(), "12345", null, null,
                base.payerId(), null, base.placeOfService(), base.diagnosisCodes(), base.lines(), base.administrations());
        assertEquals("billingNpi", RecoderTestSupport.RECODER.recode(badNpi).error().field());
        var noDos = new io.oncoaudit.core.model.Encounter(base.claimId(), base.patientId(), null, base.billingNpi(), null, null,
                base.payerId(), null, base.placeOfService(), base.diagnosisCodes(), base.lines(), base.administrations());
        assertEquals("dateOfService", RecoderTestSupport.RECODER.recode(noDos).error().field());
        RecodeResult rejected = RecoderTestSupport.RECODER.recode(noDos);
        assertEquals("C-1", rejected.claimId());
    }

    @Test
    void dottedAndUndottedDiagnosesAreBothAccepted() {
        var r1 = RecoderTestSupport.recode(Enc.medicare().dx("C50.911").bill("96372", 1).bill("J9395:JZ", 20).inject(Route.IM, "J9395", "500", "mg"));
        var r2 = RecoderTestSupport.recode(Enc.medicare().dx("C50911").bill("96372", 1).bill("J9395:JZ", 20).inject(Route.IM, "J9395", "500", "mg"));
        assertEquals(r1.expectedLines(), r2.expectedLines());
        assertEquals(r1.findings(), r2.findings());
    }
}
