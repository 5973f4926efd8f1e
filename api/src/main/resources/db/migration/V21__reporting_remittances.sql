-- Issue 15: the payers' remittances (audit --remits) for BI tools, beside reporting.findings (Flyway V7). No patient
-- data (no patient id, name or free text). Denials on remittance (what a payer decided) are their own columns and
-- views: reporting.findings' DENIAL direction is the rules' prediction; nothing here adds the two together.

-- one row per remittance service line (and per remittance claim paid without service lines, service_line = false)
CREATE VIEW reporting.remittance_lines AS
SELECT r.run_id, l.run_pk AS load_id, l.claim_id, l.line_number, (l.line_number IS NULL) AS unmatched, l.claim_matched,
       l.is_line AS service_line, l.payer_id, l.billing_npi, l.provider_name, l.payer_key AS remit_payer_id,
       l.payer_name AS remit_payer_name, l.claim_status, l.payer_claim_number, l.procedure_code, l.modifiers,
       l.adjudicated_code, l.revenue_code, l.date_of_service, to_char(l.date_of_service, 'YYYY-MM') AS service_month,
       l.units, l.charge, l.paid, l.allowed, l.patient_responsibility, l.carc, l.rarc, l.remit_status,
       CASE l.remit_status WHEN 'DENIED' THEN 'denial' WHEN 'REJECTED' THEN 'rejection' WHEN 'ZERO_PAY' THEN 'zero-pay'
            WHEN 'UNDERPAID' THEN 'underpayment' WHEN 'PAID' THEN 'paid' END AS revenue_cycle_category,
       l.expected_value, l.shortfall
FROM remit_lines l
JOIN runs r ON r.id = l.run_pk;
COMMENT ON VIEW reporting.remittance_lines IS 'One row per remittance (X12 835) service line of every loaded run: paid, allowed, CARC/RARC, status (denial, rejection, zero-pay, underpayment, paid); expected_value = the line as billed on the fee schedule, shortfall = expected_value - allowed on an underpaid line; unmatched = no billed line matched';

-- one row per CAS adjustment of a remittance service line (group, reason code, amount)
CREATE VIEW reporting.remittance_adjustments AS
SELECT r.run_id, l.run_pk AS load_id, l.claim_id, l.line_number, l.payer_id, l.billing_npi, l.date_of_service,
       to_char(l.date_of_service, 'YYYY-MM') AS service_month, l.remit_status,
       a->>'group' AS adjustment_group, a->>'carc' AS carc, (a->>'amount')::numeric(12,2) AS adjustment_amount
FROM remit_lines l
JOIN runs r ON r.id = l.run_pk
CROSS JOIN LATERAL jsonb_array_elements(l.adjustments) a
WHERE l.is_line;
COMMENT ON VIEW reporting.remittance_adjustments IS 'One row per claim adjustment (CAS group and reason code, amount) of each remittance service line: denials on remittance by CARC and payer';

-- what the remittance says about each finding's billed line (join to reporting.findings on load_id, claim_id, finding_index)
CREATE VIEW reporting.finding_remittances AS
SELECT r.run_id, f.run_pk AS load_id, f.claim_id, f.finding_index, f.line_number, f.payer_id, f.kind, f.direction,
       f.remit_status, f.remit_paid, f.remit_allowed, f.remit_carc, f.remit_rarc, f.remit_claim_status, f.remit_payer_claim_number
FROM findings f
JOIN runs r ON r.id = f.run_pk
WHERE f.remit_status IS NOT NULL OR f.remit_claim_status IS NOT NULL;
COMMENT ON VIEW reporting.finding_remittances IS 'The remittance of each finding whose claim has one: the status of its billed line on the 835 (DENIED, REJECTED, ZERO_PAY, UNDERPAID, PAID; null when no remittance line matched it), paid, allowed, CARCs, RARCs';

-- the reporting role reads them (V10 set default privileges; explicit for an operator whose migrations ran as another user)
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oncoaudit_reporting') THEN
    GRANT SELECT ON reporting.remittance_lines, reporting.remittance_adjustments, reporting.finding_remittances TO oncoaudit_reporting;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oncoaudit_app') THEN
    GRANT SELECT ON reporting.remittance_lines, reporting.remittance_adjustments, reporting.finding_remittances TO oncoaudit_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON remit_lines, remit_carc_agg TO oncoaudit_app;
  END IF;
END $$;
