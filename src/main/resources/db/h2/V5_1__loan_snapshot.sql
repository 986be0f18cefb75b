-- H2 only: the accepted loans of every published date as a plain table (see db/postgresql/V5_1, where it is
-- partitioned by as_of). Filled only when monitor.store.loan-table is turned on (off by default on H2): a run batches
-- its loans into loan_snapshot_stage, and publishing the run moves them into loan_snapshot in the transaction that
-- marks it COMPLETED, so the table only ever holds the loans of published runs. store/LoanSnapshotTable.

CREATE TABLE loan_snapshot (
    as_of              DATE          NOT NULL,
    loan_id            VARCHAR(64)   NOT NULL,
    bank_code          VARCHAR(64)   NOT NULL,
    county_code        VARCHAR(6)    NOT NULL,
    household_id       VARCHAR(100)  NOT NULL,
    borrower_name      VARCHAR(100)  NOT NULL,
    borrower_id_number VARCHAR(100)  NOT NULL,
    issue_date         DATE          NOT NULL,
    maturity_date      DATE          NOT NULL,
    amount             NUMERIC(18,2) NOT NULL,
    balance            NUMERIC(18,2) NOT NULL,
    annual_rate        NUMERIC(9,6)  NOT NULL,
    overdue_days       INTEGER       NOT NULL,
    classification     VARCHAR(16)   NOT NULL,
    renewal_count      INTEGER       NOT NULL,
    purpose_code       VARCHAR(20)   NOT NULL,
    guarantee          VARCHAR(12)   NOT NULL,
    large_need         BOOLEAN       NOT NULL,
    regime             VARCHAR(12)   NOT NULL,
    run_id             BIGINT        NOT NULL,
    source_file        VARCHAR(500)  NOT NULL,
    source_line        BIGINT        NOT NULL
);
CREATE INDEX loan_snapshot_household ON loan_snapshot (as_of, household_id);
CREATE INDEX loan_snapshot_bank_loan ON loan_snapshot (as_of, bank_code, loan_id);

CREATE TABLE loan_snapshot_stage (
    as_of              DATE          NOT NULL,
    loan_id            VARCHAR(64)   NOT NULL,
    bank_code          VARCHAR(64)   NOT NULL,
    county_code        VARCHAR(6)    NOT NULL,
    household_id       VARCHAR(100)  NOT NULL,
    borrower_name      VARCHAR(100)  NOT NULL,
    borrower_id_number VARCHAR(100)  NOT NULL,
    issue_date         DATE          NOT NULL,
    maturity_date      DATE          NOT NULL,
    amount             NUMERIC(18,2) NOT NULL,
    balance            NUMERIC(18,2) NOT NULL,
    annual_rate        NUMERIC(9,6)  NOT NULL,
    overdue_days       INTEGER       NOT NULL,
    classification     VARCHAR(16)   NOT NULL,
    renewal_count      INTEGER       NOT NULL,
    purpose_code       VARCHAR(20)   NOT NULL,
    guarantee          VARCHAR(12)   NOT NULL,
    large_need         BOOLEAN       NOT NULL,
    regime             VARCHAR(12)   NOT NULL,
    run_id             BIGINT        NOT NULL,
    source_file        VARCHAR(500)  NOT NULL,
    source_line        BIGINT        NOT NULL
);
CREATE INDEX loan_snapshot_stage_run ON loan_snapshot_stage (run_id);
