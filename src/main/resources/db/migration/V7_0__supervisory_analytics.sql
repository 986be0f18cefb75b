-- The supervisory analytics of SPEC 5.4, one set per run like cell_metrics: a date's published figures are those of
-- its latest COMPLETED run (join monitor_run on run_id, status = 'COMPLETED'); a run that fails leaves its rows
-- unpublished, and publishing or re-running a date removes the older runs' rows. Money in yuan, exact sums.

-- The figures of 5.1 per county x regime (LEGACY / ASSISTANCE); county_code '' for the province-wide row.
CREATE TABLE regime_metrics (
    run_id          BIGINT        NOT NULL,
    as_of           DATE          NOT NULL,
    county_code     VARCHAR(6)    NOT NULL,
    regime          VARCHAR(12)   NOT NULL,
    loan_count      BIGINT        NOT NULL,
    balance         DECIMAL(20,2) NOT NULL,
    overdue_balance DECIMAL(20,2) NOT NULL,
    npl_balance     DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (run_id, county_code, regime)
);

-- Migration since the comparison date: loans and their balance on the comparison date, per bank (bank_code ''
-- province-wide), dimension CLASSIFICATION or AGEING, from state -> to state; from_balance is the balance of every
-- loan in the from state (the denominator of rate_pct). Only pairs that hold loans.
CREATE TABLE loan_migration (
    run_id           BIGINT        NOT NULL,
    as_of            DATE          NOT NULL,
    comparison_as_of DATE          NOT NULL,
    bank_code        VARCHAR(64)   NOT NULL,
    dimension        VARCHAR(16)   NOT NULL,
    from_state       VARCHAR(16)   NOT NULL,
    to_state         VARCHAR(16)   NOT NULL,
    row_order        INT           NOT NULL,
    loan_count       BIGINT        NOT NULL,
    balance          DECIMAL(20,2) NOT NULL,
    from_balance     DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (run_id, bank_code, dimension, from_state, to_state)
);

-- Vintage: every accepted loan (settled included) per bank (bank_code '' province-wide) x issue quarter x regime.
CREATE TABLE vintage_metrics (
    run_id        BIGINT        NOT NULL,
    as_of         DATE          NOT NULL,
    bank_code     VARCHAR(64)   NOT NULL,
    issue_quarter VARCHAR(8)    NOT NULL,
    regime        VARCHAR(12)   NOT NULL,
    loan_count    BIGINT        NOT NULL,
    amount        DECIMAL(20,2) NOT NULL,
    balance       DECIMAL(20,2) NOT NULL,
    npl_balance   DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (run_id, bank_code, issue_quarter, regime)
);

-- Projection one step ahead and outlook, beside cell_metrics (same level / county_code / bank_code): rates rounded
-- half-up to 2 places from the exact value; outlook 'LIKELY_PAUSE' or '' (decided on the exact value). No rows
-- without a comparison date.
CREATE TABLE cell_outlook (
    run_id                     BIGINT       NOT NULL,
    as_of                      DATE         NOT NULL,
    level                      VARCHAR(12)  NOT NULL,
    county_code                VARCHAR(6)   NOT NULL,
    bank_code                  VARCHAR(64)  NOT NULL,
    projected_overdue_rate_pct DECIMAL(9,2),
    projected_npl_rate_pct     DECIMAL(9,2),
    outlook                    VARCHAR(16)  NOT NULL,
    PRIMARY KEY (run_id, level, county_code, bank_code)
);
