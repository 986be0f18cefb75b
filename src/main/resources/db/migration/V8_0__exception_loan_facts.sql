-- Issue 16: a breach row keeps what the workbooks print beside it (SPEC 6 合规异常明细: amount, balance, issue date),
-- written by the rules step from the loan in hand, so the report step no longer reads every loan chunk back.
-- Rows of earlier runs have them empty; a report only ever reads its own run's rows.
ALTER TABLE loan_exception ADD COLUMN amount DECIMAL(18, 2);
ALTER TABLE loan_exception ADD COLUMN balance DECIMAL(18, 2);
ALTER TABLE loan_exception ADD COLUMN issue_date DATE;
