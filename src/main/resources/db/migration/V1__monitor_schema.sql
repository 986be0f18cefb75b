-- The monitor's own tables (Spring Batch keeps its job repository in BATCH_* tables beside them).
-- Every row belongs to one run; a date's published figures are those of its latest COMPLETED run.
-- Portable SQL: H2 2.x and PostgreSQL.

CREATE TABLE monitor_run (
    run_id          BIGINT        NOT NULL PRIMARY KEY,
    as_of           DATE          NOT NULL,
    input_dir       VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    started_at      TIMESTAMP     NOT NULL,
    finished_at     TIMESTAMP,
    previous_run_id BIGINT,
    exit_code       INT
);
CREATE INDEX monitor_run_date ON monitor_run (as_of, status);

CREATE TABLE run_bank (
    run_id          BIGINT        NOT NULL,
    bank_code       VARCHAR(64)   NOT NULL,
    bank_name       VARCHAR(200)  NOT NULL,
    overall_npl_pct DECIMAL(12,6) NOT NULL,
    PRIMARY KEY (run_id, bank_code)
);

CREATE TABLE run_county (
    run_id      BIGINT       NOT NULL,
    county_code VARCHAR(6)   NOT NULL,
    county_name VARCHAR(100) NOT NULL,
    city_code   VARCHAR(6)   NOT NULL,
    city_name   VARCHAR(100) NOT NULL,
    sub_bureau  VARCHAR(100) NOT NULL,
    PRIMARY KEY (run_id, county_code)
);

CREATE TABLE input_file (
    run_id        BIGINT        NOT NULL,
    file_seq      INT           NOT NULL,
    file_name     VARCHAR(500)  NOT NULL,
    charset       VARCHAR(40)   NOT NULL,
    rows_read     BIGINT        NOT NULL,
    rows_accepted BIGINT        NOT NULL,
    rows_rejected BIGINT        NOT NULL,
    file_reject   VARCHAR(32),
    PRIMARY KEY (run_id, file_seq)
);

CREATE TABLE loan (
    run_id             BIGINT        NOT NULL,
    file_seq           INT           NOT NULL,
    line_no            BIGINT        NOT NULL,
    bank_code          VARCHAR(64)   NOT NULL,
    loan_id            VARCHAR(64)   NOT NULL,
    county_code        VARCHAR(6)    NOT NULL,
    household_id       VARCHAR(100)  NOT NULL,
    borrower_name      VARCHAR(100)  NOT NULL,
    borrower_id_number VARCHAR(100)  NOT NULL,
    issue_date         DATE          NOT NULL,
    maturity_date      DATE          NOT NULL,
    amount             DECIMAL(18,2) NOT NULL,
    balance            DECIMAL(18,2) NOT NULL,
    annual_rate_pct    DECIMAL(12,6) NOT NULL,
    overdue_days       INT           NOT NULL,
    classification     VARCHAR(16)   NOT NULL,
    renewal_count      INT           NOT NULL,
    purpose            VARCHAR(20)   NOT NULL,
    guarantee          VARCHAR(12)   NOT NULL,
    large_need         BOOLEAN       NOT NULL,
    regime             VARCHAR(12)   NOT NULL
);
CREATE INDEX loan_key ON loan (run_id, bank_code, loan_id);

CREATE TABLE rejected_row (
    run_id    BIGINT        NOT NULL,
    file_seq  INT           NOT NULL,
    file_name VARCHAR(500)  NOT NULL,
    line_no   BIGINT        NOT NULL,
    bank_code VARCHAR(64)   NOT NULL,
    loan_id   VARCHAR(64)   NOT NULL,
    reason    VARCHAR(32)   NOT NULL,
    detail    VARCHAR(2000) NOT NULL
);
CREATE INDEX rejected_row_run ON rejected_row (run_id, file_seq, line_no);

-- One row per cell of a level: BANK_COUNTY, COUNTY (bank_code ''), BANK (county_code ''), PROVINCE (both '').
CREATE TABLE cell_metrics (
    run_id               BIGINT        NOT NULL,
    as_of                DATE          NOT NULL,
    level                VARCHAR(12)   NOT NULL,
    county_code          VARCHAR(6)    NOT NULL,
    bank_code            VARCHAR(64)   NOT NULL,
    loan_count           BIGINT        NOT NULL,
    balance              DECIMAL(20,2) NOT NULL,
    overdue_balance      DECIMAL(20,2) NOT NULL,
    npl_balance          DECIMAL(20,2) NOT NULL,
    overdue90_balance    DECIMAL(20,2) NOT NULL,
    est_central_subsidy  DECIMAL(24,10) NOT NULL,
    threshold_pct        DECIMAL(20,10),
    status               VARCHAR(8),
    reasons              VARCHAR(200),
    prev_balance         DECIMAL(20,2),
    prev_overdue_balance DECIMAL(20,2),
    PRIMARY KEY (run_id, level, county_code, bank_code)
);

CREATE TABLE county_ageing (
    run_id      BIGINT        NOT NULL,
    county_code VARCHAR(6)    NOT NULL,
    bucket      VARCHAR(8)    NOT NULL,
    loan_count  BIGINT        NOT NULL,
    balance     DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (run_id, county_code, bucket)
);
