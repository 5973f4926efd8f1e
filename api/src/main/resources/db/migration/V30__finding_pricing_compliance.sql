-- Issue 14 (contract sections 4 and 10): how each finding was priced, and COMPLIANCE findings counted apart.
-- The pricing columns are the audit's findings Parquet columns (audit-batch Stage: billed_price, billed_value,
-- expected_price, expected_charge_basis, expected_value, table_version, pricing_note); runs written before
-- them load with nulls.
ALTER TABLE findings ADD COLUMN billed_price NUMERIC(18,6);
ALTER TABLE findings ADD COLUMN billed_value NUMERIC(12,2);
ALTER TABLE findings ADD COLUMN expected_price NUMERIC(18,6);
ALTER TABLE findings ADD COLUMN expected_charge_basis NUMERIC(12,2);
ALTER TABLE findings ADD COLUMN expected_value NUMERIC(12,2);
ALTER TABLE findings ADD COLUMN table_version TEXT;
ALTER TABLE findings ADD COLUMN pricing_note TEXT;

-- COMPLIANCE findings (amount 0: the coding is wrong, no money moves) are counted on their own, never money
ALTER TABLE summary_agg ADD COLUMN compliance BIGINT NOT NULL DEFAULT 0;
ALTER TABLE code_day_agg ADD COLUMN compliance BIGINT NOT NULL DEFAULT 0;

UPDATE summary_agg a SET compliance = x.n
FROM (SELECT run_pk, payer_id, billing_npi, kind, service_month, count(*) AS n FROM findings
      WHERE direction = 'COMPLIANCE' GROUP BY run_pk, payer_id, billing_npi, kind, service_month) x
WHERE a.run_pk = x.run_pk AND a.payer_id = x.payer_id AND a.billing_npi = x.billing_npi AND a.kind = x.kind
  AND a.service_month = x.service_month;

-- code_day_agg has no key: rebuilt for the runs that hold COMPLIANCE findings
DELETE FROM code_day_agg WHERE run_pk IN (SELECT DISTINCT run_pk FROM findings WHERE direction = 'COMPLIANCE');
INSERT INTO code_day_agg (run_pk, date_of_service, billed_code, expected_code, findings, underpayment, overpayment, denial,
                          amount, compliance)
SELECT run_pk, date_of_service, billed_code, expected_code, count(*),
       coalesce(sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT'), 0),
       coalesce(sum(amount) FILTER (WHERE direction = 'OVERPAYMENT'), 0),
       coalesce(sum(amount) FILTER (WHERE direction = 'DENIAL'), 0),
       sum(amount), count(*) FILTER (WHERE direction = 'COMPLIANCE')
FROM findings WHERE run_pk IN (SELECT DISTINCT run_pk FROM findings WHERE direction = 'COMPLIANCE')
GROUP BY run_pk, date_of_service, billed_code, expected_code;

-- the review list of unclassified drugs (GET /api/review/unclassified-drugs): only the encounters that have any
CREATE INDEX encounters_unclassified_idx ON encounters (date_of_service DESC, claim_id, run_pk)
    WHERE unclassified_drugs_json IS NOT NULL AND unclassified_drugs_json <> '[]';

-- reporting views (V7): the pricing figures and the compliance count, appended (no patient-level data)
CREATE OR REPLACE VIEW reporting.findings AS
SELECT r.run_id, f.run_pk AS load_id, f.claim_id, f.finding_index, f.line_number, f.date_of_service, f.service_month,
       f.payer_id, f.payer_name, f.billing_npi, f.rendering_npi, f.provider_name, f.place_of_service,
       f.kind, f.rule_id, f.billed_code, f.expected_code, f.billed_units, f.expected_units, f.direction, f.amount,
       coalesce(s.status, 'OPEN') AS status,
       f.billed_price, f.billed_value, f.expected_price, f.expected_charge_basis, f.expected_value, f.table_version
FROM findings f
JOIN runs r ON r.id = f.run_pk
LEFT JOIN finding_status s ON s.run_pk = f.run_pk AND s.claim_id = f.claim_id AND s.finding_index = f.finding_index;
COMMENT ON VIEW reporting.findings IS 'One row per finding (no patient id, no explanation text); amount is positive, its direction says which way the money moves (COMPLIANCE: none, amount 0); billed/expected price, value and charge basis and the table version say how it was priced';

CREATE OR REPLACE VIEW reporting.summary AS
SELECT r.run_id, a.run_pk AS load_id, a.payer_id, a.billing_npi, n.provider_name, a.kind, a.service_month,
       a.findings, a.underpayment, a.overpayment, a.denial, a.compliance
FROM summary_agg a
JOIN runs r ON r.id = a.run_pk
LEFT JOIN provider_names n ON n.run_pk = a.run_pk AND n.billing_npi = a.billing_npi;
COMMENT ON VIEW reporting.summary IS 'Findings and money per run, payer, billing provider, finding kind and month of service; underpayment, overpayment and denial are never added together; compliance counts the findings that move no money';
