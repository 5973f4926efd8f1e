package io.oncoaudit.batch.x12;

import java.nio.file.Path;

/** Where the shipped X12 samples are, and 835 envelopes for hand-written tests. */
final class X12Samples {
    private X12Samples() { }

    /** The shipped samples (copies of shared/reference/x12, BSD licences beside them) on the test classpath. */
    static Path dir() {
        try {
            return Path.of(X12Samples.class.getResource("/x12/README.md").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One 835 interchange around {@code body} (the claims of one transaction), with correct ST/SE count and
     * control numbers. Segments are separated by '~'.
     */
    static String envelope835(String body) {
        return envelope835(body, "PAYERONE", "MEDICARE");
    }

    static String envelope835(String body, String payerName, String payerId) {
        String[] segs = body.split("~");
        StringBuilder t = new StringBuilder();
        t.append("ST*835*0001*005010X221A1~");
        t.append("BPR*I*0*C*NON************20260401~");
        t.append("TRN*1*12345*1512345678~");
        t.append("DTM*405*20260401~");
        t.append("N1*PR*").append(payerName).append("~");
        t.append("REF*2U*").append(payerId).append("~");
        t.append("N1*PE*OAK ONCOLOGY*XX*1234567893~");
        t.append("LX*1~");
        int count = 8;
        for (String s : segs) {
            if (s.isBlank()) continue;
            t.append(s.strip()).append('~');
            count++;
        }
        count++; // SE
        t.append("SE*").append(count).append("*0001~");
        return "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *260401*1200*^*00501*000000101*0*P*:~"
                + "GS*HP*PAYER*PROVIDER*20260401*1200*101*X*005010X221A1~" + t + "GE*1*101~IEA*1*000000101~";
    }
}
