package cn.microcredit.monitor.ingest;

import static cn.microcredit.monitor.ingest.LedgerColumn.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/**
 * Turns one ledger row into a {@link Loan} or a {@link Reject} (SPEC 3.1). Every problem of the row is named in the
 * reject's detail; its reason is the first problem found: field formats in column order, then the bank, the county
 * and the dates.
 */
public final class LedgerRowParser {

    /** SPEC: loan_id is text of at most 64 characters. */
    static final int MAX_LOAN_ID_LENGTH = 64;
    /** Other text fields: long enough for any real name or code, short enough that garbage cannot flood a report. */
    static final int MAX_TEXT_LENGTH = 100;
    private static final BigDecimal MAX_RATE_PCT = BigDecimal.valueOf(24);

    private final String file;
    private final HeaderMapping<LedgerColumn> header;
    private final Set<String> bankCodes;
    private final Set<String> countyCodes;

    public LedgerRowParser(String file, HeaderMapping<LedgerColumn> header, Set<String> bankCodes,
                           Set<String> countyCodes) {
        this.file = file;
        this.header = header;
        this.bankCodes = bankCodes;
        this.countyCodes = countyCodes;
    }

    /** Exactly one of loan and reject is set. */
    public record Outcome(Loan loan, Reject reject) {
    }

    public Outcome parse(CsvRows.Row row) {
        List<String> v = row.values();
        String bankCode = header.get(v, BANK_CODE);
        String loanId = header.get(v, LOAN_ID);
        if (row.isMalformed()) {
            return new Outcome(null, new Reject(file, row.line(), "", "", RejectReason.MALFORMED_ROW, row.malformed()));
        }
        if (v.size() < header.width()) {
            return reject(row, bankCode, loanId, RejectReason.MALFORMED_ROW,
                    "字段数 " + v.size() + " 少于表头的 " + header.width() + " 列");
        }
        if (v.size() > header.width() && v.subList(header.width(), v.size()).stream().anyMatch(s -> !s.isBlank())) {
            return reject(row, bankCode, loanId, RejectReason.MALFORMED_ROW,
                    "字段数 " + v.size() + " 多于表头的 " + header.width() + " 列（金额中的千分位逗号须加引号）");
        }

        Problems problems = new Problems();
        String id = problems.text(v, LOAN_ID);
        String bank = problems.text(v, BANK_CODE);
        String county = problems.text(v, COUNTY_CODE);
        String household = problems.text(v, HOUSEHOLD_ID);
        String name = problems.text(v, BORROWER_NAME);
        String idNumber = problems.text(v, BORROWER_ID_NUMBER);
        LocalDate issue = problems.value(v, ISSUE_DATE, Values::date);
        LocalDate maturity = problems.value(v, MATURITY_DATE, Values::date);
        BigDecimal amount = problems.value(v, AMOUNT, Values::money);
        if (amount != null && amount.signum() <= 0) {
            problems.add(RejectReason.OUT_OF_RANGE, AMOUNT, amount.toPlainString() + " 须大于 0");
        }
        BigDecimal balance = problems.value(v, BALANCE, Values::money);
        if (balance != null && balance.signum() < 0) {
            problems.add(RejectReason.OUT_OF_RANGE, BALANCE, balance.toPlainString() + " 不能为负");
        }
        BigDecimal rate = problems.value(v, ANNUAL_RATE, Values::percent);
        if (rate != null && (rate.signum() < 0 || rate.compareTo(MAX_RATE_PCT) > 0)) {
            problems.add(RejectReason.OUT_OF_RANGE, ANNUAL_RATE, rate.toPlainString() + " 不在 0–24（%）之间");
        }
        Integer overdueDays = problems.count(v, OVERDUE_DAYS);
        Classification classification = problems.code(v, CLASSIFICATION, Classification::of);
        Integer renewals = problems.isBlank(v, RENEWAL_COUNT) ? Integer.valueOf(0) : problems.count(v, RENEWAL_COUNT);
        Purpose purpose = problems.isBlank(v, PURPOSE_CODE)
                ? Purpose.OTHER_PRODUCTIVE : problems.code(v, PURPOSE_CODE, Purpose::of);
        Guarantee guarantee = problems.isBlank(v, GUARANTEE)
                ? Guarantee.CREDIT : problems.code(v, GUARANTEE, Guarantee::of);
        Boolean largeNeed = problems.isBlank(v, LARGE_NEED) ? Boolean.FALSE : problems.code(v, LARGE_NEED, LedgerRowParser::yesNo);

        if (bank != null && !bankCodes.contains(bank)) {
            problems.add(RejectReason.UNKNOWN_BANK, BANK_CODE, Values.quote(bank) + " 不在 banks.csv 中");
        }
        if (county != null && !countyCodes.contains(county)) {
            problems.add(RejectReason.UNKNOWN_COUNTY, COUNTY_CODE, Values.quote(county) + " 不在县区代码表中");
        }
        if (issue != null && maturity != null && maturity.isBefore(issue)) {
            problems.add(RejectReason.MATURITY_BEFORE_ISSUE, MATURITY_DATE, maturity + " 早于发放日期 " + issue);
        }
        if (problems.first != null) {
            return reject(row, bankCode, loanId, problems.first, String.join("; ", problems.messages));
        }
        return new Outcome(new Loan(bank, id, county, household, name, idNumber, issue, maturity, amount, balance,
                rate, overdueDays, classification, renewals, purpose, guarantee, largeNeed), null);
    }

    private Outcome reject(CsvRows.Row row, String bankCode, String loanId, RejectReason reason, String detail) {
        String countyCode = header.get(row.values(), COUNTY_CODE);
        return new Outcome(null, new Reject(file, row.line(), bankCode, loanId, reason, detail, countyCode));
    }

    private static Optional<Boolean> yesNo(String text) {
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "Y", "YES", "是" -> Optional.of(Boolean.TRUE);
            case "N", "NO", "否" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** Collects the problems of one row. */
    private final class Problems {
        private RejectReason first;
        private final List<String> messages = new ArrayList<>(2);

        void add(RejectReason reason, LedgerColumn column, String message) {
            if (first == null) {
                first = reason;
            }
            messages.add(column.display() + ": " + message);
        }

        boolean isBlank(List<String> v, LedgerColumn column) {
            return header.get(v, column).isEmpty();
        }

        String text(List<String> v, LedgerColumn column) {
            String s = header.get(v, column);
            if (s.isEmpty()) {
                add(RejectReason.MISSING_FIELD, column, "必填字段为空");
                return null;
            }
            int max = column == LOAN_ID ? MAX_LOAN_ID_LENGTH : MAX_TEXT_LENGTH;
            if (s.length() > max) {
                add(RejectReason.OUT_OF_RANGE, column, "长度 " + s.length() + " 超过 " + max + " 个字符");
                return null;
            }
            return s;
        }

        <T> T value(List<String> v, LedgerColumn column, Parser<T> parser) {
            String s = text(v, column);
            if (s == null) {
                return null;
            }
            try {
                return parser.parse(s);
            } catch (FieldException e) {
                add(e.reason(), column, e.getMessage());
                return null;
            }
        }

        Integer count(List<String> v, LedgerColumn column) {
            Integer n = value(v, column, Values::integer);
            if (n != null && n < 0) {
                add(RejectReason.OUT_OF_RANGE, column, n + " 不能为负");
            }
            return n;
        }

        <T> T code(List<String> v, LedgerColumn column, Function<String, Optional<T>> lookup) {
            String s = text(v, column);
            if (s == null) {
                return null;
            }
            Optional<T> found = lookup.apply(s);
            if (found.isEmpty()) {
                add(RejectReason.UNKNOWN_CODE, column, Values.quote(s) + " 不是可识别的代码");
                return null;
            }
            return found.get();
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text) throws FieldException;
    }
}
