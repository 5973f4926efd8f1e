package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Json;
import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.InvalidFieldException;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.recode.CodeSpelling;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Audits one claim: validates its line and administration rows, builds the core Encounter and runs the
 * Recoder. Every input row leaves as exactly one output: part of an audited encounter, or a reject with
 * the field and reason (contract section 7: inputLines = lines audited + line rows rejected).
 *
 * <p>Policy (documented in audit-batch/README.md): an invalid line row is rejected alone and the claim is
 * audited with its other lines; a claim with no valid line, an invalid administration row (auditing without
 * part of the medication record would invent findings), conflicting claim-level values, or a Recoder error
 * sends all its rows to rejects. Duplicate line_number / administration_id: the first row in file order
 * is kept, later ones are rejected.
 */
public final class ClaimAuditor implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
    private static final int KEY = ClaimRows.index(ClaimRows.KEY);

    private final RecoderConfig config;
    private final CollectionAccumulator<TaskReport> reports;
    private final TaskParquet.Target encounters;
    private final TaskParquet.Target rejects;
    /** Live progress: the line and administration rows processed so far (may be null). */
    private final LongAccumulator linesProcessed, administrationsProcessed;

    /**
     * @param reports    receives one {@link TaskReport} per task when its input is exhausted
     * @param encounters where each task writes its encounters (one Parquet file per task attempt)
     * @param rejects    where each task writes its rejected rows
     */
    public ClaimAuditor(RecoderConfig config, CollectionAccumulator<TaskReport> reports, TaskParquet.Target encounters,
                        TaskParquet.Target rejects) {
        this(config, reports, encounters, rejects, null, null);
    }

    /** With the progress counters of line and administration rows processed (see {@code Progress.Table}). */
    public ClaimAuditor(RecoderConfig config, CollectionAccumulator<TaskReport> reports, TaskParquet.Target encounters,
                        TaskParquet.Target rejects, LongAccumulator linesProcessed, LongAccumulator administrationsProcessed) {
        this.config = config;
        this.reports = reports;
        this.encounters = encounters;
        this.rejects = rejects;
        this.linesProcessed = linesProcessed;
        this.administrationsProcessed = administrationsProcessed;
    }

    /** Columns that must agree across a claim's lines, with the getter comparing them (diagnoses as a set). */
    private static final List<Function<LineParser.ClaimFields, Object>> CLAIM_LEVEL = List.of(
            LineParser.ClaimFields::patientId, LineParser.ClaimFields::dateOfService,
            LineParser.ClaimFields::billingNpi, LineParser.ClaimFields::renderingNpi,
            LineParser.ClaimFields::payerId, LineParser.ClaimFields::placeOfService,
            c -> ClaimAudit.normalizedDiagnoses(c.diagnosisCodes()), LineParser.ClaimFields::claimType,
            LineParser.ClaimFields::billType, LineParser.ClaimFields::memberId,
            LineParser.ClaimFields::payerClaimNumber);
    private static final List<String> CLAIM_LEVEL_NAMES = List.of("patient_id", "date_of_service", "billing_npi",
            "rendering_npi", "payer_id", "place_of_service", "diagnosis_codes", "claim_type", "bill_type", "member_id",
            "payer_claim_number");

    /** One partition of {@link ClaimRows#grouped}: whole claims, each a run of rows with the same key. */
    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
        TaskContext task = TaskContext.get();
        int partition = task == null ? 0 : task.partitionId();
        String file = TaskParquet.partName(partition, task == null ? 0 : task.taskAttemptId());
        Output out = new Output(new TaskReport(partition),
                new TaskParquet(encounters, file, Stage.ENCOUNTER_SCHEMA, Stage.ENCOUNTER_NO_DICTIONARY,
                        Stage.ENCOUNTER_NO_STATISTICS),
                new TaskParquet(rejects, file, Stage.SCHEMA, List.of("original", "reason"), List.of("original", "reason")));
        return new Iterator<>() {
            private final SourceRow.Decoder decoder = new SourceRow.Decoder();
            private SourceRow pending;
            private String pendingKey;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (out.findings.isEmpty() && !done) fill();
                return !out.findings.isEmpty();
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) throw new NoSuchElementException();
                return out.findings.poll();
            }

            /** Audits the next claim; rows without a claim id are rejected one at a time (there may be many). */
            private void fill() {
                if (pending == null && !advance()) {
                    done = true;
                    out.finish(reports);
                    return;
                }
                String key = pendingKey;
                if (key.isEmpty()) {
                    out.reject(pending, null, "claim_id", "is required but blank: the row cannot be assigned to a claim");
                    pending = null;
                    return;
                }
                List<SourceRow> lines = new ArrayList<>();
                List<SourceRow> admins = new ArrayList<>();
                do {
                    (pending.table() == Table.CLAIM_LINES ? lines : admins).add(pending);
                    pending = null;
                } while (advance() && pendingKey.equals(key));
                lines.sort(SourceRow.ORDER);
                admins.sort(SourceRow.ORDER);
                new ClaimAudit(key, lines, admins, out).run();
            }

            private boolean advance() {
                if (!rows.hasNext()) return false;
                InternalRow r = rows.next();
                pending = decoder.decode(r);
                pendingKey = r.getUTF8String(KEY).toString();
                out.report.countInput(pending);
                LongAccumulator c = pending.table() == Table.CLAIM_LINES ? linesProcessed : administrationsProcessed;
                if (c != null) c.add(1);
                return true;
            }
        };
    }

    /**
     * Where a task's results go: findings to Spark (the rows this function returns, written partitioned by payer
     * and month in the same job), encounters and rejects to the task's own Parquet files, counts to its report.
     */
    private static final class Output {
        final ArrayDeque<InternalRow> findings = new ArrayDeque<>();
        final TaskReport report;
        final TaskParquet encounters;
        final TaskParquet rejects;

        Output(TaskReport report, TaskParquet encounters, TaskParquet rejects) {
            this.report = report;
            this.encounters = encounters;
            this.rejects = rejects;
        }

        void encounter(Object[] v, int lines, int administrations) {
            encounters.write(v);
            report.countEncounter(lines, administrations);
        }

        void finding(Object[] v) {
            findings.add(Stage.internal(v, v.length));
            report.countFinding((String) v[Stage.PAYER_ID], (String) v[Stage.BILLING_NPI], (String) v[Stage.KIND],
                    (String) v[Stage.DIRECTION], (BigDecimal) v[Stage.AMOUNT]);
        }

        void reject(SourceRow s, String claimId, String field, String reason) {
            rejects.write(rejectRow(s, claimId, field, reason));
            report.countReject(s.table());
        }

        void finish(CollectionAccumulator<TaskReport> to) {
            encounters.close();
            rejects.close();
            report.encountersFile = encounters.path();
            report.rejectsFile = rejects.path();
            to.add(report);
        }
    }

    static Object[] rejectRow(SourceRow s, String claimId, String field, String reason) {
        Object[] v = Stage.blank(Stage.REJECT, claimId);
        v[Stage.SOURCE] = s.table().source();
        v[Stage.FILE] = s.file();
        v[Stage.BLOCK] = s.block();
        v[Stage.ROW] = s.row();
        v[Stage.FIELD] = field;
        v[Stage.REASON] = reason;
        v[Stage.ORIGINAL] = s.originalJson();
        return v;
    }

    private record Problem(String field, String reason) { }

    /** The work on one claim; rejects are recorded per source row so no row is emitted twice. */
    private final class ClaimAudit {
        private final String claimId;
        private final List<SourceRow> lineRows;
        private final List<SourceRow> adminRows;
        private final Output out;
        private final Map<SourceRow, Problem> rejected = new IdentityHashMap<>();

        ClaimAudit(String claimId, List<SourceRow> lineRows, List<SourceRow> adminRows, Output out) {
            this.claimId = claimId;
            this.lineRows = lineRows;
            this.adminRows = adminRows;
            this.out = out;
        }

        void run() {
            List<LineParser.ParsedLine> lines = parseLines();
            List<AdministrationParser.ParsedAdministration> admins = parseAdministrations();
            Problem claimProblem = claimProblem(lines, admins);
            if (claimProblem == null) {
                // canonical code spelling (j9395 = J9395) here too, so the published billed lines compare with
                // the expected lines exactly as the recoder compared them
                Encounter encounter = CodeSpelling.canonical(encounter(lines, admins));
                RecodeResult result;
                try {
                    result = config.recoder().recode(encounter);
                } catch (RuntimeException e) {
                    // The Recoder promises never to throw; if it does, the claim is kept visible in rejects, not lost.
                    result = null;
                    claimProblem = new Problem("(recoder)", "the recoder failed on this claim (" + e
                            + "); report it to the oncoaudit team with this row");
                }
                if (result != null && result.isError()) {
                    claimProblem = new Problem(result.error().field(), result.error().message());
                } else if (result != null) {
                    emitEncounter(encounter, lines.get(0).claim(), result);
                }
            }
            for (SourceRow s : lineRows) emitRejectIfAny(s, claimProblem);
            for (SourceRow s : adminRows) emitRejectIfAny(s, claimProblem);
        }

        private void emitRejectIfAny(SourceRow s, Problem claimProblem) {
            Problem p = rejected.get(s);
            if (p == null) p = claimProblem;
            if (p != null) out.reject(s, claimId, p.field(), p.reason());
        }

        private List<LineParser.ParsedLine> parseLines() {
            List<LineParser.ParsedLine> valid = new ArrayList<>();
            Map<Integer, SourceRow> byNumber = new HashMap<>();
            for (SourceRow s : lineRows) {
                if (rejectCorrupt(s)) continue;
                try {
                    LineParser.ParsedLine p = LineParser.parse(s);
                    int n = p.line().lineNumber();
                    if (byNumber.putIfAbsent(n, s) != null) {
                        rejected.put(s, new Problem("line_number", "duplicate line_number " + n + " in claim '" + claimId
                                + "': the first row with that number is audited, this one is not"));
                    } else {
                        valid.add(p);
                    }
                } catch (InvalidFieldException e) {
                    rejected.put(s, new Problem(e.field(), e.reason()));
                }
            }
            valid.sort(Comparator.comparingInt(p -> p.line().lineNumber()));
            return valid;
        }

        private List<AdministrationParser.ParsedAdministration> parseAdministrations() {
            List<AdministrationParser.ParsedAdministration> valid = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (SourceRow s : adminRows) {
                if (rejectCorrupt(s)) continue;
                try {
                    AdministrationParser.ParsedAdministration p = AdministrationParser.parse(s);
                    if (!ids.add(p.administration().administrationId())) {
                        rejected.put(s, new Problem("administration_id", "duplicate administration_id '"
                                + p.administration().administrationId() + "' in claim '" + claimId + "'"));
                    } else {
                        valid.add(p);
                    }
                } catch (InvalidFieldException e) {
                    rejected.put(s, new Problem(e.field(), e.reason()));
                }
            }
            return valid;
        }

        private boolean rejectCorrupt(SourceRow s) {
            if (s.corrupt() == null) return false;
            rejected.put(s, new Problem("(record)", "the CSV record does not split into the header's columns: "
                    + "check its quotes and commas (RFC 4180)"));
            return true;
        }

        private Problem claimProblem(List<LineParser.ParsedLine> lines,
                                     List<AdministrationParser.ParsedAdministration> admins) {
            if (lineRows.isEmpty()) {
                return new Problem("claim_id", "no claim_lines row has claim_id '" + claimId
                        + "': an administration is audited with the claim it belongs to");
            }
            if (lines.isEmpty()) {
                return new Problem("claim_lines", "claim '" + claimId + "' has no valid claim line, so it cannot be audited");
            }
            for (SourceRow s : adminRows) {
                Problem p = rejected.get(s);
                if (p != null) {
                    String id = s.cell("administration_id");
                    return new Problem(p.field(), "claim '" + claimId + "' cannot be audited without its administration"
                            + (id == null ? "" : " '" + id + "'") + ", which is invalid (" + p.field() + ": " + p.reason() + ")");
                }
            }
            return conflict(lines);
        }

        /** Claim-level columns must agree across the claim's lines (display names excepted: first non-blank wins). */
        private Problem conflict(List<LineParser.ParsedLine> lines) {
            if (lines.size() == 1) return null;
            for (int g = 0; g < CLAIM_LEVEL.size(); g++) {
                Function<LineParser.ClaimFields, Object> getter = CLAIM_LEVEL.get(g);
                Object first = null;
                boolean differs = false;
                for (LineParser.ParsedLine l : lines) {
                    Object v = getter.apply(l.claim());
                    if (v == null) continue;
                    if (first == null) first = v;
                    else if (!first.equals(v)) {
                        differs = true;
                        break;
                    }
                }
                if (!differs) continue;
                Set<Object> values = new LinkedHashSet<>();
                for (LineParser.ParsedLine l : lines) {
                    Object v = getter.apply(l.claim());
                    if (v != null) values.add(v);
                }
                String name = CLAIM_LEVEL_NAMES.get(g);
                List<String> shown = values.stream().map(String::valueOf).limit(3).toList();
                return new Problem(name, "claim '" + claimId + "' has conflicting values for " + name
                        + " across its lines (" + String.join(" vs ", shown) + "); a claim is one encounter");
            }
            return null;
        }

        private static Set<String> normalizedDiagnoses(List<String> dx) {
            Set<String> s = new java.util.TreeSet<>();
            for (String d : dx) s.add(d.replace(".", "").toUpperCase(Locale.ROOT));
            return s;
        }

        private Encounter encounter(List<LineParser.ParsedLine> lines,
                                    List<AdministrationParser.ParsedAdministration> admins) {
            LineParser.ClaimFields c = lines.get(0).claim();
            String rendering = firstNonBlank(lines, LineParser.ClaimFields::renderingNpi);
            String provider = firstNonBlank(lines, LineParser.ClaimFields::providerName);
            String payerName = firstNonBlank(lines, LineParser.ClaimFields::payerName);
            String billType = firstNonBlank(lines, LineParser.ClaimFields::billType);
            String memberId = firstNonBlank(lines, LineParser.ClaimFields::memberId);
            String patientName = firstNonBlank(lines, LineParser.ClaimFields::patientName);
            String payerClaimNumber = firstNonBlank(lines, LineParser.ClaimFields::payerClaimNumber);
            // plain loops: this runs once per claim, and stream pipelines showed in the profile
            List<ClaimLine> claimLines = new ArrayList<>(lines.size());
            for (LineParser.ParsedLine l : lines) claimLines.add(l.line());
            List<Administration> administrations = new ArrayList<>(admins.size());
            for (AdministrationParser.ParsedAdministration a : admins) administrations.add(a.administration());
            return new Encounter(claimId, c.patientId(), c.dateOfService(), c.billingNpi(), rendering, provider,
                    c.payerId(), payerName, c.placeOfService(), c.diagnosisCodes(), claimLines, administrations,
                    c.claimType(), billType, memberId, patientName, payerClaimNumber);
        }

        private String firstNonBlank(List<LineParser.ParsedLine> lines, Function<LineParser.ClaimFields, String> g) {
            for (LineParser.ParsedLine l : lines) {
                String v = g.apply(l.claim());
                if (v != null) return v;
            }
            return null;
        }

        private void emitEncounter(Encounter e, LineParser.ClaimFields c, RecodeResult r) {
            LocalDate dos = e.dateOfService();
            String month = e.dateOfService().toString().substring(0, 7);
            List<Finding> findings = r.findings();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                Object[] v = keys(Stage.FINDING, e, dos, month);
                v[Stage.FINDING_INDEX] = i + 1;
                v[Stage.LINE_NUMBER] = f.lineNumber();
                v[Stage.KIND] = f.kind() == null ? null : f.kind().name();
                v[Stage.RULE_ID] = f.ruleId();
                v[Stage.BILLED_CODE] = f.billedCode();
                v[Stage.EXPECTED_CODE] = f.expectedCode();
                v[Stage.BILLED_UNITS] = f.billedUnits();
                v[Stage.EXPECTED_UNITS] = f.expectedUnits();
                v[Stage.DIRECTION] = f.direction() == null ? null : f.direction().name();
                v[Stage.AMOUNT] = money(f.amount());
                v[Stage.EXPLANATION] = f.explanation();
                v[Stage.CITATIONS] = Json.stringArray(f.citations());
                v[Stage.APPEAL_TEXT] = f.appealText();
                FindingPricing fp = f.pricing();
                if (fp != null) {
                    v[Stage.BILLED_PRICE] = price(fp.billedPrice());
                    v[Stage.BILLED_VALUE] = money(fp.billedValue());
                    v[Stage.EXPECTED_PRICE] = price(fp.expectedPrice());
                    v[Stage.EXPECTED_CHARGE_BASIS] = money(fp.expectedChargeBasis());
                    v[Stage.EXPECTED_VALUE] = money(fp.expectedValue());
                    v[Stage.TABLE_VERSION] = fp.tableVersion();
                    v[Stage.PRICING_NOTE] = fp.note();
                }
                out.finding(v);
            }
            Object[] v = keys(Stage.ENCOUNTER, e, dos, month);
            v[Stage.DIAGNOSIS_CODES] = Json.stringArray(e.diagnosisCodes());
            v[Stage.LINE_COUNT] = e.lines().size();
            v[Stage.ADMINISTRATION_COUNT] = e.administrations().size();
            v[Stage.FINDING_COUNT] = findings.size();
            v[Stage.BILLED_AMOUNT] = money(r.billedAmount());
            v[Stage.EXPECTED_AMOUNT] = money(r.expectedAmount());
            v[Stage.NET_IMPACT] = money(r.netImpact());
            v[Stage.BILLED_LINES_JSON] = CodecJson.linesToJson(e.lines());
            v[Stage.ADMINISTRATIONS_JSON] = CodecJson.administrationsToJson(e.administrations());
            v[Stage.EXPECTED_LINES_JSON] = CodecJson.expectedLinesToJson(r.expectedLines());
            v[Stage.WARNINGS_JSON] = Json.stringArray(r.warnings());
            v[Stage.CLAIM_TYPE] = e.claimType().name();
            v[Stage.BILL_TYPE] = e.billType();
            v[Stage.MEMBER_ID] = e.memberId();
            v[Stage.PATIENT_NAME] = e.patientName();
            v[Stage.PAYER_CLAIM_NUMBER] = e.payerClaimNumber();
            v[Stage.UNCLASSIFIED_DRUGS_JSON] = CodecJson.unclassifiedDrugsToJson(r.unclassifiedDrugs());
            out.encounter(v, e.lines().size(), e.administrations().size());
        }

        private Object[] keys(String type, Encounter e, LocalDate dos, String month) {
            Object[] v = Stage.blank(type, claimId);
            v[Stage.PATIENT_ID] = e.patientId();
            v[Stage.DATE_OF_SERVICE] = dos;
            v[Stage.SERVICE_MONTH] = month;
            v[Stage.BILLING_NPI] = e.billingNpi();
            v[Stage.RENDERING_NPI] = e.renderingNpi();
            v[Stage.PROVIDER_NAME] = e.providerName();
            v[Stage.PAYER_ID] = e.payerId();
            v[Stage.PAYER_NAME] = e.payerName();
            v[Stage.PLACE_OF_SERVICE] = e.placeOfService();
            return v;
        }
    }

    /** A price per unit in the findings' PRICE column: six decimals, HALF_EVEN (CMS prices have at most three). */
    private static BigDecimal price(BigDecimal v) {
        return v == null ? null : v.setScale(6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
