package cn.microcredit.monitor.ingest;

import cn.microcredit.monitor.loan.Loan;

/** Where the rows of a ledger file go: accepted loans and rejects, each with its place in the file. */
public interface LedgerSink {

    void accepted(Loan loan, int fileSeq, long line);

    void rejected(Reject reject, int fileSeq);
}
