package io.oncoaudit.api.appeals.campaign;

import io.oncoaudit.api.appeals.state.ClaimState;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identified -> appealed -> recovered, by payer (issue 7). {@code identified}: underpayments and denials the
 * loaded audits found (all of them, or one campaign's claims when asked for one); {@code inCampaigns}: the
 * part put into campaigns; {@code appealed}: claimed on claims sent to the payer; {@code recovered}: paid
 * back. {@code recoverable} leaves out claims past their deadline and closed ones. A claim counts once
 * however many campaigns held it ({@link #oncePerClaim}).
 */
@ApplicationScoped
public class RecoveryReport {
    private final CampaignRepository repo;
    private final CampaignService campaigns;

    public RecoveryReport(CampaignRepository repo, CampaignService campaigns) {
        this.repo = repo;
        this.campaigns = campaigns;
    }

    public static final class Row {
        public String payerId;
        public long identifiedFindings;
        public BigDecimal identified = CampaignService.ZERO;
        public int campaignClaims;
        public BigDecimal inCampaigns = CampaignService.ZERO;
        public int appealedClaims;
        public BigDecimal appealed = CampaignService.ZERO;
        public BigDecimal recovered = CampaignService.ZERO;
        public int pending;
        public int won;
        public int partiallyWon;
        public int lost;
        public int withdrawn;
        public int pastDeadlineClaims;
        public BigDecimal pastDeadline = CampaignService.ZERO;
        public BigDecimal recoverable = CampaignService.ZERO;
        /** recovered / appealed, 0..1; null before anything was appealed. */
        public BigDecimal recoveryRate;

        Row(String payerId) { this.payerId = payerId; }
    }

    public record Report(Long campaignId, LocalDate asOf, Row total, List<Row> byPayer) { }

    public Report report(Long campaignId) {
        Map<String, Row> rows = new TreeMap<>();
        if (campaignId == null) {
            for (Object[] r : repo.identifiedByPayer()) {
                Row row = rows.computeIfAbsent((String) r[0], Row::new);
                row.identifiedFindings = (Long) r[1];
                row.identified = ((BigDecimal) r[2]).setScale(2);
            }
        } else {
            campaigns.campaign(campaignId);
        }
        LocalDate today = campaigns.today();
        for (ClaimRow c : campaignId == null ? oncePerClaim(repo.claims(null)) : repo.claims(campaignId)) {
            ClaimView v = campaigns.claimView(c, today, null);
            Row row = rows.computeIfAbsent(c.payerId(), Row::new);
            if (campaignId != null) {
                row.identifiedFindings += c.findings();
                row.identified = row.identified.add(c.claimed());
            }
            row.campaignClaims++;
            row.inCampaigns = row.inCampaigns.add(c.claimed());
            if (c.state().appealed()) {
                row.appealedClaims++;
                row.appealed = row.appealed.add(c.claimed());
            }
            if (c.amountRecovered() != null) row.recovered = row.recovered.add(c.amountRecovered());
            switch (c.state()) {
                case SUBMITTED -> row.pending++;
                case WON -> row.won++;
                case PARTIALLY_WON -> row.partiallyWon++;
                case LOST -> row.lost++;
                case WITHDRAWN -> row.withdrawn++;
                default -> { }
            }
            if (v.pastDeadline()) {
                row.pastDeadlineClaims++;
                row.pastDeadline = row.pastDeadline.add(c.claimed());
            }
            row.recoverable = row.recoverable.add(v.recoverable());
        }
        Row total = new Row("*");
        for (Row r : rows.values()) {
            total.identifiedFindings += r.identifiedFindings;
            total.identified = total.identified.add(r.identified);
            total.campaignClaims += r.campaignClaims;
            total.inCampaigns = total.inCampaigns.add(r.inCampaigns);
            total.appealedClaims += r.appealedClaims;
            total.appealed = total.appealed.add(r.appealed);
            total.recovered = total.recovered.add(r.recovered);
            total.pending += r.pending;
            total.won += r.won;
            total.partiallyWon += r.partiallyWon;
            total.lost += r.lost;
            total.withdrawn += r.withdrawn;
            total.pastDeadlineClaims += r.pastDeadlineClaims;
            total.pastDeadline = total.pastDeadline.add(r.pastDeadline);
            total.recoverable = total.recoverable.add(r.recoverable);
            rate(r);
        }
        rate(total);
        return new Report(campaignId, today, total, new ArrayList<>(rows.values()));
    }

    /**
     * One row per claim id, however many campaigns held it (an archived campaign and a new one, or a
     * re-audit of the claim in a later run): the one furthest along (a decision, then submitted, then
     * draft or ready, then withdrawn), the newest campaign's among equals. A claim is counted, claimed and
     * recovered once.
     */
    static List<ClaimRow> oncePerClaim(List<ClaimRow> rows) {
        Map<String, ClaimRow> best = new java.util.LinkedHashMap<>();
        for (ClaimRow c : rows) {
            best.merge(c.claimId(), c, (a, b) -> {
                int ra = progress(a.state()), rb = progress(b.state());
                if (ra != rb) return ra > rb ? a : b;
                return a.campaignId() >= b.campaignId() ? a : b;
            });
        }
        return new ArrayList<>(best.values());
    }

    private static int progress(ClaimState s) {
        if (s.isDecision()) return 3;
        if (s == ClaimState.SUBMITTED) return 2;
        return s == ClaimState.WITHDRAWN ? 0 : 1;
    }

    private static void rate(Row r) {
        r.recoveryRate = r.appealed.signum() == 0 ? null
                : r.recovered.divide(r.appealed, 4, java.math.RoundingMode.HALF_EVEN);
    }

}
