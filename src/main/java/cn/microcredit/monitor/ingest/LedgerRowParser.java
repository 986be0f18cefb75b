package cn.microcredit.monitor.ingest;

import static cn.microcredit.monitor.ingest.LedgerColumn.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final LedgerColumn[] COLUMNS = LedgerColumn.values();

    private final String file;
    private final HeaderMapping<LedgerColumn> header;
    private final Set<String> bankCodes;
    private final Set<String> countyCodes;
    private final Codes<Classification> classifications = new Codes<>(Classification::of);
    private final Codes<Purpose> purposes = new Codes<>(Purpose::of);
    private final Codes<Guarantee> guarantees = new Codes<>(Guarantee::of);
    private final Codes<Boolean> yesNo = new Codes<>(LedgerRowParser::yesNo);

    /** One parser reads one file, on one thread: it remembers the code spellings it has met. */
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
        // Every field trimmed once, by column; "" where the file lacks the column or the row is short.
        String[] f = new String[COLUMNS.length];
        for (LedgerColumn c : COLUMNS) {
            f[c.ordinal()] = header.get(v, c);
        }
        if (row.isMalformed()) {
            return new Outcome(null, new Reject(file, row.line(), "", "", RejectReason.MALFORMED_ROW, row.malformed()));
        }
        if (v.size() < header.width()) {
            return reject(row, f, RejectReason.MALFORMED_ROW,
                    "字段数 " + v.size() + " 少于表头的 " + header.width() + " 列");
        }
        if (v.size() > header.width() && v.subList(header.width(), v.size()).stream().anyMatch(s -> !s.isBlank())) {
            return reject(row, f, RejectReason.MALFORMED_ROW,
                    "字段数 " + v.size() + " 多于表头的 " + header.width() + " 列（金额中的千分位逗号须加引号）");
        }

        Problems problems = new Problems(f);
        String id = problems.text(LOAN_ID);
        String bank = problems.text(BANK_CODE);
        String county = problems.text(COUNTY_CODE);
        String household = problems.text(HOUSEHOLD_ID);
        String name = problems.text(BORROWER_NAME);
        String idNumber = problems.text(BORROWER_ID_NUMBER);
        LocalDate issue = problems.value(ISSUE_DATE, Values::date);
        LocalDate maturity = problems.value(MATURITY_DATE, Values::date);
        BigDecimal amount = problems.value(AMOUNT, Values::money);
        if (amount != null && amount.signum() <= 0) {
            problems.add(RejectReason.OUT_OF_RANGE, AMOUNT, amount.toPlainString() + " 须大于 0");
        }
        BigDecimal balance = problems.value(BALANCE, Values::money);
        if (balance != null && balance.signum() < 0) {
            problems.add(RejectReason.OUT_OF_RANGE, BALANCE, balance.toPlainString() + " 不能为负");
        }
        BigDecimal rate = problems.value(ANNUAL_RATE, Values::percent);
        if (rate != null && (rate.signum() < 0 || rate.compareTo(MAX_RATE_PCT) > 0)) {
            problems.add(RejectReason.OUT_OF_RANGE, ANNUAL_RATE, rate.toPlainString() + " 不在 0–24（%）之间");
        }
        Integer overdueDays = problems.count(OVERDUE_DAYS);
        Classification classification = problems.code(CLASSIFICATION, classifications);
        Integer renewals = problems.isBlank(RENEWAL_COUNT) ? Integer.valueOf(0) : problems.count(RENEWAL_COUNT);
        Purpose purpose = problems.isBlank(PURPOSE_CODE)
                ? Purpose.OTHER_PRODUCTIVE : problems.code(PURPOSE_CODE, purposes);
        Guarantee guarantee = problems.isBlank(GUARANTEE)
                ? Guarantee.CREDIT : problems.code(GUARANTEE, guarantees);
        Boolean largeNeed = problems.isBlank(LARGE_NEED) ? Boolean.FALSE : problems.code(LARGE_NEED, yesNo);

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
            return reject(row, f, problems.first, String.join("; ", problems.messages));
        }
        return new Outcome(new Loan(bank, id, county, household, name, idNumber, issue, maturity, amount, balance,
                rate, overdueDays, classification, renewals, purpose, guarantee, largeNeed), null);
    }

    private Outcome reject(CsvRows.Row row, String[] f, RejectReason reason, String detail) {
        return new Outcome(null, new Reject(file, row.line(), f[BANK_CODE.ordinal()], f[LOAN_ID.ordinal()], reason,
                detail, f[COUNTY_CODE.ordinal()]));
    }

    private static Optional<Boolean> yesNo(String text) {
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "Y", "YES", "是" -> Optional.of(Boolean.TRUE);
            case "N", "NO", "否" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * The codes of one column already looked up, by their spelling in the file: a ledger uses a handful of spellings
     * for a million rows. Only found codes are kept, and at most {@link #MAX_SPELLINGS}, so hostile text cannot grow it.
     */
    private static final class Codes<T> {
        static final int MAX_SPELLINGS = 64;

        private final Function<String, Optional<T>> lookup;
        private final Map<String, T> known = new HashMap<>();

        Codes(Function<String, Optional<T>> lookup) {
            this.lookup = lookup;
        }

        /** The code a text means, or null. */
        T find(String text) {
            T code = known.get(text);
            if (code == null) {
                code = lookup.apply(text).orElse(null);
                if (code != null && known.size() < MAX_SPELLINGS) {
                    known.put(text, code);
                }
            }
            return code;
        }
    }

    /** Collects the problems of one row, whose trimmed fields are {@code f} by column ordinal. */
    private static final class Problems {
        private final String[] f;
        private RejectReason first;
        private List<String> messages;

        Problems(String[] f) {
            this.f = f;
        }

        void add(RejectReason reason, LedgerColumn column, String message) {
            if (first == null) {
                first = reason;
                messages = new ArrayList<>(2);
            }
            messages.add(column.display() + ": " + message);
        }

        boolean isBlank(LedgerColumn column) {
            return f[column.ordinal()].isEmpty();
        }

        String text(LedgerColumn column) {
            String s = f[column.ordinal()];
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

        <T> T value(LedgerColumn column, Parser<T> parser) {
            String s = text(column);
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

        Integer count(LedgerColumn column) {
            Integer n = value(column, Values::integer);
            if (n != null && n < 0) {
                add(RejectReason.OUT_OF_RANGE, column, n + " 不能为负");
            }
            return n;
        }

        <T> T code(LedgerColumn column, Codes<T> codes) {
            String s = text(column);
            if (s == null) {
                return null;
            }
            T found = codes.find(s);
            if (found == null) {
                add(RejectReason.UNKNOWN_CODE, column, Values.quote(s) + " 不是可识别的代码");
            }
            return found;
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text) throws FieldException;
    }
}
