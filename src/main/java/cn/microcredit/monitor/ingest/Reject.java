package cn.microcredit.monitor.ingest;

/**
 * A row (or whole file) left out of every figure, with where it was and why.
 *
 * @param file     file name inside the input folder
 * @param line     physical line number where the row begins (header = 1)
 * @param bankCode as read from the row, empty when unknown
 * @param loanId     as read from the row, empty when unknown
 * @param countyCode as read from the row, empty when unknown: which sub-bureau the reject concerns
 */
public record Reject(String file, long line, String bankCode, String loanId, RejectReason reason, String detail,
                     String countyCode) {

    /**
     * Values copied from a hostile row are cut to lengths a report and the database can hold, and personal data in
     * them is masked whatever column it came in under ({@link RejectMasking}).
     */
    public Reject {
        bankCode = cut(RejectMasking.value(bankCode), 64);
        loanId = cut(RejectMasking.value(loanId), 64);
        detail = cut(RejectMasking.detail(detail), 2000);
        countyCode = cut(RejectMasking.value(countyCode), 64);
    }

    /**
     * A later occurrence of a loan id already seen for the same bank on this date (SPEC 3.1: the first stays).
     *
     * @param firstPlace where the first occurrence is, e.g. {@code ledgers/b2.csv 第2行}
     */
    public static Reject duplicate(String file, long line, String bankCode, String loanId, String countyCode,
                                   String firstPlace) {
        return new Reject(file, line, bankCode, loanId, RejectReason.DUPLICATE_LOAN, "借据号(loan_id) 与 " + firstPlace
                + " 重复（同一机构同一日期借据号唯一，保留首次出现的一行）", countyCode);
    }

    public Reject(String file, long line, String bankCode, String loanId, RejectReason reason, String detail) {
        this(file, line, bankCode, loanId, reason, detail, "");
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    public static Reject wholeFile(String file, RejectReason reason, String detail) {
        return new Reject(file, 1, "", "", reason, detail);
    }
}
