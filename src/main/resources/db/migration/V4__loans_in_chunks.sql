-- Accepted loans and roster periods are stored as compressed chunks of rows (table run_chunk, created per database in
-- db/h2 and db/postgresql as V4_1): a row per loan made storing a million loans the slowest part of the job.
-- What the reports and later runs need of a loan is kept where it is used: the borrower with each exception, the
-- bank of each ledger file, the accepted loans of each bank.

DROP TABLE loan;
DROP TABLE roster_period;

ALTER TABLE loan_exception ADD COLUMN borrower_name VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE loan_exception ADD COLUMN borrower_id_number VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE input_file ADD COLUMN bank_code VARCHAR(64);
ALTER TABLE run_bank ADD COLUMN loans_accepted BIGINT DEFAULT 0 NOT NULL;
