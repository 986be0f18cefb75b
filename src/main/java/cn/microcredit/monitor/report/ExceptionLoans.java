package cn.microcredit.monitor.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.StoredLoan;

/**
 * Amount, balance and issue date of every loan with a breach, to print beside it (SPEC 6 合规异常明细) and to sum by
 * rule (合规异常汇总). The breach rows do not store them; the loans are read back from the run's chunks once, on two
 * threads, keeping only the loans that have a breach.
 */
@Component
public class ExceptionLoans {

    /** What a breach row shows of its loan. Money in yuan. */
    public record Facts(BigDecimal amount, BigDecimal balance, LocalDate issueDate) {
    }

    private final JdbcTemplate jdbc;
    private final RunChunks chunks;

    public ExceptionLoans(JdbcTemplate jdbc, RunChunks chunks) {
        this.jdbc = jdbc;
        this.chunks = chunks;
    }

    /** By {@link #key}: the loans of a run that have at least one breach. */
    public Map<String, Facts> load(long runId) {
        Set<String> wanted = new HashSet<>();
        jdbc.query("SELECT DISTINCT bank_code, loan_id FROM loan_exception WHERE run_id = ?",
                rs -> {
                    wanted.add(key(rs.getString(1), rs.getString(2)));
                }, runId);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<Collector> parts = chunks.scanLoans(runId, 2, () -> new Collector(wanted));
        Map<String, Facts> all = new HashMap<>(wanted.size() * 2);
        parts.forEach(p -> all.putAll(p.found));
        return all;
    }

    public static String key(String bankCode, String loanId) {
        return bankCode + '\u0000' + loanId;
    }

    private static final class Collector implements Consumer<StoredLoan> {
        final Set<String> wanted;
        final Map<String, Facts> found = new HashMap<>();

        Collector(Set<String> wanted) {
            this.wanted = wanted;
        }

        @Override
        public void accept(StoredLoan stored) {
            Loan loan = stored.loan();
            String key = key(loan.bankCode(), loan.loanId());
            if (wanted.contains(key)) {
                found.put(key, new Facts(loan.amount(), loan.balance(), loan.issueDate()));
            }
        }
    }
}
