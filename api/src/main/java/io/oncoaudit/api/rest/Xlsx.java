package io.oncoaudit.api.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel workbooks of the exports (contract section 12), streamed with fastexcel: each table sheet is one
 * bold header row (frozen, with an autofilter over the table) then one row per record; money is a number
 * with a currency format, a date a date cell, counts whole numbers. A text cell is never a formula in XLSX,
 * so values starting with = + - @ stay text without the CSV export's apostrophe.
 */
public final class Xlsx {
    /** Excel's limit: 1,048,576 rows a sheet, one of them the header. */
    public static final int MAX_DATA_ROWS = 1_048_575;
    public static final String MONEY_FORMAT = "\"$\"#,##0.00;-\"$\"#,##0.00";
    public static final String DATE_FORMAT = "yyyy-mm-dd";
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static final String PERCENT_FORMAT = "0.0%";

    public enum Type { TEXT, MONEY, DATE, COUNT, PERCENT }

    public record Column(String name, Type type, double width) {
        public static Column text(String name) { return new Column(name, Type.TEXT, 16); }

        public static Column text(String name, double width) { return new Column(name, Type.TEXT, width); }

        public static Column money(String name) { return new Column(name, Type.MONEY, 14); }

        public static Column date(String name) { return new Column(name, Type.DATE, 12); }

        public static Column count(String name) { return new Column(name, Type.COUNT, 10); }

        public static Column percent(String name) { return new Column(name, Type.PERCENT, 10); }
    }

    private Xlsx() { }

    /** A table sheet being written; {@link #finish()} sets the autofilter over the rows written and ends it. */
    public static final class Table {
        private final Worksheet ws;
        private final List<Column> columns;
        private int row = 1;

        Table(Workbook wb, String name, List<Column> columns) {
            this.ws = wb.newWorksheet(name);
            this.columns = columns;
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c).name());
                ws.style(0, c).bold().set();
                ws.width(c, columns.get(c).width());
            }
            ws.freezePane(0, 1);
        }

        /** One record; values in column order (null = empty cell). */
        public void row(Object... values) throws IOException {
            if (row > MAX_DATA_ROWS) throw new IllegalStateException("more rows than an Excel sheet holds");
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) continue;
                switch (columns.get(c).type()) {
                    case MONEY -> {
                        ws.value(row, c, (BigDecimal) v);
                        ws.style(row, c).format(MONEY_FORMAT).set();
                    }
                    case DATE -> {
                        ws.value(row, c, (LocalDate) v);
                        ws.style(row, c).format(DATE_FORMAT).set();
                    }
                    case COUNT -> ws.value(row, c, (Number) v);
                    case PERCENT -> {
                        ws.value(row, c, (Number) v);
                        ws.style(row, c).format(PERCENT_FORMAT).set();
                    }
                    default -> ws.value(row, c, v.toString());
                }
            }
            row++;
            if (row % 5000 == 0) ws.flush(); // bounded memory: rows go to the response as they are written
        }

        public int rows() { return row - 1; }

        public void finish() throws IOException {
            ws.setAutoFilter(0, 0, Math.max(row - 1, 1), columns.size() - 1);
            ws.finish();
        }
    }

    public static Table table(Workbook wb, String name, List<Column> columns) {
        return new Table(wb, name, columns);
    }

    public static Workbook workbook(java.io.OutputStream out) {
        return new Workbook(out, "oncoaudit", "1.0");
    }
}
