-- Remittances (issue 15 point 7, contract section 11): what the payer's X12 835 said about each claim line,
-- loaded from an audit run's remits/ folder (audit --remits). A run without remittances loads nothing here.

-- one row per netted remittance service line of remits/lines (matched or not), and one per remittance claim
-- adjudicated without service lines (is_line = false); line_number is the billed line it matched, null when
-- it matched none (those rows are remits/unmatched). payer_id, billing_npi and provider_name are the
-- extract's (from the run's encounter of the claim), null for a claim that is not in the extract.
CREATE TABLE remit_lines (
    run_pk                 BIGINT        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    row_number             BIGINT        NOT NULL,
    file                   TEXT,
    segment_position       INT,
    claim_id               TEXT          NOT NULL,
    payer_key              TEXT,
    payer_name             TEXT,
    claim_status           TEXT,
    payer_claim_number     TEXT,
    claim_matched          BOOLEAN       NOT NULL,
    is_line                BOOLEAN       NOT NULL,
    line_number            INT,
    procedure_code         TEXT,
    modifiers              TEXT,
    adjudicated_code       TEXT,
    adjudicated_modifiers  TEXT,
    revenue_code           TEXT,
    date_of_service        DATE,
    units                  NUMERIC(18,6),
    charge                 NUMERIC(12,2),
    paid                   NUMERIC(12,2),
    allowed                NUMERIC(12,2),
    allowed_basis          TEXT,
    patient_responsibility NUMERIC(12,2),
    -- [{"group":"CO","carc":"16","amount":12.50}, ...] (CAS group, reason code, amount)
    adjustments            JSONB         NOT NULL DEFAULT '[]',
    carc                   TEXT,
    rarc                   TEXT,
    remit_status           TEXT,
    expected_price         NUMERIC(18,6),
    expected_value         NUMERIC(12,2),
    shortfall              NUMERIC(12,2),
    note                   TEXT,
    payer_id               TEXT,
    billing_npi            TEXT,
    provider_name          TEXT,
    PRIMARY KEY (run_pk, row_number)
);
CREATE INDEX remit_lines_claim_idx ON remit_lines (claim_id, run_pk, line_number);
CREATE INDEX remit_lines_status_idx ON remit_lines (run_pk, remit_status);

-- summary.json's remits.byCarc per run (CAS group x CARC over the service lines: lines, amount); the CARCs a
-- filter may name
CREATE TABLE remit_carc_agg (
    run_pk  BIGINT        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    grp     TEXT          NOT NULL,
    carc    TEXT          NOT NULL,
    lines   BIGINT        NOT NULL,
    amount  NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (run_pk, grp, carc)
);

ALTER TABLE runs ADD COLUMN remit_lines_count BIGINT NOT NULL DEFAULT 0;

-- what the remittance says about each finding's billed line (audit --remits adds these columns to findings/)
ALTER TABLE findings ADD COLUMN remit_status TEXT;
ALTER TABLE findings ADD COLUMN remit_paid NUMERIC(12,2);
ALTER TABLE findings ADD COLUMN remit_allowed NUMERIC(12,2);
ALTER TABLE findings ADD COLUMN remit_carc TEXT;
ALTER TABLE findings ADD COLUMN remit_rarc TEXT;
ALTER TABLE findings ADD COLUMN remit_claim_status TEXT;
ALTER TABLE findings ADD COLUMN remit_payer_claim_number TEXT;

-- a campaign built from real denials: its filter's remittance fields
ALTER TABLE appeal_campaigns ADD COLUMN filter_remit_status TEXT;
ALTER TABLE appeal_campaigns ADD COLUMN filter_carc TEXT;
