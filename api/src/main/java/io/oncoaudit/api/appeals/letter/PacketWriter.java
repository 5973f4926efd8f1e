package io.oncoaudit.api.appeals.letter;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A campaign's packet (contract section 8): a ZIP with one appeal letter PDF per claim
 * ({@code appeal-<claim id>.pdf}) and {@code corrected-lines.csv}, written as it is produced.
 */
@ApplicationScoped
public class PacketWriter {
    private final LetterSource source;
    private final LetterComposer composer;
    private final PdfRenderer pdf;
    @jakarta.inject.Inject
    io.oncoaudit.api.remits.RemitsRepository remits;

    public PacketWriter(LetterSource source, LetterComposer composer, PdfRenderer pdf) {
        this.source = source;
        this.composer = composer;
        this.pdf = pdf;
    }

    public byte[] letter(LetterData d) {
        return letter(d, RemittanceEnclosure.of(remits, d));
    }

    private byte[] letter(LetterData d, RemittanceEnclosure remittance) {
        return pdf.render(composer.compose(d, remittance.enclosureItems()), "claim " + d.claimId());
    }

    public static final String UNPROCESSABLE_REASON = "returned as unprocessable (remark code MA130): no appeal rights;"
            + " submit the corrected lines in corrected-lines.csv as a new claim";

    /** A claim of the campaign left out of the packet, and why (listed in index.csv). */
    public record Omitted(String claimId, String state, java.math.BigDecimal claimed, String reason) { }

    public void write(long campaignId, String campaignName, List<String> claimIds, boolean patientLevel, LocalDate today,
                      OutputStream out) throws IOException {
        write(campaignId, campaignName, claimIds, List.of(), patientLevel, today, out);
    }

    /** The letters of {@code claimIds}, corrected-lines.csv and index.csv (each letter's file, then the claims left out). */
    public void write(long campaignId, String campaignName, List<String> claimIds, List<Omitted> omitted, boolean patientLevel,
                      LocalDate today, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Writer csvWriter = new OutputStreamWriter(csv, StandardCharsets.UTF_8);
        CorrectedLinesCsv.header(csvWriter);
        StringBuilder index = new StringBuilder("claim_id,file,claimed,included,reason,remittance\r\n");
        Set<String> names = new HashSet<>();
        source.forEach(campaignId, campaignName, claimIds, patientLevel, today, d -> {
            CorrectedLinesCsv.rows(csvWriter, d);
            if (d.unprocessable()) {
                // no appeal for a claim returned as unprocessable: its corrected lines go out as a new claim
                index.append(csvCell(d.claimId())).append(",,").append(d.amountRequested().toPlainString()).append(",no,")
                        .append(csvCell(UNPROCESSABLE_REASON)).append(",\r\n");
                return;
            }
            String file = uniqueName(names, "appeal-" + fileSafe(d.claimId()), ".pdf");
            RemittanceEnclosure remittance = RemittanceEnclosure.of(remits, d);
            zip.putNextEntry(new ZipEntry(file));
            zip.write(letter(d, remittance));
            zip.closeEntry();
            if (remittance.csv() != null) {
                // issue 15: the payer's own remittance lines of the claim, enclosed (index.csv and the letter say so)
                zip.putNextEntry(new ZipEntry(uniqueName(names, remittance.fileBase(), ".csv")));
                zip.write(remittance.csv().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            String mar = administrationRecord(d);
            if (mar != null) {
                zip.putNextEntry(new ZipEntry(uniqueName(names, "administrations-" + fileSafe(d.claimId()), ".csv")));
                zip.write(mar.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            index.append(csvCell(d.claimId())).append(',').append(file).append(',')
                    .append(d.amountRequested().toPlainString()).append(",yes,,")
                    .append(remittance.csv() == null ? "" : remittance.fileBase() + ".csv").append("\r\n");
        });
        for (Omitted o : omitted) {
            index.append(csvCell(o.claimId())).append(",,").append(o.claimed() == null ? "" : o.claimed().toPlainString())
                    .append(",no,").append(csvCell(o.reason())).append(",\r\n");
        }
        csvWriter.flush();
        zip.putNextEntry(new ZipEntry("corrected-lines.csv"));
        csv.writeTo(zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("index.csv"));
        zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** The extract's administration columns (contract section 1) in their order; others follow as found. */
    private static final List<String> MAR_COLUMNS = List.of("administrationId", "drugCode", "drugName", "dose", "doseUnit", "route",
            "startTime", "endTime", "pump", "pumpOwner", "wasted", "lesionCount", "accessSite", "separateSiteReason");

    /**
     * The claim's medication administration record extract (what the letter encloses): one row per
     * administration of the audited encounter; null when the run holds none for the claim.
     */
    static String administrationRecord(LetterData d) {
        if (d.administrationsJson() == null || d.administrationsJson().isBlank()) return null;
        com.fasterxml.jackson.databind.JsonNode rows;
        try {
            rows = JSON.readTree(d.administrationsJson());
        } catch (java.io.IOException e) {
            return null;
        }
        if (!rows.isArray() || rows.isEmpty()) return null;
        List<String> columns = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode r : rows) r.fieldNames().forEachRemaining(f -> { if (!columns.contains(f)) columns.add(f); });
        columns.sort(java.util.Comparator.comparingInt(c -> MAR_COLUMNS.contains(c) ? MAR_COLUMNS.indexOf(c) : MAR_COLUMNS.size()));
        StringBuilder b = new StringBuilder("claim_id");
        for (String c : columns) b.append(',').append(c.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
        b.append("\r\n");
        for (com.fasterxml.jackson.databind.JsonNode r : rows) {
            b.append(csvCell(d.claimId()));
            for (String c : columns) {
                com.fasterxml.jackson.databind.JsonNode v = r.get(c);
                b.append(',').append(v == null || v.isNull() ? "" : csvCell(v.isValueNode() ? v.asText() : v.toString()));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    static String csvCell(String v) {
        String n = io.oncoaudit.api.rest.Csv.neutralise(v);
        if (n == null) return "";
        return n.indexOf(',') >= 0 || n.indexOf('"') >= 0 || n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0
                ? '"' + n.replace("\"", "\"\"") + '"' : n;
    }

    /** Claim ids are extract text: only letters, digits, '.', '_' and '-' reach a file name. */
    static String fileSafe(String claimId) {
        String s = claimId == null ? "claim" : claimId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".")) s = "_" + s;
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    private static String uniqueName(Set<String> names, String base, String ext) {
        String name = base + ext;
        for (int i = 2; !names.add(name.toLowerCase(java.util.Locale.ROOT)); i++) name = base + "-" + i + ext;
        return name;
    }
}
