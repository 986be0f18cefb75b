-- PostgreSQL only: codes and ids compare byte by byte, as on H2, whatever the server's locale.
-- H2 orders text by code point; PostgreSQL by the database's collation (en_US.UTF-8, zh_CN.UTF-8, ICU...), which puts
-- 'abc' before 'ABD', ignores or reorders '-' and '_', and so would reorder exceptions.csv (bank_code, loan_id),
-- the metrics files (county_code, bank_code) and the workbooks. "C" is the same order on every server, and the same
-- collation on both sides of every join (PostgreSQL refuses to compare two columns of different implicit collations).
-- Names and free text keep the database's collation: no query orders by them.

ALTER TABLE run_bank      ALTER COLUMN bank_code    TYPE VARCHAR(64)  COLLATE "C";
ALTER TABLE run_county    ALTER COLUMN county_code  TYPE VARCHAR(6)   COLLATE "C";

ALTER TABLE loan          ALTER COLUMN bank_code    TYPE VARCHAR(64)  COLLATE "C",
                          ALTER COLUMN loan_id      TYPE VARCHAR(64)  COLLATE "C",
                          ALTER COLUMN county_code  TYPE VARCHAR(6)   COLLATE "C",
                          ALTER COLUMN household_id TYPE VARCHAR(100) COLLATE "C";

ALTER TABLE rejected_row  ALTER COLUMN bank_code    TYPE VARCHAR(64)  COLLATE "C",
                          ALTER COLUMN loan_id      TYPE VARCHAR(64)  COLLATE "C",
                          ALTER COLUMN county_code  TYPE VARCHAR(64)  COLLATE "C";

ALTER TABLE cell_metrics  ALTER COLUMN county_code  TYPE VARCHAR(6)   COLLATE "C",
                          ALTER COLUMN bank_code    TYPE VARCHAR(64)  COLLATE "C";

ALTER TABLE county_ageing ALTER COLUMN county_code  TYPE VARCHAR(6)   COLLATE "C";

ALTER TABLE roster_period ALTER COLUMN household_id TYPE VARCHAR(100) COLLATE "C",
                          ALTER COLUMN county_code  TYPE VARCHAR(6)   COLLATE "C";

ALTER TABLE loan_exception ALTER COLUMN bank_code    TYPE VARCHAR(64)  COLLATE "C",
                           ALTER COLUMN loan_id      TYPE VARCHAR(64)  COLLATE "C",
                           ALTER COLUMN county_code  TYPE VARCHAR(6)   COLLATE "C",
                           ALTER COLUMN household_id TYPE VARCHAR(100) COLLATE "C";
