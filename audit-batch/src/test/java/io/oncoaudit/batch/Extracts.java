package io.oncoaudit.batch;

import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.audit.AuditRun;
import io.oncoaudit.batch.output.Summary;
import io.oncoaudit.batch.spark.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test extracts written as CSV text, and a way to audit them on the shared session. */
public final class Extracts {
    public static final String LINES_HEADER = "claim_id,line_number,patient_id,date_of_service,billing_npi,rendering_npi,"
            + "provider_name,payer_id,payer_name,place_of_service,procedure_code,modifiers,units,ndc,diagnosis_codes,"
            + "charge_amount,allowed_amount,paid_amount,adjustment_reason_codes,remark_codes";
    public static final String ADMIN_HEADER = "claim_id,administration_id,drug_code,drug_name,dose,dose_unit,route,"
            + "start_time,end_time,pump,wasted,lesion_count";

    /** A valid fulvestrant claim billed 96372 (should be 96402): one DOWNCODED_TO_96372 finding. */
    public static List<String> fulvestrantLines(String claimId) {
        return List.of(
                claimId + ",1,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96372,,1,,C50.911,60.00,,,,",
                claimId + ",2,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,J9395,JZ,20,,C50.911,2400.00,,,,");
    }

    public static String fulvestrantAdmin(String claimId) {
        return claimId + ",A1,J9395,fulvestrant,500,mg,IM,,,,,";
    }

    private Extracts() { }

    public static Path write(Path file, String header, List<String> rows) {
        return writeRaw(file, header + "\n" + String.join("\n", rows) + "\n");
    }

    public static Path writeRaw(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Summary audit(Path claims, Path admins, Path out) {
        return audit(new AuditOptions(claims, admins, out, null, null, null));
    }

    public static Summary audit(AuditOptions o) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Progress p = new Progress(SharedSpark.get(), "audit", quiet, 60_000)) {
            return new AuditRun(SharedSpark.get(), o, p).run();
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
