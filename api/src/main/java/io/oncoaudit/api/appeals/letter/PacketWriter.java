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

    public PacketWriter(LetterSource source, LetterComposer composer, PdfRenderer pdf) {
        this.source = source;
        this.composer = composer;
        this.pdf = pdf;
    }

    public byte[] letter(LetterData d) {
        return pdf.render(composer.compose(d), "claim " + d.claimId());
    }

    public void write(long campaignId, String campaignName, List<String> claimIds, boolean patientLevel, LocalDate today,
                      OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Writer csvWriter = new OutputStreamWriter(csv, StandardCharsets.UTF_8);
        CorrectedLinesCsv.header(csvWriter);
        Set<String> names = new HashSet<>();
        source.forEach(campaignId, campaignName, claimIds, patientLevel, today, d -> {
            zip.putNextEntry(new ZipEntry(uniqueName(names, "appeal-" + fileSafe(d.claimId()), ".pdf")));
            zip.write(letter(d));
            zip.closeEntry();
            CorrectedLinesCsv.rows(csvWriter, d);
        });
        csvWriter.flush();
        zip.putNextEntry(new ZipEntry("corrected-lines.csv"));
        csv.writeTo(zip);
        zip.closeEntry();
        zip.finish();
        zip.flush();
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
