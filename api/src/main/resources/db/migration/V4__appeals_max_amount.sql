-- Appeals campaigns (issue 7): the findings worklist also filters by a maximum finding amount; a campaign
-- built from the worklist's filter keeps it too (null = not filtered), so it holds what the list showed.
ALTER TABLE appeal_campaigns ADD COLUMN filter_max_amount NUMERIC(12,2);
