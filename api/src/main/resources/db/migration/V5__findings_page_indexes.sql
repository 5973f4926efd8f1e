-- Findings pages at 5M rows (issue 5, section 5: page p95 <= 100 ms). A page is read in two steps
-- (FindingsRepository.page): the page's keys from an index that matches the ORDER BY exactly
-- (date_of_service DESC, claim_id, finding_index, run_pk) and carries the filter columns, so every filter
-- on payer, provider, kind, direction, amount and dates is checked by an index-only scan without touching
-- the table; then only the page's rows are fetched by primary key. The old per-column indexes made the
-- planner fetch thousands of table rows for combined filters (payer+kind+direction: 65 ms warm, BitmapAnd
-- over provider+kind with a run filter: 1.2 s cold).
-- Kept: the provider index (200+ values, the selective filter), now matching the ORDER BY and covering too.
-- Dropped: payer and kind (a handful of values each: the covering page index finds a page of them after a
-- few hundred index entries), which also makes a load build two fewer indexes.
SET LOCAL maintenance_work_mem = '512MB';
DROP INDEX IF EXISTS findings_page_idx;
DROP INDEX IF EXISTS findings_payer_idx;
DROP INDEX IF EXISTS findings_provider_idx;
DROP INDEX IF EXISTS findings_kind_idx;
CREATE INDEX findings_page_idx ON findings (date_of_service DESC, claim_id, finding_index, run_pk)
    INCLUDE (payer_id, billing_npi, kind, direction, amount);
CREATE INDEX findings_provider_idx ON findings (billing_npi, date_of_service DESC, claim_id, finding_index, run_pk)
    INCLUDE (payer_id, kind, direction, amount);
