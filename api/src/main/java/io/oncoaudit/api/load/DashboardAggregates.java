package io.oncoaudit.api.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The dashboard's aggregates of one run (Flyway V3): findings per day of service and (billed, expected)
 * code, claims audited per day of service, and the billing providers' names. Computed from the run's
 * fresh partition tables in the load's transaction, before they are attached (one scan each, no index).
 */
final class DashboardAggregates {
    private DashboardAggregates() { }

    static void refresh(Connection c, long runPk, long encounters) throws SQLException {
        String findings = RunLoader.partition("findings", runPk);
        String encounterTable = RunLoader.partition("encounters", runPk);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO code_day_agg (run_pk, date_of_service, billed_code, expected_code,
                                              findings, underpayment, overpayment, denial, amount, compliance)
                    SELECT run_pk, date_of_service, billed_code, expected_code, count(*),
                           coalesce(sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT'), 0),
                           coalesce(sum(amount) FILTER (WHERE direction = 'OVERPAYMENT'), 0),
                           coalesce(sum(amount) FILTER (WHERE direction = 'DENIAL'), 0),
                           sum(amount), count(*) FILTER (WHERE direction = 'COMPLIANCE')
                    FROM\s""" + findings + " GROUP BY run_pk, date_of_service, billed_code, expected_code");
            s.executeUpdate("INSERT INTO encounter_day_agg (run_pk, date_of_service, encounters)"
                    + " SELECT run_pk, date_of_service, count(*) FROM " + encounterTable + " GROUP BY run_pk, date_of_service");
            // names from the encounter results (one row per claim); a run without them: from its findings
            s.executeUpdate(providerNames(encounters > 0 ? encounterTable : findings));
        }
    }

    /** The most frequent non-empty name per NPI (ties: the first in text order), so one odd row does not win. */
    private static String providerNames(String table) {
        return "INSERT INTO provider_names (run_pk, billing_npi, provider_name)"
                + " SELECT DISTINCT ON (run_pk, billing_npi) run_pk, billing_npi, provider_name"
                + " FROM (SELECT run_pk, billing_npi, provider_name, count(*) AS n FROM " + table
                + "       WHERE provider_name IS NOT NULL AND provider_name <> '' GROUP BY run_pk, billing_npi, provider_name) named"
                + " ORDER BY run_pk, billing_npi, n DESC, provider_name";
    }
}
