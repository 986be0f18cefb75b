package cn.microcredit.monitor.ingest;

import static cn.microcredit.monitor.ingest.LedgerColumn.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

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
    /**
     * No single loan of any kind is a billion yuan: a larger amount or balance is a broken export (digits run together,
     * cents as yuan), and storing it would make sums meaningless. 10,000 times the product's limit.
     */
    static final BigDecimal MAX_MONEY_YUAN = new BigDecimal("1000000000.00");
    private static final String TOO_LARGE = " 超过 1000000000 元，不是可信的单笔金额";

    private static final String[] ALL_ABSENT = new String[LedgerColumn.values().length];

    static {
        Arrays.fill(ALL_ABSENT, "");
    }

    private static final Codes<Classification> CLASSIFICATIONS = new Codes<>(Classification::of,
            Stream.concat(spellings(Classification.values(), Classification::label),
                    Stream.of("1", "2", "3", "4", "5")));
    private static final Codes<Purpose> PURPOSES = new Codes<>(Purpose::of,
            Stream.concat(spellings(Purpose.values(), Purpose::label), Stream.of("户贷企用")));
    private static final Codes<Guarantee> GUARANTEES = new Codes<>(Guarantee::of,
            Stream.concat(spellings(Guarantee.values(), Guarantee::label), Stream.of("免担保")));
    private static final Codes<Boolean> YES_NO = new Codes<>(LedgerRowParser::yesNo,
            Stream.of("Y", "N", "y", "n", "YES", "NO", "Yes", "No", "yes", "no", "是", "否"));

    /** Reads one typed column of a row, noting its problems: its value, a default when blank, or null. */
    @FunctionalInterface
    private interface FieldReader {
        Object read(Problems problems);
    }

    private record TypedField(LedgerColumn column, FieldReader reader) {
    }

    /**
     * The typed columns in the order their problems are reported, each with how it is read and what is out of range.
     * They are called one after another through one call site, so that each is compiled on its own: written out in
     * one method, the parser was compiled into 60 KB of machine code, and again for every date or number form a new
     * file brought, which took the compiler longer than reading the files.
     */
    private static final TypedField[] TYPED_FIELDS = {
            new TypedField(ISSUE_DATE, p -> p.value(ISSUE_DATE, Values::date)),
            new TypedField(MATURITY_DATE, p -> p.value(MATURITY_DATE, Values::date)),
            new TypedField(AMOUNT, p -> {
                BigDecimal amount = p.value(AMOUNT, Values::money);
                if (amount != null && amount.signum() <= 0) {
                    p.add(RejectReason.OUT_OF_RANGE, AMOUNT, amount.toPlainString() + " 须大于 0");
                } else if (amount != null && amount.compareTo(MAX_MONEY_YUAN) > 0) {
                    p.add(RejectReason.OUT_OF_RANGE, AMOUNT, amount.toPlainString() + TOO_LARGE);
                }
                return amount;
            }),
            new TypedField(BALANCE, p -> {
                BigDecimal balance = p.value(BALANCE, Values::money);
                if (balance != null && balance.signum() < 0) {
                    p.add(RejectReason.OUT_OF_RANGE, BALANCE, balance.toPlainString() + " 不能为负");
                } else if (balance != null && balance.compareTo(MAX_MONEY_YUAN) > 0) {
                    p.add(RejectReason.OUT_OF_RANGE, BALANCE, balance.toPlainString() + TOO_LARGE);
                }
                return balance;
            }),
            new TypedField(ANNUAL_RATE, p -> {
                BigDecimal rate = p.value(ANNUAL_RATE, Values::percent);
                if (rate != null && (rate.signum() < 0 || rate.compareTo(MAX_RATE_PCT) > 0)) {
                    p.add(RejectReason.OUT_OF_RANGE, ANNUAL_RATE, rate.toPlainString() + " 不在 0–24（%）之间");
                }
                return rate;
            }),
            new TypedField(OVERDUE_DAYS, p -> p.count(OVERDUE_DAYS)),
            new TypedField(CLASSIFICATION, p -> p.code(CLASSIFICATION, CLASSIFICATIONS)),
            new TypedField(RENEWAL_COUNT, p -> p.isBlank(RENEWAL_COUNT) ? Integer.valueOf(0) : p.count(RENEWAL_COUNT)),
            new TypedField(PURPOSE_CODE, p -> p.isBlank(PURPOSE_CODE)
                    ? Purpose.OTHER_PRODUCTIVE : p.code(PURPOSE_CODE, PURPOSES)),
            new TypedField(GUARANTEE, p -> p.isBlank(GUARANTEE) ? Guarantee.CREDIT : p.code(GUARANTEE, GUARANTEES)),
            new TypedField(LARGE_NEED, p -> p.isBlank(LARGE_NEED) ? Boolean.FALSE : p.code(LARGE_NEED, YES_NO)),
    };

    private final String file;
    private final HeaderMapping<LedgerColumn> header;
    private final Set<String> bankCodes;
    private final Set<String> countyCodes;
    /** The columns the file has, by ordinal, and where each is in a row. */
    private final int[] presentColumns;
    private final int[] presentIndexes;
    private final PlausibleDates dates;

    public LedgerRowParser(String file, HeaderMapping<LedgerColumn> header, Set<String> bankCodes,
                           Set<String> countyCodes) {
        this(file, header, bankCodes, countyCodes, PlausibleDates.ANY);
    }

    public LedgerRowParser(String file, HeaderMapping<LedgerColumn> header, Set<String> bankCodes,
                           Set<String> countyCodes, PlausibleDates dates) {
        this.dates = dates;
        this.file = file;
        this.header = header;
        this.bankCodes = bankCodes;
        this.countyCodes = countyCodes;
        LedgerColumn[] present = Stream.of(LedgerColumn.values()).filter(header::has).toArray(LedgerColumn[]::new);
        this.presentColumns = Stream.of(present).mapToInt(LedgerColumn::ordinal).toArray();
        this.presentIndexes = Stream.of(present).mapToInt(header::index).toArray();
    }

    /** Exactly one of loan and reject is set. */
    public record Outcome(Loan loan, Reject reject) {
    }

    public Outcome parse(CsvRows.Row row) {
        List<String> v = row.values();
        if (row.isMalformed()) {
            return new Outcome(null, new Reject(file, row.line(), "", "", RejectReason.MALFORMED_ROW, row.malformed()));
        }
        if (v.size() < header.width()) {
            return new Outcome(null, new Reject(file, row.line(), header.get(v, BANK_CODE), header.get(v, LOAN_ID),
                    RejectReason.MALFORMED_ROW, "字段数 " + v.size() + " 少于表头的 " + header.width() + " 列",
                    header.get(v, COUNTY_CODE)));
        }
        // Every field trimmed once, by column ordinal; "" where the file lacks the column.
        String[] f = ALL_ABSENT.clone();
        for (int k = 0; k < presentColumns.length; k++) {
            f[presentColumns[k]] = v.get(presentIndexes[k]).trim();
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
        Object[] typed = new Object[ALL_ABSENT.length];
        for (TypedField field : TYPED_FIELDS) {
            typed[field.column().ordinal()] = field.reader().read(problems);
        }
        LocalDate issue = (LocalDate) typed[ISSUE_DATE.ordinal()];
        LocalDate maturity = (LocalDate) typed[MATURITY_DATE.ordinal()];

        if (bank != null && !bankCodes.contains(bank)) {
            problems.add(RejectReason.UNKNOWN_BANK, BANK_CODE, Values.quote(bank) + " 不在 banks.csv 中");
        }
        if (county != null && !countyCodes.contains(county)) {
            problems.add(RejectReason.UNKNOWN_COUNTY, COUNTY_CODE, Values.quote(county) + " 不在县区代码表中");
        }
        if (issue != null && maturity != null && maturity.isBefore(issue)) {
            problems.add(RejectReason.MATURITY_BEFORE_ISSUE, MATURITY_DATE, maturity + " 早于发放日期 " + issue);
        }
        if (issue != null) {
            String wrong = dates.issue(issue);
            if (wrong != null) {
                problems.add(RejectReason.OUT_OF_RANGE, ISSUE_DATE, wrong);
            }
            // The term is judged only from a plausible issue date.
            wrong = wrong != null || maturity == null || maturity.isBefore(issue)
                    ? null : dates.maturity(issue, maturity);
            if (wrong != null) {
                problems.add(RejectReason.OUT_OF_RANGE, MATURITY_DATE, wrong);
            }
        }
        if (problems.first != null) {
            return reject(row, f, problems.first, String.join("; ", problems.messages));
        }
        return new Outcome(new Loan(bank, id, county, household, name, idNumber, issue, maturity,
                (BigDecimal) typed[AMOUNT.ordinal()], (BigDecimal) typed[BALANCE.ordinal()],
                (BigDecimal) typed[ANNUAL_RATE.ordinal()], (Integer) typed[OVERDUE_DAYS.ordinal()],
                (Classification) typed[CLASSIFICATION.ordinal()], (Integer) typed[RENEWAL_COUNT.ordinal()],
                (Purpose) typed[PURPOSE_CODE.ordinal()], (Guarantee) typed[GUARANTEE.ordinal()],
                (Boolean) typed[LARGE_NEED.ordinal()]), null);
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

    /** The usual spellings of an enum's constants: code, code in lower case, Chinese label. */
    private static <E extends Enum<E>> Stream<String> spellings(E[] constants, Function<E, String> label) {
        return Stream.of(constants)
                .flatMap(c -> Stream.of(c.name(), c.name().toLowerCase(Locale.ROOT), label.apply(c)));
    }

    /**
     * The codes of one column already looked up, by spelling, shared by every file: a date's ledgers use a handful of
     * spellings for a million rows. Seeded with the usual ones (only those the lookup accepts are kept), so that a new
     * file does not start with lookups; other spellings found are added, up to {@link #MAX_SPELLINGS} so that hostile
     * text cannot grow it.
     */
    private static final class Codes<T> {
        static final int MAX_SPELLINGS = 256;

        private final Function<String, Optional<T>> lookup;
        private final Map<String, T> known = new ConcurrentHashMap<>();

        Codes(Function<String, Optional<T>> lookup, Stream<String> usual) {
            this.lookup = lookup;
            usual.forEach(this::find);
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
