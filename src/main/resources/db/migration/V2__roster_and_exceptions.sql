-- The household roster of a run (SPEC 3.3) and the loan-level rule breaches (SPEC 5.3).

CREATE TABLE roster_period (
    run_id       BIGINT       NOT NULL,
    line_no      BIGINT       NOT NULL,
    household_id VARCHAR(100) NOT NULL,
    county_code  VARCHAR(6)   NOT NULL,
    category     VARCHAR(20)  NOT NULL,
    added_date   DATE         NOT NULL,
    removed_date DATE
);
CREATE INDEX roster_period_household ON roster_period (run_id, household_id);

CREATE TABLE loan_exception (
    run_id       BIGINT        NOT NULL,
    bank_code    VARCHAR(64)   NOT NULL,
    loan_id      VARCHAR(64)   NOT NULL,
    county_code  VARCHAR(6)    NOT NULL,
    household_id VARCHAR(100)  NOT NULL,
    rule_order   INT           NOT NULL,
    rule         VARCHAR(32)   NOT NULL,
    severity     VARCHAR(8)    NOT NULL,
    detail       VARCHAR(1000) NOT NULL
);
CREATE INDEX loan_exception_run ON loan_exception (run_id, bank_code, loan_id);
CREATE INDEX loan_household ON loan (run_id, household_id);
