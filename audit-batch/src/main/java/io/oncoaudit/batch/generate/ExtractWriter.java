package io.oncoaudit.batch.generate;

import io.oncoaudit.batch.input.Table;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Streams generated encounters to CSV (contract section 1): DIR/claim_lines/part-NNNNN.csv,
 * DIR/administrations/part-NNNNN.csv (a new part every {@code encountersPerPart}, so Spark reads them in
 * parallel) and DIR/truth.csv (per claim: regimen and injected finding kinds). Nothing is held in memory
 * beyond the current encounter.
 */
final class ExtractWriter implements Closeable {
    static final String TRUTH_HEADER = "claim_id,regimen,injected_kinds";

    private final Path dir;
    private final long encountersPerPart;
    private final BufferedWriter truth;
    private BufferedWriter lines;
    private BufferedWriter admins;
    private long inPart;
    private int part = -1;
    long lineRows;
    long adminRows;
    long encounters;

    /** Also the claims as 837P / 837I and the payer's 835 (generate --format x12); null = CSV only. */
    private final X12Writer x12;

    ExtractWriter(Path dir, long encountersPerPart) throws IOException {
        this(dir, encountersPerPart, null);
    }

    ExtractWriter(Path dir, long encountersPerPart, X12Writer x12) throws IOException {
        this.x12 = x12;
        this.dir = dir;
        this.encountersPerPart = encountersPerPart;
        Files.createDirectories(dir.resolve("claim_lines"));
        Files.createDirectories(dir.resolve("administrations"));
        truth = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        truth.write(TRUTH_HEADER);
        truth.write("\r\n");
    }

    /** claim_id .. payer_claim_number; claim_id .. separate_site_reason (see the rows written in {@link #write}). */
    static final int LINE_COLUMNS = 26, ADMINISTRATION_COLUMNS = 15;

    private void nextPart() throws IOException {
        closeParts();
        part++;
        inPart = 0;
        String name = String.format(Locale.ROOT, "part-%05d.csv", part);
        lines = Files.newBufferedWriter(dir.resolve("claim_lines").resolve(name), StandardCharsets.UTF_8);
        admins = Files.newBufferedWriter(dir.resolve("administrations").resolve(name), StandardCharsets.UTF_8);
        // the columns this writer fills, in its row order (optional contract columns it does not generate are left out)
        lines.write(String.join(",", Table.CLAIM_LINES.names().subList(0, LINE_COLUMNS)));
        lines.write("\r\n");
        admins.write(String.join(",", Table.ADMINISTRATIONS.names().subList(0, ADMINISTRATION_COLUMNS)));
        admins.write("\r\n");
    }

    void write(Visit v, java.util.Random r) throws IOException {
        if (part < 0 || inPart >= encountersPerPart) nextPart();
        inPart++;
        encounters++;
        int n = 0;
        String dx = String.join("|", v.diagnoses);
        java.util.List<String> charges = new java.util.ArrayList<>(v.lines.size());
        for (Visit.Line l : v.lines) {
            n++;
            String charge = l.code.startsWith("J")
                    ? money(l.units * (100 + (long) Math.floorMod(l.code.hashCode(), 4900)))
                    : money(15000 + 100L * Math.floorMod(l.code.hashCode(), 300));
            charges.add(charge);
            row(lines, v.claimId, Integer.toString(n), v.patientId, v.dateOfService.toString(), v.provider.npi(),
                    v.provider.renderingNpi(), v.provider.name(), v.payer.id(), v.payer.name(), v.placeOfService, l.code,
                    String.join("|", l.modifiers), Integer.toString(l.units), l.ndc, dx, charge, null, null, null, null,
                    v.claimType.name(), v.billType, v.revenueCode(l.code),
                    // the identifiers an appeal letter needs (contract section 1), synthetic: see Beneficiary
                    Beneficiary.memberId(v.payer.id(), v.patientId), Beneficiary.name(v.patientId), Beneficiary.payerClaimNumber(v.claimId));
            lineRows++;
        }
        for (Visit.Admin a : v.administrations) {
            row(admins, v.claimId, a.id(), a.drugCode(), a.drugName(), a.dose().toPlainString(), a.doseUnit(), a.route(),
                    a.start() == null ? null : a.start().toString(), a.end() == null ? null : a.end().toString(),
                    a.pump() ? "true" : null, a.wasted() == null ? null : a.wasted().toPlainString(), null, a.accessSite(), null,
                    a.separateSiteReason());
            adminRows++;
        }
        if (x12 != null) x12.write(v, charges);
        row(truth, v.claimId, v.regimen, v.injected.stream().map(Enum::name).sorted().collect(Collectors.joining("|")));
    }

    /** Cents to a decimal(12,2) string. */
    private static String money(long cents) {
        return (cents / 100) + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    private static void row(BufferedWriter w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) w.write(',');
            String c = cells[i];
            if (c == null) continue;
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
            w.write(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        w.write("\r\n");
    }

    private void closeParts() throws IOException {
        if (lines != null) lines.close();
        if (admins != null) admins.close();
    }

    @Override
    public void close() throws IOException {
        if (x12 != null) x12.close();
        closeParts();
        truth.close();
    }

    static List<String> truthHeader() { return List.of(TRUTH_HEADER.split(",")); }
}
