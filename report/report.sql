-- The provider's report (issue 21) over the citizens' canonical CSV exports, the same
-- figures as the app's (src/domain/report.rs, whose doc comment defines them). Standard
-- SQL with DuckDB's read_csv and median (Trino and Spark SQL have both under other names:
-- approx_percentile/percentile, and a CSV table). One file per citizen; nothing of a
-- citizen's free text or nickname is read.
--
--   duckdb -c ".read report/report.sql" with the variables below set first, or
--   python3 report/report.py <folder of CSV files> <first week> <last week>
--
-- Variables: files (a glob), first_week and last_week (ISO weeks such as 2026-W01).

-- A citizen is their file (hashed: a number is faster to group by than a path, and two of
-- 10,000 files' hashes meet with odds of about one in 10^11).
CREATE OR REPLACE TEMP TABLE rows AS
SELECT
  hash(filename) AS citizen,
  week,
  instrument,
  item,
  TRY_CAST(value AS INTEGER) AS value,
  TRY_CAST(who5_percent AS INTEGER) AS who5_percent,
  authored,
  status,
  rater_role
FROM read_csv(
  getvariable('files'),
  delim = ';', quote = '"', escape = '"', header = true, filename = true, auto_detect = false,
  columns = {'response_id': 'VARCHAR', 'week': 'VARCHAR', 'week_monday': 'VARCHAR', 'authored': 'VARCHAR',
             'instrument': 'VARCHAR', 'instrument_version': 'VARCHAR', 'validated': 'VARCHAR',
             'status': 'VARCHAR', 'language': 'VARCHAR', 'item': 'VARCHAR', 'item_label': 'VARCHAR',
             'value': 'VARCHAR', 'who5_percent': 'VARCHAR', 'rater_role': 'VARCHAR',
             'rater_name': 'VARCHAR', 'note': 'VARCHAR'}
)
WHERE week BETWEEN getvariable('first_week') AND getvariable('last_week');

-- The citizen's own answers (not goals, work or milestones; not others' readings).
CREATE OR REPLACE TEMP VIEW own AS
SELECT * FROM rows
WHERE rater_role = 'citizen' AND instrument NOT IN ('goal', 'work', 'milestone');

-- Each measure's value per citizen and week: the WHO-5 percentage of a complete response,
-- or a 0–10 item's answer (the latest given that week); and the items of others' readings.
CREATE OR REPLACE TEMP TABLE measure_values AS
SELECT citizen, week, 'who5' AS code, arg_max(who5_percent, authored) AS v
FROM own WHERE instrument = 'who5' AND who5_percent IS NOT NULL
GROUP BY citizen, week
UNION ALL
SELECT citizen, week, instrument || '.' || item AS code, arg_max(value, authored) AS v
FROM own
WHERE instrument IN ('chime5', 'jobready7') AND item NOT IN ('', 'job-hours') AND item IS NOT NULL AND value IS NOT NULL
GROUP BY citizen, week, instrument, item
UNION ALL
-- Others' readings of the citizen, measures of their own (the consultant's or mentor's
-- rating, the workplace's evaluation; their 0–10 items, not the hours): all raters of an
-- instrument together.
SELECT citizen, week, instrument || '.' || item AS code, arg_max(value, authored) AS v
FROM rows
WHERE rater_role <> 'citizen' AND instrument IN ('jobready7-rater', 'placement5')
  AND item NOT IN ('', 'job-hours') AND item IS NOT NULL AND value IS NOT NULL
GROUP BY citizen, week, instrument, item;

CREATE OR REPLACE TEMP TABLE firsts AS
SELECT code, citizen, arg_min(v, week) AS first, arg_max(v, week) AS latest,
       min(week) AS first_week, max(week) AS latest_week
FROM measure_values GROUP BY code, citizen;

CREATE OR REPLACE TEMP TABLE work_weeks AS
SELECT citizen, week,
  max(CASE WHEN item = 'worked_minutes' THEN value END) AS worked,
  max(CASE WHEN item = 'days_planned' THEN value END) AS days_planned,
  max(CASE WHEN item = 'days_attended' THEN value END) AS days_attended
FROM rows WHERE instrument = 'work' GROUP BY citizen, week;

CREATE OR REPLACE TEMP TABLE hours AS
SELECT citizen, arg_min(worked, week) / 60.0 AS first, arg_max(worked, week) / 60.0 AS latest
FROM work_weeks WHERE worked IS NOT NULL GROUP BY citizen;

CREATE OR REPLACE TEMP TABLE goal_rows AS
SELECT citizen, item, status FROM rows WHERE instrument = 'goal' AND item IN ('set', 'closed');

CREATE OR REPLACE MACRO band(p) AS CASE WHEN p <= 28 THEN 0 WHEN p < 50 THEN 1 ELSE 2 END;

-- One row per figure: its name, the value, and how many citizens stand behind it (the
-- report shows "< 5" below five).
CREATE OR REPLACE TEMP TABLE figures AS
SELECT 'citizens' AS figure, count(DISTINCT citizen)::DOUBLE AS value, count(DISTINCT citizen) AS behind FROM own
UNION ALL
SELECT 'weeksAnswered', count(DISTINCT (citizen, week))::DOUBLE, count(DISTINCT citizen) FROM own
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
SELECT 'goalsSet', count(*)::DOUBLE, count(DISTINCT citizen) FROM goal_rows WHERE item = 'set'
UNION ALL
SELECT 'goals' || upper(status[1]) || status[2:], count(*)::DOUBLE, count(DISTINCT citizen) FROM goal_rows
WHERE item = 'closed' GROUP BY status;

SELECT figure, CASE WHEN behind < 5 THEN NULL ELSE value END AS value FROM figures ORDER BY figure;
