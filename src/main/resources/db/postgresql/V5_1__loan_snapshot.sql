-- PostgreSQL only: the accepted loans of every published date as a plain table analysts can query (issue 15), beside
-- the compressed chunks the job itself reads (run_chunk). One partition per as-of date, named loan_snapshot_YYYY_MM_DD:
-- a run loads its loans into a table of its own (loan_snapshot_run_N, COPY, then its indexes) and publishing the run
-- attaches it in place of the date's earlier partition, in the transaction that marks the run COMPLETED; so the table
-- only ever holds the loans of published runs, and a rerun or --purge-before drops a partition instead of deleting
-- rows. Filled only while monitor.store.loan-table is true (the default on PostgreSQL). store/LoanSnapshotTable.
-- Columns: as_of, the ledger fields of SPEC 3.1 by their SPEC names and in SPEC order (enums by their SPEC codes),
-- the regime of SPEC 4, and where the row came from.

CREATE TABLE loan_snapshot (
    as_of              DATE          NOT NULL,
    loan_id            VARCHAR(64)   COLLATE "C" NOT NULL,
    bank_code          VARCHAR(64)   COLLATE "C" NOT NULL,
    county_code        VARCHAR(6)    COLLATE "C" NOT NULL,
    household_id       VARCHAR(100)  COLLATE "C" NOT NULL,
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
) PARTITION BY LIST (as_of);

-- Partitioned indexes: each partition brings its own, built after its load; attaching it adopts them.
CREATE INDEX loan_snapshot_household ON loan_snapshot (household_id);
CREATE INDEX loan_snapshot_bank_loan ON loan_snapshot (bank_code, loan_id);

COMMENT ON TABLE loan_snapshot IS '已发布数据日期的全部入库借据 (accepted loans of every published as-of date), one partition per as_of';
COMMENT ON COLUMN loan_snapshot.as_of IS '数据日期 (as-of date of the ledgers)';
COMMENT ON COLUMN loan_snapshot.annual_rate IS '执行年利率, percent: 3.45 means 3.45 %';
COMMENT ON COLUMN loan_snapshot.classification IS '五级分类: NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL, LOSS';
COMMENT ON COLUMN loan_snapshot.regime IS 'LEGACY (issue_date before 2026-02-26, old terms) or ASSISTANCE (SPEC 4)';
COMMENT ON COLUMN loan_snapshot.run_id IS 'the run that published the row (--history lists runs)';
COMMENT ON COLUMN loan_snapshot.source_file IS 'ledger file the row was read from';
COMMENT ON COLUMN loan_snapshot.source_line IS 'physical line (for .xlsx the row number Excel shows) in that file';
