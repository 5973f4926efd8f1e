package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Compact views of results, so assertions read like a coding sheet. */
abstract class RecoderTestSupport {
    static final Recoder RECODER = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);

    static RecodeResult recode(Enc e) {
        RecodeResult r = RECODER.recode(e.build());
        assertNull(r.error(), () -> "unexpected validation error: " + r.error());
        return r;
    }

    /** Administration codes only, e.g. "96413x1 96415x1 96368x1". */
    static String adminCodes(RecodeResult r) {
        return r.expectedLines().stream().filter(l -> l.procedureCode().startsWith("96") || l.procedureCode().equals("G0498"))
                .map(RecoderTestSupport::show).collect(Collectors.joining(" "));
    }

    /** All expected lines, e.g. "96402x1 J9395x20[JZ]". */
    static String lines(RecodeResult r) {
        return r.expectedLines().stream().filter(l -> !l.procedureCode().equals("36415"))
                .map(RecoderTestSupport::show).collect(Collectors.joining(" "));
    }

    static String show(ExpectedLine l) {
        return l.procedureCode() + "x" + l.units() + (l.modifiers().isEmpty() ? "" : l.modifiers().toString().replace(", ", "|"));
    }

    static List<FindingKind> kinds(RecodeResult r) {
        return r.findings().stream().map(Finding::kind).toList();
    }

    static Finding only(RecodeResult r, FindingKind kind) {
        List<Finding> f = r.findings().stream().filter(x -> x.kind() == kind).toList();
        if (f.size() != 1) fail("expected exactly one " + kind + " finding, got " + r.findings());
        return f.get(0);
    }

    static void noFindings(RecodeResult r) {
        assertEquals(List.of(), r.findings(), "findings");
    }
}
