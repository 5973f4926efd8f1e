-- Contract section 1 optional claim columns kept with each encounter (issues 14 and 16): the claim form
-- (PROFESSIONAL / INSTITUTIONAL) and the institutional type of bill decide a corrected claim's route (type of bill
-- 137 for a hospital's institutional claim), and the recoder's unclassified drugs are listed for review.
-- Nullable: runs loaded before, and extracts without the columns, leave them empty.
ALTER TABLE encounters ADD COLUMN claim_type TEXT;
ALTER TABLE encounters ADD COLUMN bill_type TEXT;
ALTER TABLE encounters ADD COLUMN unclassified_drugs_json TEXT;
