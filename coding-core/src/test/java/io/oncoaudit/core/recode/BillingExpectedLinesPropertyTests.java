package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: for any documented encounter, billing exactly the lines the recoder expects yields no
 * findings and the same expected lines (the recoder agrees with itself). Thousands of random
 * encounters over every route, family, payer policy, timing, waste and access-site combination.
 */
class BillingExpectedLinesPropertyTests {
    private static final String[] IV_CHEMO = {"J9045", "J9060", "J9267", "J9263", "J9271", "J9299", "J9228", "J9305", "J9312", "J9000", "J9370", "J9190", "J9035", "J9011"};
    private static final String[] IV_SUPPORT = {"J0640", "J2405", "J1100", "J1200", "J3489", "J1453", "J0129"};
    private static final String[] SC_IM = {"J9395", "J9217", "J1950", "J9041", "J2506", "J3420", "J0897", "J9155", "J9202", "J9316", "J9144", "J1071", "J9998"};
    private static final String[] PAYERS = {"MEDICARE", "CIGNA", "UHC", "MEDICAID", "HUMANA", "AETNA"};
    private static final String[] DX = {"C50.911", "C18.7", "C61", "C90.00", "M05.79", "N80.00", "D25.9", "D51.0", "C83.30"};

    @Test
    void billingTheExpectedLinesYieldsNoFindings() {
        Random rnd = new Random(20261125L);
        int checked = 0, withFindingsFirst = 0;
        java.util.Map<io.oncoaudit.core.model.FindingKind, Integer> kinds = new java.util.EnumMap<>(io.oncoaudit.core.model.FindingKind.class);
        for (int i = 0; i < 5000; i++) {
            Encounter e = randomEncounter(rnd, i);
            RecodeResult first = RecoderTestSupport.RECODER.recode(e);
            assertNull(first.error(), () -> "generator made an invalid encounter: " + first.error());
            if (!first.findings().isEmpty()) withFindingsFirst++;
            for (var f : first.findings()) kinds.merge(f.kind(), 1, Integer::sum);
            Encounter billedRight = billExactly(e, first.expectedLines());
            RecodeResult second = RecoderTestSupport.RECODER.recode(billedRight);
            assertNull(second.error());
            final int n = i;
            assertEquals(List.of(), second.findings(), () -> "encounter " + n + " billed as expected still has findings.\nadministrations: "
                    + e.administrations() + "\nexpected: " + first.expectedLines());
            assertEquals(first.expectedLines(), second.expectedLines(), () -> "encounter " + n + " expected lines changed");
            assertEquals(second.expectedAmount(), second.billedAmount(), "billed exactly as expected: no net impact");
            checked++;
        }
        assertEquals(5000, checked);
        // the new families fire in the first pass (and so are covered by the property)
        for (var k : List.of(io.oncoaudit.core.model.FindingKind.EM_WITH_ADMINISTRATION, io.oncoaudit.core.model.FindingKind.MISSING_DISTINCT_MODIFIER,
                io.oncoaudit.core.model.FindingKind.NCCI_PTP_EDIT)) {
            assertTrue(kinds.getOrDefault(k, 0) > 20, k + " in the first pass: " + kinds);
        }
        assertTrue(withFindingsFirst > 4000, "the unbilled first pass must find missing services in most encounters: " + withFindingsFirst);
    }

    static Encounter billExactly(Encounter e, List<ExpectedLine> expected) {
        List<ClaimLine> lines = new ArrayList<>();
        for (ExpectedLine x : expected) {
            lines.add(new ClaimLine(lines.size() + 1, x.procedureCode(), x.modifiers(), BigDecimal.valueOf(x.units()), null,
                    new BigDecimal("10.00"), null, null, List.of(), List.of()));
        }
        return new Encounter(e.claimId(), e.patientId(), e.dateOfService(), e.billingNpi(), null, null, e.payerId(), null,
                e.placeOfService(), e.diagnosisCodes(), lines, e.administrations());
    }

    static Encounter randomEncounter(Random rnd, int i) {
        LocalDate dos = LocalDate.of(2024 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        List<Administration> admins = new ArrayList<>();
        List<String> procedures = new ArrayList<>(1);
        int n = 1 + rnd.nextInt(5);
        LocalDateTime clock = dos.atTime(8, 0).plusMinutes(rnd.nextInt(120));
        String[] sites = {null, null, null, "port", "left arm"};
        for (int k = 0; k < n; k++) {
            int kind = rnd.nextInt(10);
            String id = "A" + (k + 1);
            if (kind < 5) {
                String drug = rnd.nextBoolean() ? pick(rnd, IV_CHEMO) : pick(rnd, IV_SUPPORT);
                int minutes = pickMinutes(rnd);
                boolean pump = drug.equals("J9190") && rnd.nextInt(3) == 0;
                if (pump) minutes = rnd.nextBoolean() ? 2760 : 10 + rnd.nextInt(30); // the record's times may be the hook-up visit
                LocalDateTime start = rnd.nextInt(3) == 0 ? clock.minusMinutes(rnd.nextInt(60)) : clock;
                BigDecimal waste = rnd.nextInt(4) == 0 ? BigDecimal.valueOf(rnd.nextInt(50)) : null;
                io.oncoaudit.core.model.PumpOwner[] owners = {null, io.oncoaudit.core.model.PumpOwner.PRACTICE, io.oncoaudit.core.model.PumpOwner.OTHER};
                String site = sites[rnd.nextInt(sites.length)];
                admins.add(new Administration(id, drug, null, BigDecimal.valueOf(1 + rnd.nextInt(900)), DoseUnit.MG, Route.IV,
                        start, start.plusMinutes(minutes), pump, waste, null, site, owners[rnd.nextInt(owners.length)],
                        site != null && rnd.nextInt(3) == 0 ? "protocol requires a separate IV site" : null));
                clock = start.plusMinutes(rnd.nextBoolean() ? minutes : minutes / 2);
            } else if (kind < 6) {
                int minutes = 10 + rnd.nextInt(200);
                admins.add(new Administration(id, "J7030", null, new BigDecimal("1000"), DoseUnit.ML, Route.IV, clock, clock.plusMinutes(minutes),
                        false, null, null, null));
                clock = clock.plusMinutes(minutes);
            } else if (kind < 9) {
                String drug = pick(rnd, SC_IM);
                Route route = rnd.nextBoolean() ? Route.SC : Route.IM;
                BigDecimal waste = rnd.nextInt(4) == 0 ? new BigDecimal("0.5") : null;
                admins.add(new Administration(id, drug, null, new BigDecimal(1 + rnd.nextInt(600) + "." + rnd.nextInt(10)), DoseUnit.MG, route,
                        null, null, false, waste, null, null));
            } else {
                Route[] routes = {Route.INTRATHECAL, Route.INTRALESIONAL, Route.INTRAPLEURAL, Route.INTRAPERITONEAL, Route.INTRA_ARTERIAL, Route.ORAL,
                        Route.INTRAVESICAL, Route.IMPLANT};
                Route route = routes[rnd.nextInt(routes.length)];
                String drug = route == Route.ORAL ? "J8530" : route == Route.INTRAVESICAL ? pick(rnd, new String[] {"J9030", "J9280", "J9201"})
                        : route == Route.IMPLANT ? pick(rnd, new String[] {"J9226", "J9202"})
                        : route == Route.INTRALESIONAL && rnd.nextBoolean() ? "J3301" : pick(rnd, IV_CHEMO);
                if (route == Route.INTRAPLEURAL && rnd.nextBoolean()) procedures.add(rnd.nextBoolean() ? "32554" : "32555");
                if (route == Route.INTRATHECAL && rnd.nextBoolean()) procedures.add(rnd.nextBoolean() ? "62270" : "62272");
                LocalDateTime s = route == Route.INTRA_ARTERIAL ? clock : null;
                admins.add(new Administration(id, drug, null, BigDecimal.valueOf(1 + rnd.nextInt(100)), DoseUnit.MG, route,
                        s, s == null ? null : s.plusMinutes(pickMinutes(rnd)), false, null, route == Route.INTRALESIONAL ? 1 + rnd.nextInt(12) : null, null));
            }
        }
        List<ClaimLine> visit = new ArrayList<>();
        String[] em = {"99211", "99212", "99213", "99214", "99215", "99213:25", "99211:25"};
        String v = pick(rnd, em);
        visit.add(new ClaimLine(1, v.substring(0, 5), v.length() > 5 ? List.of("25") : List.of(), BigDecimal.ONE, null, new BigDecimal("120.00"), null, null, List.of(), List.of()));
        for (String p : procedures) visit.add(new ClaimLine(visit.size() + 1, p, List.of(), BigDecimal.ONE, null, new BigDecimal("90.00"), null, null, List.of(), List.of()));
        String pos = rnd.nextInt(4) == 0 ? "22" : "11";
        return new Encounter("P-" + i, "PAT-" + i, dos, "1234567893", null, null, pick(rnd, PAYERS), null, pos,
                List.of(pick(rnd, DX)), visit, admins);
    }

    private static int pickMinutes(Random rnd) {
        int[] edges = {5, 15, 16, 30, 31, 60, 89, 90, 91, 120, 150, 151, 180, 240, 245, 300};
        return rnd.nextBoolean() ? edges[rnd.nextInt(edges.length)] : 1 + rnd.nextInt(400);
    }

    private static String pick(Random rnd, String[] a) { return a[rnd.nextInt(a.length)]; }
}
