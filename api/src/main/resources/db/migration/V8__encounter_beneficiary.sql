-- Appeal letters (issue 16): the claim extract's optional columns member_id, patient_name and
-- payer_claim_number (contract section 1) kept with each encounter, for the letters only. Nullable: runs
-- loaded before, and extracts without the columns, leave them empty and the letter says they are missing.
ALTER TABLE encounters ADD COLUMN member_id TEXT;
ALTER TABLE encounters ADD COLUMN patient_name TEXT;
ALTER TABLE encounters ADD COLUMN payer_claim_number TEXT;
