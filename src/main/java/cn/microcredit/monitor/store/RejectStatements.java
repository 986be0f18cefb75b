package cn.microcredit.monitor.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import cn.microcredit.monitor.ingest.Reject;

/** The one INSERT of a rejected row, shared by the loading writer and the duplicate check. */
final class RejectStatements {

    static final String INSERT = """
            INSERT INTO rejected_row (run_id, file_seq, file_name, line_no, bank_code, loan_id, reason, detail,
                                      county_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private RejectStatements() {
    }

    static void bind(PreparedStatement ps, long runId, int fileSeq, Reject reject) throws SQLException {
        ps.setLong(1, runId);
        ps.setInt(2, fileSeq);
        ps.setString(3, reject.file());
        ps.setLong(4, reject.line());
        ps.setString(5, reject.bankCode());
        ps.setString(6, reject.loanId());
        ps.setString(7, reject.reason().name());
        ps.setString(8, reject.detail());
        ps.setString(9, reject.countyCode());
    }
}
