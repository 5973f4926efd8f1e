package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Summary;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's view of the audit tasks: counts, row numbers and retry safety (contract section 7). */
class TaskReportTests {
    private static SourceRow line(String file, long block, long row) {
        return new SourceRow(Table.CLAIM_LINES, new String[Table.CLAIM_LINES.names().size()], null, file, block, row);
    }

    private static SourceRow admin(String file, long block, long row) {
        return new SourceRow(Table.ADMINISTRATIONS, new String[Table.ADMINISTRATIONS.names().size()], null, file, block, row);
    }

    /** Partition 0 saw rows 0-2 of split (a, 0) and row 7 of split (a, 100); partition 1 saw rows 3-4 of (a, 0). */
    private static List<TaskReport> twoTasks() {
        TaskReport p0 = new TaskReport(0);
        for (long r = 0; r < 3; r++) p0.countInput(line("a", 0, 10 + r));
        p0.countInput(line("a", 100, 507));
        p0.countInput(admin("x", 0, 40));
        p0.countEncounter(4, 1);
        p0.countFinding("MEDICARE", "1111111111", "DRUG_UNITS", "UNDERPAYMENT", new BigDecimal("10.25"));
        TaskReport p1 = new TaskReport(1);
        p1.countInput(line("a", 0, 13));
        p1.countInput(line("a", 0, 14));
        p1.countEncounter(1, 0);
        p1.countReject(Table.CLAIM_LINES);
        p1.countFinding("MEDICARE", "1111111111", "DRUG_UNITS", "UNDERPAYMENT", new BigDecimal("0.75"));
        return List.of(p0, p1);
    }

    @Test
    void countsEveryInputRowOnceAndReconciles() {
        TaskReport.Totals t = TaskReport.merge(twoTasks());
        assertEquals(6, t.inputRows(Table.CLAIM_LINES));
        assertEquals(1, t.inputRows(Table.ADMINISTRATIONS));
        Summary s = t.summary("run");
        assertEquals(2, s.encounters());
        assertEquals(5, s.linesAudited());
        assertEquals(1, s.rejectedRows());
        assertEquals(2, s.total().findings());
        assertEquals(new BigDecimal("11.00"), s.total().amount());
    }

    @Test
    void aTaskThatRanTwiceIsCountedOnce() {
        List<TaskReport> first = twoTasks();
        List<TaskReport> again = twoTasks(); // a retried or recomputed task reports the same partition again
        TaskReport.Totals t = TaskReport.merge(List.of(first.get(0), first.get(1), again.get(1), again.get(0)));
        assertEquals(6, t.inputRows(Table.CLAIM_LINES));
        assertEquals(2, t.summary("run").encounters());
        assertEquals(new BigDecimal("11.00"), t.summary("run").total().amount());
    }

    @Test
    void rowNumbersCountFromTheFirstRowOfEachSplitAcrossPartitions() {
        // split (a, 0) holds 5 rows with read ids 10-14 (rows 1-5 of file a); split (a, 100) starts at row 6
        List<TaskReport.RowBase> bases = TaskReport.merge(twoTasks()).rowBases();
        TaskReport.RowBase first = bases.stream().filter(b -> b.file().equals("a") && b.block() == 0).findFirst().orElseThrow();
        TaskReport.RowBase second = bases.stream().filter(b -> b.file().equals("a") && b.block() == 100).findFirst().orElseThrow();
        assertEquals(1, 10 + first.base());
        assertEquals(5, 14 + first.base());
        assertEquals(6, 507 + second.base());
        TaskReport.RowBase adm = bases.stream().filter(b -> b.source().equals("administrations")).findFirst().orElseThrow();
        assertEquals(1, 40 + adm.base());
    }

    @Test
    void countsThatDoNotReconcileFailTheRun() {
        TaskReport p = new TaskReport(0);
        p.countInput(line("a", 0, 0));
        p.countInput(line("a", 0, 1));
        p.countEncounter(1, 0); // one line audited, none rejected: one row unaccounted for
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TaskReport.merge(List.of(p)).summary("run"));
        assertTrue(e.getMessage().contains("reconciliation failed"), e.getMessage());
    }
}
