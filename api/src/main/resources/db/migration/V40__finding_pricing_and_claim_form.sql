-- Issue 16 (letters): the amount a letter or a campaign asks for a claim never exceeds what the corrected line can be
-- paid: the findings' pricing columns (V30: expected_value, the lesser of its charge basis and its price under the
-- built-in CMS default) cap what is asked for it; runs loaded without them use the corrected line's charge basis
-- from the billed line.

-- The claim form of a campaign claim (contract section 1 claim_type; null = PROFESSIONAL): its deadline routes follow
-- it (a hospital's institutional outpatient claim is corrected by a type of bill 137 replacement, a Medicare Part B
-- professional claim by reopening).
ALTER TABLE appeal_claims ADD COLUMN claim_type TEXT;
UPDATE appeal_claims a SET claim_type = e.claim_type
FROM encounters e WHERE e.claim_id = a.claim_id AND e.run_pk = a.run_pk AND e.claim_type IS NOT NULL;

-- Letter templates are Qute templates now (one template engine): a template edited before keeps working, its
-- {{name}} placeholders become {letter.name} and its blocks the built-in block templates.
UPDATE appeal_templates SET body = regexp_replace(regexp_replace(body,
    '\{\{\s*(introduction|billedLinesTable|correctedLinesTable|findingsSection|overpaymentNote|enclosures)\s*\}\}',
    '{#include appeals/blocks/\1 /}', 'g'),
    '\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}', '{letter.\1}', 'g')
WHERE body LIKE '%{{%';
