-- Dashboard aggregates (issue 6), refreshed by each load in its transaction like summary_agg. Their grain
-- is the date of service, so any date range (not only whole months) is answered from them exactly.
-- Money is numeric(16,2) for sums (team brief: never double).

-- findings per day of service and (billed code, expected code): GET /api/summary?by=code|drug|month
CREATE TABLE code_day_agg (
    run_pk          BIGINT        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    date_of_service DATE          NOT NULL,
    billed_code     TEXT,
    expected_code   TEXT,
    findings        BIGINT        NOT NULL,
    underpayment    NUMERIC(16,2) NOT NULL,
    overpayment     NUMERIC(16,2) NOT NULL,
    denial          NUMERIC(16,2) NOT NULL,
    amount          NUMERIC(16,2) NOT NULL
);
CREATE INDEX code_day_agg_run_idx ON code_day_agg (run_pk, date_of_service);

-- claims audited (encounter results) per day of service: the "claims audited" figure for a run and range
CREATE TABLE encounter_day_agg (
    run_pk          BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    date_of_service DATE   NOT NULL,
    encounters      BIGINT NOT NULL,
    PRIMARY KEY (run_pk, date_of_service)
);

-- the billing provider's name as the extract gave it (the most frequent one in the run), per run and NPI
CREATE TABLE provider_names (
    run_pk        BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    billing_npi   TEXT   NOT NULL,
    provider_name TEXT   NOT NULL,
    PRIMARY KEY (run_pk, billing_npi)
);

-- runs loaded before this migration
INSERT INTO code_day_agg (run_pk, date_of_service, billed_code, expected_code, findings, underpayment, overpayment, denial, amount)
SELECT run_pk, date_of_service, billed_code, expected_code, count(*),
       coalesce(sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT'), 0),
       coalesce(sum(amount) FILTER (WHERE direction = 'OVERPAYMENT'), 0),
       coalesce(sum(amount) FILTER (WHERE direction = 'DENIAL'), 0),
       sum(amount)
FROM findings WHERE run_pk IN (SELECT id FROM runs)
GROUP BY run_pk, date_of_service, billed_code, expected_code;

INSERT INTO encounter_day_agg (run_pk, date_of_service, encounters)
SELECT run_pk, date_of_service, count(*) FROM encounters WHERE run_pk IN (SELECT id FROM runs)
GROUP BY run_pk, date_of_service;

INSERT INTO provider_names (run_pk, billing_npi, provider_name)
SELECT DISTINCT ON (run_pk, billing_npi) run_pk, billing_npi, provider_name
FROM (SELECT run_pk, billing_npi, provider_name, count(*) AS n FROM encounters
      WHERE provider_name IS NOT NULL AND provider_name <> '' AND run_pk IN (SELECT id FROM runs)
      GROUP BY run_pk, billing_npi, provider_name) named
ORDER BY run_pk, billing_npi, n DESC, provider_name;
-- a run loaded without encounter results: the names on its findings
INSERT INTO provider_names (run_pk, billing_npi, provider_name)
SELECT DISTINCT ON (run_pk, billing_npi) run_pk, billing_npi, provider_name
FROM (SELECT run_pk, billing_npi, provider_name, count(*) AS n FROM findings
      WHERE provider_name IS NOT NULL AND provider_name <> ''
        AND run_pk IN (SELECT id FROM runs WHERE encounters_count = 0)
      GROUP BY run_pk, billing_npi, provider_name) named
ORDER BY run_pk, billing_npi, n DESC, provider_name
ON CONFLICT DO NOTHING;
