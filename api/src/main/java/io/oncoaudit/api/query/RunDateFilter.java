package io.oncoaudit.api.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The summaries' scope: a run id (all its loads) and an inclusive date-of-service range; null = not filtered. */
final class RunDateFilter {
    private RunDateFilter() { }

    /** Appends "AND ..." conditions on {@code alias} (run_pk, date_of_service) and returns their parameters. */
    static List<Object> append(StringBuilder sql, String alias, String runId, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        if (runId != null) {
            sql.append(" AND ").append(alias).append(".run_pk IN (SELECT id FROM runs WHERE run_id = ?)");
            params.add(runId);
        }
        if (from != null) {
            sql.append(" AND ").append(alias).append(".date_of_service >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND ").append(alias).append(".date_of_service <= ?");
            params.add(to);
        }
        return params;
    }
}
