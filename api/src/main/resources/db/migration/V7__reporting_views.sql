-- Read-only views for BI tools (issue 16): schema "reporting", documented in api/README.md ("Reporting
-- views"). They hold no patient-level data (no patient id, no free text that could name a patient), so
-- a reporting role may read them without access to the tables (the security set-up grants it).
-- Money is numeric; each direction has its own column and no column adds directions together.
CREATE SCHEMA IF NOT EXISTS reporting;
COMMENT ON SCHEMA reporting IS 'oncoaudit views for BI tools: findings, summaries, campaigns, recovery (no patient-level data)';

-- one row per finding of every loaded run
CREATE VIEW reporting.findings AS
SELECT r.run_id, f.run_pk AS load_id, f.claim_id, f.finding_index, f.line_number, f.date_of_service, f.service_month,
       f.payer_id, f.payer_name, f.billing_npi, f.rendering_npi, f.provider_name, f.place_of_service,
       f.kind, f.rule_id, f.billed_code, f.expected_code, f.billed_units, f.expected_units, f.direction, f.amount,
       coalesce(s.status, 'OPEN') AS status
FROM findings f
JOIN runs r ON r.id = f.run_pk
LEFT JOIN finding_status s ON s.run_pk = f.run_pk AND s.claim_id = f.claim_id AND s.finding_index = f.finding_index;
COMMENT ON VIEW reporting.findings IS 'One row per finding (no patient id, no explanation text); amount is positive, its direction says which way the money moves';

-- findings and money per run, payer, provider, kind and month of service (the summaries' grain)
CREATE VIEW reporting.summary AS
SELECT r.run_id, a.run_pk AS load_id, a.payer_id, a.billing_npi, n.provider_name, a.kind, a.service_month,
       a.findings, a.underpayment, a.overpayment, a.denial
FROM summary_agg a
JOIN runs r ON r.id = a.run_pk
LEFT JOIN provider_names n ON n.run_pk = a.run_pk AND n.billing_npi = a.billing_npi;
COMMENT ON VIEW reporting.summary IS 'Findings and money per run, payer, billing provider, finding kind and month of service; underpayment, overpayment and denial are never added together';

-- campaigns with their totals
CREATE VIEW reporting.campaigns AS
SELECT k.id AS campaign_id, k.name, k.owner, k.created_at, k.archived_at, (k.archived_at IS NULL) AS open,
       k.filter_run_id, k.filter_payer_id, k.filter_kind, k.filter_billing_npi, k.filter_direction, k.filter_from, k.filter_to,
       k.filter_min_amount, k.filter_max_amount,
       count(c.claim_id) AS claims,
       coalesce(sum(c.underpayment), 0) AS underpayment, coalesce(sum(c.overpayment), 0) AS overpayment,
       coalesce(sum(c.denial), 0) AS denial,
       coalesce(sum(c.underpayment + c.denial), 0) AS claimed,
       coalesce(sum(c.amount_recovered), 0) AS recovered
FROM appeal_campaigns k
LEFT JOIN appeal_claims c ON c.campaign_id = k.id
GROUP BY k.id;
COMMENT ON VIEW reporting.campaigns IS 'One row per appeals campaign; claimed = underpayment + denial asked back; recovered = what payers paid back';

-- every campaign claim and where its appeal stands
CREATE VIEW reporting.campaign_claims AS
SELECT c.campaign_id, c.claim_id, r.run_id, c.payer_id, c.payer_name, c.billing_npi, c.provider_name, c.date_of_service,
       c.findings, c.underpayment, c.overpayment, c.denial, (c.underpayment + c.denial) AS claimed, c.state,
       c.state_changed_at, c.determination_date, c.submitted_on, c.decided_on, c.amount_recovered,
       (k.archived_at IS NULL) AS campaign_open
FROM appeal_claims c
JOIN appeal_campaigns k ON k.id = c.campaign_id
JOIN runs r ON r.id = c.run_pk;
COMMENT ON VIEW reporting.campaign_claims IS 'One row per claim of each campaign (a claim may appear in an archived and an open campaign; reporting.recovery counts it once)';

-- identified -> in campaigns -> appealed -> recovered by payer; a claim counts once, from the campaign
-- where it went furthest (a decision, then submitted, then draft/ready, then withdrawn; newest campaign first)
CREATE VIEW reporting.recovery AS
WITH once AS (
    SELECT DISTINCT ON (c.claim_id) c.*
    FROM appeal_claims c
    ORDER BY c.claim_id,
             CASE WHEN c.state IN ('won', 'partially_won', 'lost') THEN 3 WHEN c.state = 'submitted' THEN 2
                  WHEN c.state = 'withdrawn' THEN 0 ELSE 1 END DESC,
             c.campaign_id DESC
), identified AS (
    SELECT payer_id, sum(underpayment + denial) AS identified FROM summary_agg GROUP BY payer_id
)
SELECT coalesce(i.payer_id, o.payer_id) AS payer_id,
       coalesce(i.identified, 0) AS identified,
       count(o.claim_id) AS campaign_claims,
       coalesce(sum(o.underpayment + o.denial), 0) AS in_campaigns,
       count(o.claim_id) FILTER (WHERE o.state IN ('submitted', 'won', 'partially_won', 'lost')) AS appealed_claims,
       coalesce(sum(o.underpayment + o.denial) FILTER (WHERE o.state IN ('submitted', 'won', 'partially_won', 'lost')), 0) AS appealed,
       coalesce(sum(o.amount_recovered), 0) AS recovered,
       count(o.claim_id) FILTER (WHERE o.state = 'won') AS won,
       count(o.claim_id) FILTER (WHERE o.state = 'partially_won') AS partially_won,
       count(o.claim_id) FILTER (WHERE o.state = 'lost') AS lost
FROM identified i
FULL JOIN once o ON o.payer_id = i.payer_id
GROUP BY coalesce(i.payer_id, o.payer_id), i.identified;
COMMENT ON VIEW reporting.recovery IS 'Per payer: underpayment + denial identified by the audits, put into campaigns, appealed and recovered; each claim once';
