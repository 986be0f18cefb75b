-- SPEC 5.1 / 5.2 (issue 13): materiality counts, who triggers a county and its status on the comparison date, and
-- the comparison basis a run chose its comparison date by. Rows stored before this migration keep NULL: not computed
-- then (never 0).
ALTER TABLE cell_metrics ADD COLUMN overdue_loan_count BIGINT;
ALTER TABLE cell_metrics ADD COLUMN npl_loan_count BIGINT;
-- Distinct household_id among the outstanding loans: COUNTY and PROVINCE rows only.
ALTER TABLE cell_metrics ADD COLUMN household_count BIGINT;
-- COUNTY rows only: bank codes of the county's PAUSE / WARN cells, ';'-joined in code order ('' when none).
ALTER TABLE cell_metrics ADD COLUMN pause_banks VARCHAR(4000);
ALTER TABLE cell_metrics ADD COLUMN warn_banks VARCHAR(4000);
-- BANK_COUNTY and COUNTY rows: the status on the comparison date; NULL when no outstanding loans then, or no such date.
ALTER TABLE cell_metrics ADD COLUMN prev_status VARCHAR(8);
-- The comparison date a run compared with and the basis it was chosen by (month-end or previous-run, SPEC 5.2).
-- previous_run_id names the comparison run, but that run is replaced when its date is run again: the date stays.
ALTER TABLE monitor_run ADD COLUMN comparison_as_of DATE;
ALTER TABLE monitor_run ADD COLUMN comparison_basis VARCHAR(16);
