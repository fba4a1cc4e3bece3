-- The provider's report (issue 21) over the citizens' canonical CSV exports, the same
-- figures as the app's (src/domain/report.rs, whose doc comment defines them). Standard
-- SQL (GROUPING SETS, FILTER) with DuckDB's read_csv, hash, arg_max and median (Trino and
-- Spark SQL have them under other names: a CSV table, xxhash64/hash, max_by,
-- approx_percentile/percentile). One file per citizen; nothing of a
-- citizen's free text or nickname is read.
--
--   duckdb -c ".read report/report.sql" with the variables below set first, or
--   python3 report/report.py <folder of CSV files> <first week> <last week>
--
-- Variables: files (a glob), first_week and last_week (ISO weeks such as 2026-W01).

-- One pass over the files: every row is read once and folded, as it is read, into two
-- kinds of cells (GROUPING SETS), so that nothing of the rows is kept (keeping them, and
-- reading them again for each figure, took twice as long):
--   per citizen and code: for a measure, the first and latest week with a value and the
--     value of each; for a goal row ('goal:set:…', 'goal:closed:<status>'), how many;
--   per citizen and week: whether they answered, and the week's work (hours, days).
-- A citizen is their file (hashed: a number is faster to group by than a path, and two of
-- 10,000 files' hashes meet with odds of about one in 10^11).
CREATE OR REPLACE TEMP TABLE cells AS
WITH answers AS (
  SELECT
    hash(filename) AS citizen,
    week,
    instrument,
    item,
    status,
    authored,
    rater_role,
    rater_role = 'citizen' AND instrument NOT IN ('goal', 'work', 'milestone') AS own,
    TRY_CAST(value AS INTEGER) AS value,
    TRY_CAST(who5_percent AS INTEGER) AS who5_percent
  FROM read_csv(
    getvariable('files'),
    delim = ';', quote = '"', escape = '"', header = true, filename = true, auto_detect = false,
    columns = {'response_id': 'VARCHAR', 'week': 'VARCHAR', 'week_monday': 'VARCHAR', 'authored': 'VARCHAR',
               'instrument': 'VARCHAR', 'instrument_version': 'VARCHAR', 'validated': 'VARCHAR',
               'status': 'VARCHAR', 'language': 'VARCHAR', 'item': 'VARCHAR', 'item_label': 'VARCHAR',
               'value': 'VARCHAR', 'who5_percent': 'VARCHAR', 'rater_role': 'VARCHAR',
               'rater_name': 'VARCHAR', 'note': 'VARCHAR'}
  )
  WHERE week BETWEEN getvariable('first_week') AND getvariable('last_week')
),
measured AS (
  SELECT *,
    -- What a row counts towards: a measure (the WHO-5 percentage of a citizen's complete
    -- response; a 0–10 item of the citizen's CHIME or job readiness; a 0–10 item of others'
    -- readings, the consultant's or mentor's rating and the workplace's evaluation, all
    -- raters of an instrument together and never mixed with the citizen's own), or a goal
    -- set or closed; otherwise nothing but the week answered and the week's work.
    CASE
      WHEN own AND instrument = 'who5' AND who5_percent IS NOT NULL THEN 'who5'
      WHEN item NOT IN ('', 'job-hours') AND value IS NOT NULL
        AND ((own AND instrument IN ('chime5', 'jobready7'))
          OR (rater_role <> 'citizen' AND instrument IN ('jobready7-rater', 'placement5')))
        THEN instrument || '.' || item
      WHEN instrument = 'goal' AND item IN ('set', 'closed') THEN 'goal:' || item || ':' || coalesce(status, '')
    END AS code,
    CASE WHEN instrument = 'who5' THEN who5_percent ELSE value END AS measure,
    -- Of two answers in a week, the later given. The week and the time as one number, the
    -- week above the time (2026-W47 is 202647 × 2^42, plus the milliseconds since 1970: the
    -- app writes every time as UTC to the second, so they order as its text does): the
    -- latest week's latest answer has the largest; the first week's latest answer has the
    -- largest with the week counted backwards. (Numbers rather than text: about half a
    -- second less over 10,000 citizens here.)
    TRY_CAST(replace(week, '-W', '') AS BIGINT) * 4398046511104 + epoch_ms(TRY_CAST(authored AS TIMESTAMP)) AS latest_key,
    epoch_ms(TRY_CAST(authored AS TIMESTAMP)) - TRY_CAST(replace(week, '-W', '') AS BIGINT) * 4398046511104 AS first_key
  FROM answers
)
SELECT
  citizen, code, week,
  GROUPING(code, week) AS cell,  -- 1: per citizen and code; 2: per citizen and week
  min(week) AS first_week,
  max(week) AS latest_week,
  arg_max(measure, first_key) AS first,
  arg_max(measure, latest_key) AS latest,
  bool_or(own) AS answered,
  max(value) FILTER (WHERE instrument = 'work' AND item = 'worked_minutes') AS worked,
  max(value) FILTER (WHERE instrument = 'work' AND item = 'days_planned') AS days_planned,
  max(value) FILTER (WHERE instrument = 'work' AND item = 'days_attended') AS days_attended,
  count(*) AS n
FROM measured
GROUP BY GROUPING SETS ((citizen, code), (citizen, week));

-- Each measure's first and latest value per citizen.
CREATE OR REPLACE TEMP VIEW firsts AS
SELECT code, citizen, first, latest, first_week, latest_week
FROM cells WHERE cell = 1 AND code IS NOT NULL AND code NOT LIKE 'goal:%';

CREATE OR REPLACE TEMP VIEW work_weeks AS
SELECT citizen, week, worked, days_planned, days_attended FROM cells WHERE cell = 2;

CREATE OR REPLACE TEMP VIEW answered_weeks AS
SELECT citizen, week FROM cells WHERE cell = 2 AND answered;

CREATE OR REPLACE TEMP VIEW hours AS
SELECT citizen, arg_min(worked, week) / 60.0 AS first, arg_max(worked, week) / 60.0 AS latest
FROM work_weeks WHERE worked IS NOT NULL GROUP BY citizen;

CREATE OR REPLACE TEMP VIEW goal_rows AS
SELECT citizen, split_part(code, ':', 2) AS item, split_part(code, ':', 3) AS status, n
FROM cells WHERE cell = 1 AND code LIKE 'goal:%';

CREATE OR REPLACE MACRO band(p) AS CASE WHEN p <= 28 THEN 0 WHEN p < 50 THEN 1 ELSE 2 END;

-- One row per figure: its name, the value, and how many citizens stand behind it (the
-- report shows "< 5" below five).
CREATE OR REPLACE TEMP TABLE figures AS
SELECT 'citizens' AS figure, count(DISTINCT citizen)::DOUBLE AS value, count(DISTINCT citizen) AS behind FROM answered_weeks
UNION ALL
SELECT 'weeksAnswered', count(*)::DOUBLE, count(DISTINCT citizen) FROM answered_weeks
UNION ALL
SELECT 'measure:' || code || ':citizens', count(*)::DOUBLE, count(*) FROM firsts GROUP BY code
UNION ALL
SELECT 'measure:' || code || ':first', median(first)::DOUBLE, count(*) FROM firsts GROUP BY code
UNION ALL
SELECT 'measure:' || code || ':latest', median(latest)::DOUBLE, count(*) FROM firsts GROUP BY code
UNION ALL
SELECT 'who5Pairs', count(*)::DOUBLE, count(*) FROM firsts WHERE code = 'who5' AND first_week <> latest_week
UNION ALL
SELECT 'who5Rose', count(*)::DOUBLE, count(*) FROM firsts
WHERE code = 'who5' AND first_week <> latest_week AND latest - first >= 10
UNION ALL
SELECT 'who5Fell', count(*)::DOUBLE, count(*) FROM firsts
WHERE code = 'who5' AND first_week <> latest_week AND latest - first <= -10
UNION ALL
SELECT 'band:' || band(first) || ':' || band(latest), count(*)::DOUBLE, count(*) FROM firsts WHERE code = 'who5'
GROUP BY band(first), band(latest)
UNION ALL
SELECT 'hoursCitizens', count(*)::DOUBLE, count(*) FROM hours
UNION ALL
SELECT 'hoursFirst', median(first)::DOUBLE, count(*) FROM hours
UNION ALL
SELECT 'hoursLatest', median(latest)::DOUBLE, count(*) FROM hours
UNION ALL
SELECT 'attendance', ((sum(days_attended) * 100 + sum(days_planned) // 2) // sum(days_planned))::DOUBLE,
  count(DISTINCT citizen)
FROM work_weeks WHERE days_planned IS NOT NULL AND days_attended IS NOT NULL
UNION ALL
SELECT 'goalsSet', sum(n)::DOUBLE, count(DISTINCT citizen) FROM goal_rows WHERE item = 'set'
UNION ALL
SELECT 'goals' || upper(status[1]) || status[2:], sum(n)::DOUBLE, count(DISTINCT citizen) FROM goal_rows
WHERE item = 'closed' GROUP BY status;

SELECT figure, CASE WHEN behind < 5 THEN NULL ELSE value END AS value FROM figures ORDER BY figure;
