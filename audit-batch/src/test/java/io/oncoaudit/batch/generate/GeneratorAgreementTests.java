package io.oncoaudit.batch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generator bills by NOTES' coding facts, written independently of the recoder; here the recoder
 * checks it without Spark: clean encounters give no finding, and each injected error gives exactly its kind.
 */
class GeneratorAgreementTests {
    static Encounter encounter(Visit v) {
        List<ClaimLine> lines = new ArrayList<>();
        int n = 0;
        for (Visit.Line l : v.lines) {
            lines.add(new ClaimLine(++n, l.code, l.modifiers, BigDecimal.valueOf(l.units), l.ndc, new BigDecimal("100.00"),
                    null, null, List.of(), List.of(), v.revenueCode(l.code)));
        }
        List<Administration> admins = new ArrayList<>();
        for (Visit.Admin a : v.administrations) {
            admins.add(new Administration(a.id(), a.drugCode(), a.drugName(), a.dose(), DoseUnit.parse("dose_unit", a.doseUnit()),
                    Route.parse("route", a.route()), a.start(), a.end(), a.pump(), a.wasted(), null, a.accessSite(), null, a.separateSiteReason()));
        }
        return new Encounter(v.claimId, v.patientId, v.dateOfService, v.provider.npi(), v.provider.renderingNpi(),
                v.provider.name(), v.payer.id(), v.payer.name(), v.placeOfService, v.diagnoses, lines, admins, v.claimType, v.billType,
                null, null, null);
    }

    @Test
    void recoderFindsExactlyTheInjectedKinds() {
        ReferenceTables tables = ReferenceTables.builtIn();
        Recoder recoder = new Recoder(tables, FeeSchedules.builtIn());
        Random r = new Random(7);
        VisitFactory factory = new VisitFactory(tables, new Catalog(r, 20));
        Map<FindingKind, Integer> injected = new EnumMap<>(FindingKind.class);
        List<String> disagreements = new ArrayList<>();
        Set<String> cleanRegimens = new TreeSet<>();
        for (int i = 0; i < 3000; i++) {
            Visit v = factory.next(r, "C" + i, 0.5);
            RecodeResult res = recoder.recode(encounter(v));
            if (res.isError()) {
                disagreements.add(v.claimId + " " + v.regimen + ": rejected " + res.error());
                continue;
            }
            Set<FindingKind> found = EnumSet.noneOf(FindingKind.class);
            for (Finding f : res.findings()) found.add(f.kind());
            v.injected.forEach(k -> injected.merge(k, 1, Integer::sum));
            if (v.injected.isEmpty()) cleanRegimens.add(v.regimen);
            if (!found.equals(v.injected) && disagreements.size() < 15) {
                StringBuilder b = new StringBuilder(v.claimId + " " + v.regimen + " " + v.payer.id() + " injected " + v.injected
                        + " found " + found + "; billed");
                for (Visit.Line l : v.lines) b.append(' ').append(l.code).append('x').append(l.units).append(l.modifiers);
                b.append("; expected ").append(res.expectedLines());
                for (Finding f : res.findings()) b.append("\n    ").append(f.kind()).append(": ").append(f.explanation());
                disagreements.add(b.toString());
            }
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
        assertEquals(VisitFactory.INJECTABLE.keySet(), injected.keySet(), "every contract kind injected");
        assertEquals(VisitFactory.REGIMENS.keySet(), cleanRegimens, "every regimen generated clean");
    }
}
