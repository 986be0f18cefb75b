-- PostgreSQL only, as V3_2: codes compare byte by byte, as on H2, whatever the server's locale.
ALTER TABLE regime_metrics  ALTER COLUMN county_code TYPE VARCHAR(6)  COLLATE "C";
ALTER TABLE loan_migration  ALTER COLUMN bank_code   TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE vintage_metrics ALTER COLUMN bank_code   TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE cell_outlook    ALTER COLUMN county_code TYPE VARCHAR(6)  COLLATE "C",
                            ALTER COLUMN bank_code   TYPE VARCHAR(64) COLLATE "C";
