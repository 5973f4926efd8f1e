package io.oncoaudit.batch.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The audit's output record, declared once: an encounter (E), a finding (F) or a rejected input row (R).
 * Findings go to Spark, which writes them partitioned by payer and month in the audit's own job; encounters
 * (the first columns, {@link #ENCOUNTER_SCHEMA}) and rejects are written by each task ({@link TaskParquet}).
 * The recoder runs exactly once per claim.
 */
public final class Stage {
    public static final String ENCOUNTER = "E", FINDING = "F", REJECT = "R";
    public static final DataType MONEY = DataTypes.createDecimalType(12, 2);

    public static final List<String> COLUMNS = new ArrayList<>();
    public static final StructType SCHEMA;

    public static final int REC_TYPE, CLAIM_ID, PATIENT_ID, DATE_OF_SERVICE, SERVICE_MONTH, BILLING_NPI, RENDERING_NPI,
            PROVIDER_NAME, PAYER_ID, PAYER_NAME, PLACE_OF_SERVICE,
            FINDING_INDEX, LINE_NUMBER, KIND, RULE_ID, BILLED_CODE, EXPECTED_CODE, BILLED_UNITS, EXPECTED_UNITS, DIRECTION,
            AMOUNT, EXPLANATION, CITATIONS, APPEAL_TEXT,
            DIAGNOSIS_CODES, LINE_COUNT, ADMINISTRATION_COUNT, FINDING_COUNT, BILLED_AMOUNT, EXPECTED_AMOUNT, NET_IMPACT,
            BILLED_LINES_JSON, ADMINISTRATIONS_JSON, EXPECTED_LINES_JSON, WARNINGS_JSON,
            CLAIM_TYPE, BILL_TYPE, MEMBER_ID, PATIENT_NAME, PAYER_CLAIM_NUMBER, UNCLASSIFIED_DRUGS_JSON,
            SOURCE, FILE, BLOCK, ROW, FIELD, REASON, ORIGINAL;

    private static final List<StructField> FIELDS = new ArrayList<>();

    private static int add(String name, DataType type) {
        FIELDS.add(DataTypes.createStructField(name, type, true));
        COLUMNS.add(name);
        return FIELDS.size() - 1;
    }

    static {
        DataType s = DataTypes.StringType, i = DataTypes.IntegerType, l = DataTypes.LongType;
        // Encounter columns first, in published order: encounters are written with exactly these.
        CLAIM_ID = add("claim_id", s);
        PATIENT_ID = add("patient_id", s);
        DATE_OF_SERVICE = add("date_of_service", DataTypes.DateType);
        SERVICE_MONTH = add("service_month", s);
        BILLING_NPI = add("billing_npi", s);
        RENDERING_NPI = add("rendering_npi", s);
        PROVIDER_NAME = add("provider_name", s);
        PAYER_ID = add("payer_id", s);
        PAYER_NAME = add("payer_name", s);
        PLACE_OF_SERVICE = add("place_of_service", s);
        DIAGNOSIS_CODES = add("diagnosis_codes", s);
        LINE_COUNT = add("line_count", i);
        ADMINISTRATION_COUNT = add("administration_count", i);
        FINDING_COUNT = add("finding_count", i);
        BILLED_AMOUNT = add("billed_amount", MONEY);
        EXPECTED_AMOUNT = add("expected_amount", MONEY);
        NET_IMPACT = add("net_impact", MONEY);
        BILLED_LINES_JSON = add("billed_lines_json", s);
        ADMINISTRATIONS_JSON = add("administrations_json", s);
        EXPECTED_LINES_JSON = add("expected_lines_json", s);
        WARNINGS_JSON = add("warnings_json", s);
        CLAIM_TYPE = add("claim_type", s);
        BILL_TYPE = add("bill_type", s);
        MEMBER_ID = add("member_id", s);
        PATIENT_NAME = add("patient_name", s);
        PAYER_CLAIM_NUMBER = add("payer_claim_number", s);
        UNCLASSIFIED_DRUGS_JSON = add("unclassified_drugs_json", s);
        // finding columns
        FINDING_INDEX = add("finding_index", i);
        LINE_NUMBER = add("line_number", i);
        KIND = add("kind", s);
        RULE_ID = add("rule_id", s);
        BILLED_CODE = add("billed_code", s);
        EXPECTED_CODE = add("expected_code", s);
        BILLED_UNITS = add("billed_units", i);
        EXPECTED_UNITS = add("expected_units", i);
        DIRECTION = add("direction", s);
        AMOUNT = add("amount", MONEY);
        EXPLANATION = add("explanation", s);
        CITATIONS = add("citations", s);
        APPEAL_TEXT = add("appeal_text", s);
        // reject columns; ROW is the row's read id (see ExtractReader.ROW), turned into a row number when published
        SOURCE = add("source", s);
        FILE = add("file", s);
        BLOCK = add("block", l);
        ROW = add("row_id", l);
        FIELD = add("field", s);
        REASON = add("reason", s);
        ORIGINAL = add("original", s);
        REC_TYPE = add("rec_type", s);
        SCHEMA = DataTypes.createStructType(FIELDS);
    }

    /** Published column lists (team brief, "Audit run output layout"); run_id is added when publishing. */
    public static final List<String> FINDING_COLUMNS = List.of("claim_id", "finding_index", "line_number", "patient_id",
            "date_of_service", "billing_npi", "rendering_npi", "provider_name", "payer_name", "place_of_service", "kind",
            "rule_id", "billed_code", "expected_code", "billed_units", "expected_units", "direction", "amount", "explanation",
            "citations", "appeal_text", "payer_id", "service_month");
    public static final List<String> ENCOUNTER_COLUMNS = List.of("claim_id", "patient_id", "date_of_service",
            "service_month", "billing_npi", "rendering_npi", "provider_name", "payer_id", "payer_name", "place_of_service",
            "diagnosis_codes", "line_count", "administration_count", "finding_count", "billed_amount", "expected_amount",
            "net_impact", "billed_lines_json", "administrations_json", "expected_lines_json", "warnings_json",
            "claim_type", "bill_type", "member_id", "patient_name", "payer_claim_number", "unclassified_drugs_json");

    /**
     * Encounter columns that are (nearly) unique per row: written without a Parquet dictionary, which would
     * hash every value only to give up after the first page.
     */
    public static final List<String> ENCOUNTER_NO_DICTIONARY = List.of("claim_id", "patient_id", "billed_amount",
            "expected_amount", "net_impact", "billed_lines_json", "administrations_json", "expected_lines_json",
            "member_id", "patient_name", "payer_claim_number");
    /** Encounter columns whose min/max would never select anything (JSON documents): no Parquet statistics. */
    public static final List<String> ENCOUNTER_NO_STATISTICS = List.of("billed_lines_json", "administrations_json",
            "expected_lines_json", "warnings_json", "unclassified_drugs_json");

    /** The published encounters' schema: the stage's first columns, exactly ENCOUNTER_COLUMNS. */
    public static final StructType ENCOUNTER_SCHEMA = DataTypes.createStructType(
            FIELDS.subList(0, ENCOUNTER_COLUMNS.size()));

    static {
        if (!COLUMNS.subList(0, ENCOUNTER_COLUMNS.size()).equals(ENCOUNTER_COLUMNS)) {
            throw new IllegalStateException("the stage must start with the encounter columns in published order");
        }
    }

    private Stage() { }

    static Object[] blank(String type, String claimId) {
        Object[] v = new Object[FIELDS.size()];
        v[REC_TYPE] = type;
        v[CLAIM_ID] = claimId;
        return v;
    }

    /**
     * The row's first {@code columns} values in Spark's internal form, built directly (no Row encoder).
     * Strings, LocalDate, BigDecimal (scale 2), Integer and Long are accepted.
     */
    static InternalRow internal(Object[] v, int columns) {
        Object[] out = new Object[columns];
        for (int i = 0; i < columns; i++) {
            Object x = v[i];
            if (x instanceof String s) out[i] = UTF8String.fromString(s);
            else if (x instanceof LocalDate d) out[i] = (int) d.toEpochDay();
            else if (x instanceof BigDecimal b) out[i] = Decimal.apply(b, 12, 2);
            else out[i] = x;
        }
        return new GenericInternalRow(out);
    }
}
