package cn.microcredit.monitor.store;

import cn.microcredit.monitor.loan.Loan;

/** An accepted loan as stored for its run, with the file and line it came from. */
public record StoredLoan(int fileSeq, long line, Loan loan) {
}
