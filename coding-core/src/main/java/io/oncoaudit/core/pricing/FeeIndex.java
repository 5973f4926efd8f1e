package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Price lookup shared by every schedule (contract section 2). Per code, the rows are kept in the order they are
 * tried; the first row that matches payer, setting and date of service wins:
 * <ol>
 * <li>only rows whose effective range holds the date of service take part (blank from = always, blank to = open);</li>
 * <li>exact payer beats '*', and exact setting beats '*'. When the two conflict, payer wins: a payer's own
 *     any-setting price beats the all-payer price for the setting (order: payer+setting, payer+'*',
 *     '*'+setting, '*'+'*'), because a payer contract is more specific than a generic setting rate;</li>
 * <li>among equally specific rows that hold the date, the one with the latest effective_from wins (a newer
 *     price supersedes an open-ended default); on equal from, the one ending first (the narrower range).
 *     Two rows with the same payer, code, setting and range are rejected when loading.</li>
 * </ol>
 * Lookups allocate nothing on the hot path (codes and payers as stored); immutable and thread-safe.
 */
final class FeeIndex {
    private static final Comparator<LocalDate> FROM_NEWEST_FIRST = Comparator.nullsLast(Comparator.<LocalDate>reverseOrder());
    private static final Comparator<LocalDate> TO_EARLIEST_FIRST = Comparator.nullsLast(Comparator.<LocalDate>naturalOrder());
    static final Comparator<FeeRow> TRY_ORDER = Comparator.comparingInt(FeeRow::specificity)
            .thenComparing(FeeRow::effectiveFrom, FROM_NEWEST_FIRST)
            .thenComparing(FeeRow::effectiveTo, TO_EARLIEST_FIRST);

    private final Map<String, FeeRow[]> byCode;
    private final int rowCount;

    private FeeIndex(Map<String, FeeRow[]> byCode, int rowCount) {
        this.byCode = byCode;
        this.rowCount = rowCount;
    }

    /** Builds the index; codes and payer ids must already be upper case. */
    static FeeIndex of(String source, List<FeeRow> rows) {
        Map<String, List<FeeRow>> grouped = new HashMap<>();
        for (FeeRow r : rows) grouped.computeIfAbsent(r.procedureCode(), k -> new ArrayList<>()).add(r);
        Map<String, FeeRow[]> byCode = new HashMap<>(grouped.size() * 2);
        for (Map.Entry<String, List<FeeRow>> e : grouped.entrySet()) {
            List<FeeRow> list = e.getValue();
            list.sort(TRY_ORDER);
            for (int i = 1; i < list.size(); i++) {
                FeeRow a = list.get(i - 1), b = list.get(i);
                if (a.payerId().equals(b.payerId()) && a.setting() == b.setting()
                        && Objects.equals(a.effectiveFrom(), b.effectiveFrom()) && Objects.equals(a.effectiveTo(), b.effectiveTo())) {
                    long later = Math.max(a.line(), b.line());
                    throw new TableFormatException(source, later, "payer " + b.payerId() + ", code " + b.procedureCode()
                            + ", setting " + (b.setting() == null ? "*" : b.setting()) + " is priced twice for the same dates"
                            + " (lines " + Math.min(a.line(), b.line()) + " and " + later + "); keep one row or give them"
                            + " different effective_from/effective_to");
                }
            }
            byCode.put(e.getKey(), list.toArray(new FeeRow[0]));
        }
        return new FeeIndex(byCode, rows.size());
    }

    BigDecimal find(String payerId, String procedureCode, Setting setting, LocalDate dos) {
        if (procedureCode == null) return null;
        FeeRow[] rows = byCode.get(procedureCode);
        if (rows == null) {
            String norm = procedureCode.trim().toUpperCase(Locale.ROOT);
            if (norm.equals(procedureCode)) return null;
            rows = byCode.get(norm);
            if (rows == null) return null;
        }
        for (FeeRow r : rows) {
            if (!r.anyPayer() && (payerId == null || !r.payerId().equalsIgnoreCase(payerId.trim()))) continue;
            if (r.setting() != null && r.setting() != setting) continue;
            if (!r.holds(dos)) continue;
            return r.allowedAmount();
        }
        return null;
    }

    int rowCount() { return rowCount; }

    int codeCount() { return byCode.size(); }
}
