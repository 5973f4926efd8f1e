package io.oncoaudit.api.appeals.campaign;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.appeals.state.ClaimState;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Campaign tables with plain SQL (the api's style): creation in one snapshot, claims, state changes. */
@ApplicationScoped
public class CampaignRepository {
    private static final String CLAIM_COLUMNS = """
            c.campaign_id, c.claim_id, c.run_pk, r.run_id, c.payer_id, c.payer_name, c.billing_npi, c.provider_name,
            c.date_of_service, c.findings, c.amount, c.underpayment, c.overpayment, c.denial, c.state,
            c.state_changed_at, c.state_changed_by, c.determination_date, c.submitted_on, c.decided_on,
            c.amount_recovered, c.note, c.claim_type""";

    private final AgroalDataSource ds;

    public CampaignRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** A connection in a transaction; the work commits when it returns and rolls back when it throws. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T inTransaction(int isolation, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            int level = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(level);
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaign database work failed: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the campaign with every claim whose findings match the filter, in one snapshot (REPEATABLE
     * READ), so a run loaded meanwhile cannot split a claim between the claim and finding rows.
     */
    public long create(String name, String owner, CampaignFilter filter) {
        return inTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            // one creation at a time: two campaigns created together cannot both take the same claim
            try (PreparedStatement ps = c.prepareStatement("LOCK TABLE appeal_claims IN SHARE ROW EXCLUSIVE MODE")) {
                ps.execute();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO appeal_campaigns (name, owner, filter_run_id, filter_payer_id, filter_kind, filter_billing_npi,
                      filter_direction, filter_from, filter_to, filter_min_amount, filter_max_amount, filter_remit_status, filter_carc)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")) {
                bind(ps, List.of(name, owner), filter.runId(), filter.payerId(), filter.kind(), filter.billingNpi(),
                        filter.direction(), filter.from(), filter.to(), filter.minAmount(), filter.maxAmount(), filter.remitStatus(),
                        filter.carc());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            StringBuilder picked = new StringBuilder("""
                    SELECT f.run_pk, f.claim_id, f.finding_index, f.payer_id, f.payer_name, f.billing_npi, f.provider_name,
                           f.date_of_service, f.direction, f.amount
                    FROM findings f WHERE TRUE""");
            List<Object> params = new ArrayList<>();
            filter.where(picked, params);
            List<Conflict> conflicts = new ArrayList<>();
            long conflicting = 0;
            try (PreparedStatement ps = c.prepareStatement("WITH picked AS (" + picked + """
                    )
                    SELECT a.claim_id, k.id, k.name, count(*) OVER () FROM appeal_claims a
                    JOIN appeal_campaigns k ON k.id = a.campaign_id AND k.archived_at IS NULL
                    WHERE a.claim_id IN (SELECT claim_id FROM picked) ORDER BY k.id, a.claim_id LIMIT 20""")) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        conflicts.add(new Conflict(rs.getString(1), rs.getLong(2), rs.getString(3)));
                        conflicting = rs.getLong(4);
                    }
                }
            }
            if (!conflicts.isEmpty()) throw new ClaimsInOpenCampaigns(conflicting, conflicts);
            // what is asked back never exceeds what the corrected line can be paid (LetterData.capped, the letters' rule):
            // the line's value is the finding's priced expected_value, else the billed line's charge per unit x the
            // expected units; findings asking money back on one corrected line (same billed line and expected code) share it in order
            try (PreparedStatement ps = c.prepareStatement("WITH picked AS (" + picked + """
                    ), valued AS (
                      SELECT p.*, coalesce(fv.expected_value, (
                               SELECT round((l->>'chargeAmount')::numeric * fv.expected_units / nullif((l->>'units')::numeric, 0), 2)
                               FROM encounters e, jsonb_array_elements(CASE WHEN e.billed_lines_json IS NULL OR e.billed_lines_json = ''
                                 THEN '[]'::jsonb ELSE e.billed_lines_json::jsonb END) l
                               WHERE e.claim_id = p.claim_id AND e.run_pk = p.run_pk AND fv.line_number IS NOT NULL
                                 AND fv.expected_units IS NOT NULL AND (l->>'lineNumber')::int = fv.line_number
                                 AND jsonb_typeof(l->'chargeAmount') IS NOT NULL AND (l->>'chargeAmount') <> ''
                               LIMIT 1)) AS line_value, fv.expected_code AS line_code, fv.line_number
                      FROM picked p JOIN findings fv ON fv.claim_id = p.claim_id AND fv.run_pk = p.run_pk AND fv.finding_index = p.finding_index
                    ), running AS (
                      SELECT v.*, sum(amount) FILTER (WHERE direction IN ('UNDERPAYMENT', 'DENIAL')) OVER (
                               PARTITION BY claim_id, run_pk, line_number, line_code ORDER BY finding_index) AS cum
                      FROM valued v
                    ), asked AS (
                      SELECT r.*, CASE WHEN direction IN ('UNDERPAYMENT', 'DENIAL') AND line_value IS NOT NULL
                                  THEN greatest(0, least(cum, line_value) - least(cum - amount, line_value)) ELSE amount END AS asked
                      FROM running r
                    )
                    INSERT INTO appeal_claims (campaign_id, claim_id, run_pk, payer_id, payer_name, billing_npi, provider_name,
                      date_of_service, findings, amount, underpayment, overpayment, denial, state, state_changed_by, claim_type)
                    SELECT ?, a.claim_id, a.run_pk, max(a.payer_id), max(a.payer_name), max(a.billing_npi), max(a.provider_name),
                           max(a.date_of_service), count(*),
                           -- a COMPLIANCE finding moves no money: never part of a claim's amount (issue 14)
                           coalesce(sum(a.asked) FILTER (WHERE a.direction <> 'COMPLIANCE'), 0),
                           coalesce(sum(a.asked) FILTER (WHERE a.direction = 'UNDERPAYMENT'), 0),
                           coalesce(sum(a.asked) FILTER (WHERE a.direction = 'OVERPAYMENT'), 0),
                           coalesce(sum(a.asked) FILTER (WHERE a.direction = 'DENIAL'), 0), 'draft', ?,
                           (SELECT e.claim_type FROM encounters e WHERE e.claim_id = a.claim_id AND e.run_pk = a.run_pk)
                    FROM asked a GROUP BY a.claim_id, a.run_pk""")) {
                List<Object> all = new ArrayList<>(params);
                all.add(id);
                all.add(owner);
                bind(ps, all);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("WITH picked AS (" + picked + """
                    )
                    INSERT INTO appeal_claim_findings (campaign_id, claim_id, run_pk, finding_index)
                    SELECT ?, claim_id, run_pk, finding_index FROM picked""")) {
                List<Object> all = new ArrayList<>(params);
                all.add(id);
                bind(ps, all);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO appeal_state_changes (campaign_id, claim_id, from_state, to_state, changed_by, note)
                    SELECT campaign_id, claim_id, NULL, state, ?, 'added to the campaign' FROM appeal_claims WHERE campaign_id = ?""")) {
                bind(ps, List.of(owner, id));
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** A new campaign's filter picks claims that open campaigns hold (a claim is in at most one open campaign). */
    public static final class ClaimsInOpenCampaigns extends RuntimeException {
        private final long count;
        private final List<Conflict> conflicts;

        ClaimsInOpenCampaigns(long count, List<Conflict> conflicts) {
            super(count + " of the filter's claims " + (count == 1 ? "is" : "are") + " already in an open campaign: "
                    + conflicts.stream().map(x -> x.claimId() + " in campaign " + x.campaignId() + " \"" + x.campaignName() + "\"")
                    .collect(java.util.stream.Collectors.joining(", ")) + (count > conflicts.size() ? ", ..." : "")
                    + "; a claim is appealed from one open campaign at a time: narrow the filter, or archive the other campaign first");
            this.count = count;
            this.conflicts = List.copyOf(conflicts);
        }

        public long count() { return count; }

        public List<Conflict> conflicts() { return conflicts; }
    }

    public List<CampaignRow> list() {
        return query("SELECT " + CAMPAIGN_COLUMNS + " FROM appeal_campaigns ORDER BY id DESC", List.of(), this::campaign);
    }

    public Optional<CampaignRow> find(long id) {
        return query("SELECT " + CAMPAIGN_COLUMNS + " FROM appeal_campaigns WHERE id = ?", List.of(id), this::campaign)
                .stream().findFirst();
    }

    /** Claims of one campaign (or of all campaigns when {@code campaignId} is null), by claim id. */
    public List<ClaimRow> claims(Long campaignId) {
        String sql = "SELECT " + CLAIM_COLUMNS + " FROM appeal_claims c JOIN runs r ON r.id = c.run_pk"
                + (campaignId == null ? "" : " WHERE c.campaign_id = ?") + " ORDER BY c.campaign_id, c.claim_id";
        return query(sql, campaignId == null ? List.of() : List.of(campaignId), CampaignRepository::claim);
    }

    public Optional<ClaimRow> claim(long campaignId, String claimId) {
        return query("SELECT " + CLAIM_COLUMNS + " FROM appeal_claims c JOIN runs r ON r.id = c.run_pk"
                + " WHERE c.campaign_id = ? AND c.claim_id = ?", List.of(campaignId, claimId), CampaignRepository::claim)
                .stream().findFirst();
    }

    /** The claim row locked for an update inside {@code c}'s transaction. */
    public Optional<ClaimRow> lockClaim(Connection c, long campaignId, String claimId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CLAIM_COLUMNS + " FROM appeal_claims c JOIN runs r ON r.id = c.run_pk"
                + " WHERE c.campaign_id = ? AND c.claim_id = ? FOR UPDATE OF c")) {
            bind(ps, List.of(campaignId, claimId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(claim(rs)) : Optional.empty();
            }
        }
    }

    /** Writes the claim's new state and its history row in {@code c}'s transaction. */
    public void changeState(Connection c, ClaimRow before, ClaimState to, String user, LocalDate submittedOn, LocalDate decidedOn,
                            BigDecimal recovered, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE appeal_claims SET state = ?, state_changed_at = now(), state_changed_by = ?, submitted_on = ?,
                  decided_on = ?, amount_recovered = ?, note = coalesce(?, note) WHERE campaign_id = ? AND claim_id = ?""")) {
            bind(ps, List.of(to.wire(), user), submittedOn, decidedOn, recovered, note, before.campaignId(), before.claimId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO appeal_state_changes (campaign_id, claim_id, from_state, to_state, changed_by, amount_recovered, note)
                VALUES (?,?,?,?,?,?,?)""")) {
            bind(ps, List.of(before.campaignId(), before.claimId(), before.state().wire(), to.wire(), user), recovered, note);
            ps.executeUpdate();
        }
    }

    /** Sets (or clears) the remittance date and the note, without a state change. */
    public void updateDetails(Connection c, ClaimRow before, LocalDate determinationDate, boolean setDetermination, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE appeal_claims SET determination_date = CASE WHEN ? THEN ? ELSE determination_date END,
                  note = coalesce(?, note) WHERE campaign_id = ? AND claim_id = ?""")) {
            bind(ps, List.of(setDetermination), determinationDate, note, before.campaignId(), before.claimId());
            ps.executeUpdate();
        }
    }

    public List<StateChange> history(long campaignId, String claimId) {
        String sql = "SELECT id, claim_id, from_state, to_state, changed_by, changed_at, amount_recovered, note"
                + " FROM appeal_state_changes WHERE campaign_id = ?" + (claimId == null ? "" : " AND claim_id = ?") + " ORDER BY id";
        return query(sql, claimId == null ? List.of(campaignId) : List.of(campaignId, claimId), rs -> new StateChange(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getBigDecimal(7), rs.getString(8)));
    }

    /** Underpayments and denials the audits identified, by payer (the recovery report's first column). */
    public List<Object[]> identifiedByPayer() {
        return query("""
                SELECT payer_id, sum(findings) FILTER (WHERE underpayment + denial > 0), sum(underpayment + denial)
                FROM summary_agg GROUP BY payer_id ORDER BY payer_id""", List.of(),
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)});
    }

    private static final String CAMPAIGN_COLUMNS = "id, name, owner, created_at, filter_run_id, filter_payer_id, filter_kind,"
            + " filter_billing_npi, filter_direction, filter_from, filter_to, filter_min_amount, filter_max_amount, archived_at, archived_by,"
            + " filter_remit_status, filter_carc";

    private CampaignRow campaign(ResultSet rs) throws SQLException {
        return new CampaignRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                new CampaignFilter(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getBigDecimal(12),
                        rs.getBigDecimal(13), rs.getString(16), rs.getString(17)), rs.getObject(14, OffsetDateTime.class), rs.getString(15));
    }

    /** Archives an open campaign; false when there is no such open campaign. */
    public boolean archive(long id, String user) {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE appeal_campaigns SET archived_at = now(), archived_by = ? WHERE id = ? AND archived_at IS NULL")) {
                bind(ps, List.of(user, id));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A claim of the new campaign's filter that an open campaign already holds. */
    public record Conflict(String claimId, long campaignId, String campaignName) { }

    static ClaimRow claim(ResultSet rs) throws SQLException {
        return new ClaimRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getBigDecimal(11),
                rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14), ClaimState.parse("state", rs.getString(15)),
                rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getObject(18, LocalDate.class),
                rs.getObject(19, LocalDate.class), rs.getObject(20, LocalDate.class), rs.getBigDecimal(21), rs.getString(22),
                rs.getString(23));
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, List<Object> params, Mapper<T> mapper) {
        List<T> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(mapper.map(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaign query failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Binds {@code first} then {@code more} in order; nulls are allowed in {@code more}. */
    static void bind(PreparedStatement ps, List<Object> first, Object... more) throws SQLException {
        int i = 1;
        for (Object p : first) set(ps, i++, p);
        for (Object p : more) set(ps, i++, p);
    }

    private static void set(PreparedStatement ps, int i, Object p) throws SQLException {
        if (p == null) ps.setNull(i, java.sql.Types.NULL);
        else if (p instanceof LocalDate d) ps.setDate(i, Date.valueOf(d));
        else ps.setObject(i, p);
    }
}
