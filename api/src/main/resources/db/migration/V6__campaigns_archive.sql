-- Appeals campaigns (issue 16): a campaign can be archived (kept for the record, no longer open); a claim
-- is in at most one open (not archived) campaign, checked when a campaign is created (CampaignRepository).
ALTER TABLE appeal_campaigns ADD COLUMN archived_at TIMESTAMPTZ;
ALTER TABLE appeal_campaigns ADD COLUMN archived_by VARCHAR(100);
-- "which open campaign holds this claim": the refusal's look-up and the recovery report's one row per claim
CREATE INDEX appeal_claims_claim_idx ON appeal_claims (claim_id);
