package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Codes;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.rules.mode.ClaimsOnlyMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The recoder's steps that are machinery rather than decisions of a rule: the assembly of the expected lines.
 * RuleCatalog orders them with the rules' decisions. (Must not touch RuleCatalog while initialising: RuleCatalog's mode lists refer to these.)
 */
public final class RecodeSteps {
    private RecodeSteps() { }

    /** Full mode: the administration codes, the drug lines, and the other billed lines as billed. */
    public static final Step EXPECTED_LINES = Step.of("expected lines: administration codes, drug lines, other billed lines as billed", List.of(),
            p -> {
                p.expected.addAll(p.administrationCodes());
                for (DrugExpectation x : p.drugs()) if (!x.stopped) p.expected.addAll(x.lines);
                passThrough(p);
            });

    /** Claims-only: the re-coded administration codes (SC/IM, IV unless every drug is SC/IM-only, the others) are the expected ones. */
    public static final Step CLAIMS_ONLY_CODES = Step.of("the re-coded administration codes: SC/IM, IV (unless every billed drug is SC/IM-only), the others",
            List.of(), p -> {
                List<Coded> codes = p.claimsOnly().codes();
                p.administrationCodes(codes);
                p.expected.addAll(codes);
            });

    /** Claims-only: every billed line that is not an administration code is expected as billed. */
    public static final Step CLAIMS_ONLY_PASS_THROUGH = Step.of("other billed lines expected as billed", List.of(ClaimsOnlyMode.RULE), p -> {
        List<ClaimLine> lines = p.encounter().lines();
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            if (p.tables().adminCodes().isAdministrationCode(l.procedureCode())) continue;
            p.expected.add(new Coded(l.procedureCode(), l.wholeUnits(), l.modifiers(), null, null));
        }
    });

    public static final Step AGGREGATE = Step.of("expected lines merged by code and modifiers", List.of(), p -> p.lines = aggregate(p.expected));

    /** Lines that are neither administration codes nor drugs of the record (E/M, unknown codes) are expected as billed. */
    private static void passThrough(CodingPlan p) {
        List<ClaimLine> lines = p.encounter().lines();
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            String c = l.procedureCode();
            if (p.tables().adminCodes().isAdministrationCode(c)) continue;
            // known drug: expected only from the record (undocumented ones are findings), unless its dose could not be converted
            if (p.drug(c) != null && !p.isUncheckedDrug(c)) continue;
            p.expected.add(new Coded(c, l.wholeUnits(), l.modifiers(), null, null));
        }
    }

    /** Same code and modifiers on one expected line (96415 x1 + x2 = 96415 x3), in first-seen order. */
    private static List<ExpectedLine> aggregate(List<Coded> coded) {
        List<ExpectedLine> out = new ArrayList<>(coded.size());
        outer:
        for (int i = 0, n = coded.size(); i < n; i++) {
            Coded c = coded.get(i);
            if (c.units <= 0) continue;
            for (int j = 0, m = out.size(); j < m; j++) {
                ExpectedLine x = out.get(j);
                if (Codes.same(x.procedureCode(), c.code) && x.modifiers().equals(c.modifiers)) {
                    out.set(j, new ExpectedLine(x.procedureCode(), x.units() + c.units, x.modifiers()));
                    continue outer;
                }
            }
            out.add(new ExpectedLine(c.code, c.units, c.modifiers));
        }
        return out;
    }
}
