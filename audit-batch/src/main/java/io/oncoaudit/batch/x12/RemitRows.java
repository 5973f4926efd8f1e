package io.oncoaudit.batch.x12;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A {@link Remit} as a Spark row of an explicit schema ({@link #REMIT}): the remittance claims travel through the
 * shuffle that groups them by claim as Spark's own binary rows, never as Java-serialized objects.
 */
final class RemitRows {
    private RemitRows() { }

    /** Amounts as read (two decimals; wider than MONEY so an odd amount fails where it did before, at the write). */
    static final DataType AMOUNT = DataTypes.createDecimalType(18, 2);
    static final DataType UNITS = DataTypes.createDecimalType(18, 6);
    static final StructType ADJUSTMENT = DataTypes.createStructType(List.of(
            f("group", DataTypes.StringType), f("carc", DataTypes.StringType), f("amount", AMOUNT)));
    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, true);
    private static final DataType ADJUSTMENTS = DataTypes.createArrayType(ADJUSTMENT, true);

    static final StructType LINE = DataTypes.createStructType(List.of(
            f("position", DataTypes.IntegerType), f("qualifier", DataTypes.StringType), f("code", DataTypes.StringType),
            f("modifiers", STRINGS), f("original_code", DataTypes.StringType), f("original_modifiers", STRINGS),
            f("revenue_code", DataTypes.StringType), f("units", UNITS), f("charge", AMOUNT), f("paid", AMOUNT),
            f("allowed", AMOUNT), f("date", DataTypes.DateType), f("adjustments", ADJUSTMENTS), f("remarks", STRINGS),
            f("control", DataTypes.StringType)));

    /** One 835 claim payment (CLP) with its service lines. */
    static final StructType REMIT = DataTypes.createStructType(List.of(
            f("claim_id", DataTypes.StringType), f("file", DataTypes.StringType), f("position", DataTypes.IntegerType),
            f("status", DataTypes.StringType), f("charge", AMOUNT), f("paid", AMOUNT),
            f("patient_responsibility", AMOUNT), f("payer_claim_number", DataTypes.StringType),
            f("payer_key", DataTypes.StringType), f("payer_name", DataTypes.StringType),
            f("facility_code", DataTypes.StringType), f("claim_from", DataTypes.DateType),
            f("claim_to", DataTypes.DateType), f("claim_adjustments", ADJUSTMENTS), f("claim_remarks", STRINGS),
            f("lines", DataTypes.createArrayType(LINE, true))));

    private static StructField f(String name, DataType t) {
        return DataTypes.createStructField(name, t, true);
    }

    static Row row(Remit r) {
        List<Row> lines = new ArrayList<>(r.lines().size());
        for (Remit.Line l : r.lines()) {
            lines.add(RowFactory.create(l.position(), l.qualifier(), l.code(), seq(l.modifiers()), l.originalCode(),
                    seq(l.originalModifiers()), l.revenueCode(), l.units(), l.charge(), l.paid(), l.allowed(),
                    date(l.date()), adjustments(l.adjustments()), seq(l.remarks()), l.lineControlNumber()));
        }
        return RowFactory.create(r.claimId(), r.file(), r.position(), r.status(), r.charge(), r.paid(),
                r.patientResponsibility(), r.payerClaimNumber(), r.payerKey(), r.payerName(), r.facilityCode(),
                date(r.claimFrom()), date(r.claimTo()), adjustments(r.claimAdjustments()), seq(r.claimRemarks()),
                seq(lines));
    }

    static Remit remit(Row r) {
        List<Row> rawLines = list(r, 15);
        List<Remit.Line> lines = new ArrayList<>(rawLines.size());
        for (Row l : rawLines) {
            lines.add(new Remit.Line(l.getInt(0), l.getString(1), l.getString(2), strings(l, 3), l.getString(4),
                    strings(l, 5), l.getString(6), l.getDecimal(7), money(l, 8), money(l, 9), money(l, 10),
                    localDate(l, 11), adjustments(l, 12), strings(l, 13), l.getString(14)));
        }
        return new Remit(r.getString(1), r.getInt(2), r.getString(0), r.getString(3), money(r, 4), money(r, 5),
                money(r, 6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), localDate(r, 11),
                localDate(r, 12), adjustments(r, 13), strings(r, 14), List.copyOf(lines));
    }

    private static Seq<Object> adjustments(List<Remit.Adjustment> adj) {
        List<Row> rows = new ArrayList<>(adj.size());
        for (Remit.Adjustment a : adj) rows.add(RowFactory.create(a.group(), a.carc(), a.amount()));
        return seq(rows);
    }

    private static List<Remit.Adjustment> adjustments(Row r, int i) {
        List<Row> raw = list(r, i);
        List<Remit.Adjustment> out = new ArrayList<>(raw.size());
        for (Row a : raw) out.add(new Remit.Adjustment(a.getString(0), a.getString(1), money(a, 2)));
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Seq<Object> seq(List<?> l) {
        return CollectionConverters.asScala((List<Object>) l).toList();
    }

    private static <T> List<T> list(Row r, int i) {
        return r.isNullAt(i) ? List.of() : r.getList(i);
    }

    private static List<String> strings(Row r, int i) {
        return List.copyOf(RemitRows.<String>list(r, i));
    }

    /** The amount with its two decimals (a decimal column keeps its scale; 2 here, as the reader wrote it). */
    private static BigDecimal money(Row r, int i) {
        return r.isNullAt(i) ? null : r.getDecimal(i);
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static java.time.LocalDate localDate(Row r, int i) {
        return r.isNullAt(i) ? null : r.getDate(i).toLocalDate();
    }
}
