package io.oncoaudit.batch.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 835 reader on the shipped samples (shared/reference/x12) and on broken envelopes. */
class Remit835ReaderTests {
    static final Path SAMPLES = X12Samples.dir();

    @TempDir
    Path tmp;

    record Read(List<Remit> remits, List<RemitRecord.Reject> rejects) { }

    static Read read(Path f) {
        List<Remit> remits = new ArrayList<>();
        List<RemitRecord.Reject> rejects = new ArrayList<>();
        for (Iterator<RemitRecord> it = Remit835Files.read(f); it.hasNext(); ) {
            RemitRecord r = it.next();
            if (r.remit() != null) remits.add(r.remit());
            else rejects.add(r.reject());
        }
        return new Read(remits, rejects);
    }

    @Test
    void readsTheShippedPyx12RemittanceClaimLinesAdjustmentsAndRemarks() {
        Read r = read(SAMPLES.resolve("835-pyx12-mult-loops.txt"));
        assertEquals(List.of(), r.rejects());
        assertEquals(1, r.remits().size());
        Remit c = r.remits().get(0);
        assertEquals("2005555A", c.claimId());
        assertEquals("4", c.status());
        assertEquals("DENIED", Remit.statusName(c.status()));
        assertEquals(new BigDecimal("915.39"), c.charge());
        assertEquals(new BigDecimal("0.00"), c.paid());
        assertEquals("4276512332", c.payerClaimNumber());
        assertEquals("PAYER", c.payerName());
        assertEquals(3, c.lines().size());
        Remit.Line l1 = c.lines().get(0);
        assertEquals("HC", l1.qualifier());
        assertEquals("T1005", l1.code());
        assertEquals(List.of(), l1.modifiers());
        assertEquals(new BigDecimal("500.04"), l1.charge());
        assertEquals(new BigDecimal("0.00"), l1.paid());
        assertEquals(new BigDecimal("68"), l1.units());
        assertEquals(LocalDate.of(2003, 11, 29), l1.date());
        assertEquals(List.of(new Remit.Adjustment("CO", "16", new BigDecimal("500.04"))), l1.adjustments());
        assertEquals(List.of("N14"), l1.remarks());
        assertNull(l1.allowed());
        Remit.Line l2 = c.lines().get(1);
        assertEquals(List.of(new Remit.Adjustment("OA", "A7", new BigDecimal("127.80"))), l2.adjustments());
        assertEquals(LocalDate.of(2003, 10, 30), l2.date());
        assertEquals(new BigDecimal("287.55"), c.lines().get(2).charge());
    }

    @Test
    void aSegmentWithoutIdentifierIsARejectWithItsPositionNotACrash() {
        Read r = read(SAMPLES.resolve("837P-imsweb-bad-segment.txt"));
        assertEquals(List.of(), r.remits());
        assertFalse(r.rejects().isEmpty());
        RemitRecord.Reject last = r.rejects().get(r.rejects().size() - 1);
        assertEquals(6, last.position(), last.toString()); // NM1 is segment 5; the broken one follows it
        assertTrue(last.reason().contains("unreadable segment after NM1 at position 5"), last.reason());
    }

    @Test
    void aClaimTransactionIsNotReadAsARemittance() {
        Read r = read(SAMPLES.resolve("837P-imsweb-valid.txt"));
        assertEquals(List.of(), r.remits());
        // the imsweb sample's SE says 25 segments where the transaction has 34: a real count mismatch, also a reject
        assertEquals(2, r.rejects().size(), r.rejects().toString());
        assertEquals(3, r.rejects().get(0).position());
        assertEquals("SE", r.rejects().get(1).tag());
        assertEquals(36, r.rejects().get(1).position());
        assertTrue(r.rejects().get(1).reason().contains("control count does not match actual count"), r.rejects().toString());
        assertTrue(r.rejects().get(0).reason().startsWith("transaction set 837 is not an 835"), r.rejects().toString());
    }

    @Test
    void controlNumberAndCountMismatchesAreRejectsAtTheirTrailer() throws IOException {
        String ok = Files.readString(SAMPLES.resolve("835-pyx12-mult-loops.txt"), StandardCharsets.UTF_8);
        String bad = ok.replace("SE*31*0001~", "SE*30*0002~").replace("IEA*1*000238388~", "IEA*1*000238389~");
        Path f = Files.writeString(tmp.resolve("bad-envelope.835"), bad);
        Read r = read(f);
        assertEquals(1, r.remits().size()); // the claim itself is intact
        List<String> where = new ArrayList<>();
        for (RemitRecord.Reject x : r.rejects()) where.add(x.tag() + "@" + x.position());
        assertTrue(where.contains("SE@33") && where.contains("IEA@35") && r.rejects().size() == 3, where + " " + r.rejects());
    }

    @Test
    void anAmountThatIsNotANumberRejectsItsClaimNamingTheElement() throws IOException {
        String ok = Files.readString(SAMPLES.resolve("835-pyx12-mult-loops.txt"), StandardCharsets.UTF_8);
        Path f = Files.writeString(tmp.resolve("bad-amount.835"), ok.replace("SVC*HC:T1005*127.8*0**16~", "SVC*HC:T1005*12x.8*0**16~"));
        Read r = read(f);
        assertEquals(List.of(), r.remits());
        assertEquals(1, r.rejects().size());
        RemitRecord.Reject x = r.rejects().get(0);
        assertEquals("2005555A", x.claimId());
        assertEquals(23, x.position());
        assertTrue(x.reason().startsWith("SVC02 charge '12x.8' is not a number"), x.reason());
    }

    @Test
    void aFileThatIsNotX12IsAnErrorNamingIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("remits"));
        Files.copy(SAMPLES.resolve("835-pyx12-mult-loops.txt"), dir.resolve("a.835"));
        Files.writeString(dir.resolve("notes.txt"), "claim_id,paid\nC-1,10\n");
        InputException e = assertThrows(InputException.class, () -> RemitFiles.of("remits", dir));
        assertTrue(e.getMessage().contains("notes.txt") && !e.getMessage().contains("a.835"), e.getMessage());
        assertTrue(X12Reader.isX12(dir.resolve("a.835")));
    }

    @Test
    void auditWithARemitsFileThatIsNotX12ExitsTwoNamingItBeforeSparkStarts() throws IOException {
        Path claims = Files.writeString(tmp.resolve("claim_lines.csv"), io.oncoaudit.batch.Extracts.LINES_HEADER + "\n");
        Path notX12 = Files.writeString(tmp.resolve("remit.csv"), "claim_id,paid\nC-1,10\n");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = io.oncoaudit.batch.BatchCli.run(new String[] {"audit", "--claims", claims.toString(), "--out",
                tmp.resolve("run").toString(), "--remits", notX12.toString()}, new java.io.PrintStream(
                new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, rc);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("not an X12 file") && msg.contains("remit.csv"), msg);
    }

    @Test
    void segmentsKeepCompositesAndEmptyElements() {
        List<X12Reader.Segment> segs = new ArrayList<>();
        String x = Files.exists(SAMPLES) ? "" : "";
        X12Reader.read(new ByteArrayInputStream(sample835().getBytes(StandardCharsets.UTF_8)), new X12Reader.Handler() {
            @Override
            public void segment(X12Reader.Segment s) { segs.add(s); }

            @Override
            public void problem(int position, String tag, String reason, boolean fatal) {
                throw new AssertionError(position + " " + reason);
            }
        });
        X12Reader.Segment svc = segs.stream().filter(s -> s.tag().equals("SVC")).findFirst().orElseThrow();
        assertEquals("HC", svc.comp(1, 1));
        assertEquals("96413", svc.comp(1, 2));
        assertEquals("59", svc.comp(1, 3));
        assertEquals("", svc.el(4) + x);
        assertEquals("1", svc.el(5));
    }

    static String sample835() {
        return X12Samples.envelope835("CLP*C-9*1*100*80*0**MC*ICN9~SVC*HC:96413:59*100*80**1~DTM*472*20260302~");
    }
}
