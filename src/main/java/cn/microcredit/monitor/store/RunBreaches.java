package cn.microcredit.monitor.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.rules.Severity;

/**
 * Every stored breach of a run, for the whole report step, in memory in a compact form (each row's fields as bytes,
 * about 300 bytes a breach: the heap held 87 MB with the 288,423 breaches of 4 M loans): as this process stored them,
 * or else read from the database once ({@link ExceptionRepository#read}); in the two orders the reports print them:
 * by bank, loan and rule (exceptions.csv) and worst first (the workbooks). The report made three sorted reads in the
 * database, 4-9 s each at 4 M loans, most of it H2 reading the rows: the report step took 27-30 s there, 17.7 s with
 * this (docs/benchmarks.md). Read-only once made: any number of threads may walk it at once.
 */
public final class RunBreaches {

    private static final Rule[] RULES = Rule.values();
    /** A row's array entries and objects beside its bytes: the bytes' array header, the loan id's String. */
    private static final int ROW_OVERHEAD_BYTES = 96;

    private final byte[][] rows;
    /** Positions in {@link #rows}, by bank, loan and rule order. */
    private final int[] byBankAndLoan;
    /** Positions in {@link #rows}: by severity (high first), county, bank, loan and rule order. */
    private final int[] worstFirst;

    private RunBreaches(byte[][] rows, int[] byBankAndLoan, int[] worstFirst) {
        this.rows = rows;
        this.byBankAndLoan = byBankAndLoan;
        this.worstFirst = worstFirst;
    }

    /**
     * Collects rows in the order they come (from the database, or as they are stored), then {@link #sorted()}. Not
     * thread-safe.
     */
    static final class Builder implements Consumer<ExceptionRepository.Row> {

        private byte[][] rows = new byte[1024][];
        private String[] banks = new String[1024];
        private String[] counties = new String[1024];
        private String[] loanIds = new String[1024];
        private byte[] rules = new byte[1024];
        private int size;
        private long bytes;
        /** Bank and county codes repeat: one String of each. */
        private final Map<String, String> codes = new HashMap<>();

        @Override
        public void accept(ExceptionRepository.Row row) {
            if (size == rows.length) {
                int capacity = size + (size >> 1);
                rows = Arrays.copyOf(rows, capacity);
                banks = Arrays.copyOf(banks, capacity);
                counties = Arrays.copyOf(counties, capacity);
                loanIds = Arrays.copyOf(loanIds, capacity);
                rules = Arrays.copyOf(rules, capacity);
            }
            rows[size] = encode(row);
            banks[size] = codes.computeIfAbsent(row.bankCode(), c -> c);
            counties[size] = codes.computeIfAbsent(row.countyCode(), c -> c);
            loanIds[size] = row.loanId();
            rules[size] = (byte) row.rule().ordinal();
            bytes += rows[size].length + 2L * row.loanId().length() + ROW_OVERHEAD_BYTES;
            size++;
        }

        /** About the heap the rows take. */
        long bytes() {
            return bytes;
        }

        /** The rows counted by rule (in rule order), by county and by bank (in code order), as the database counts. */
        ExceptionRepository.Counts counts() {
            long[] perRule = new long[RULES.length];
            Map<String, Long> byCounty = new TreeMap<>();
            Map<String, Long> byBank = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                perRule[rules[i]]++;
                byCounty.merge(counties[i], 1L, Long::sum);
                byBank.merge(banks[i], 1L, Long::sum);
            }
            Map<String, Long> byRule = new LinkedHashMap<>();
            for (Rule rule : RULES) {
                if (perRule[rule.ordinal()] > 0) {
                    byRule.put(rule.name(), perRule[rule.ordinal()]);
                }
            }
            return new ExceptionRepository.Counts(byRule, byCounty, byBank);
        }

        RunBreaches sorted() {
            Comparator<Integer> bankAndLoan = Comparator.<Integer, String>comparing(i -> banks[i])
                    .thenComparing(i -> loanIds[i]).thenComparingInt(i -> rules[i]);
            Comparator<Integer> worst = Comparator.<Integer>comparingInt(i -> severityRank(RULES[rules[i]]))
                    .thenComparing(i -> counties[i]).thenComparing(bankAndLoan);
            int[] first = IntStream.range(0, size).boxed().sorted(bankAndLoan).mapToInt(Integer::intValue).toArray();
            int[] second = IntStream.range(0, size).boxed().sorted(worst).mapToInt(Integer::intValue).toArray();
            return new RunBreaches(Arrays.copyOf(rows, size), first, second);
        }
    }

    /** As the SQL of the reports had it: HIGH, then MEDIUM, then the rest. */
    private static int severityRank(Rule rule) {
        return rule.severity() == Severity.HIGH ? 0 : rule.severity() == Severity.MEDIUM ? 1 : 2;
    }

    public int size() {
        return rows.length;
    }

    /** Every breach by bank, loan and rule order (the order of exceptions.csv). */
    public void forEach(Consumer<ExceptionRepository.Row> consumer) {
        for (int i : byBankAndLoan) {
            consumer.accept(decode(rows[i]));
        }
    }

    /** Every breach worst first: by severity, then county, bank, loan and rule. */
    public void forEachWorstFirst(Consumer<ExceptionRepository.Row> consumer) {
        for (int i : worstFirst) {
            consumer.accept(decode(rows[i]));
        }
    }

    // The compact form: the rule's ordinal, then each text as its length (-1 for null) and UTF-16 code units, the amounts
    // as text (exact, scale kept), the issue date as its epoch day (Long.MIN_VALUE for none). Never stored: it lives
    // for one report step of one build.

    private static byte[] encode(ExceptionRepository.Row r) {
        Out out = new Out();
        out.put((byte) r.rule().ordinal());
        for (String s : new String[] {r.bankCode(), r.loanId(), r.countyCode(), r.householdId(), r.detail(),
                r.borrowerName(), r.borrowerIdNumber(), r.amount() == null ? null : r.amount().toString(),
                r.balance() == null ? null : r.balance().toString()}) {
            out.string(s);
        }
        out.putLong(r.issueDate() == null ? Long.MIN_VALUE : r.issueDate().toEpochDay());
        return out.bytes();
    }

    private static ExceptionRepository.Row decode(byte[] b) {
        In in = new In(b);
        Rule rule = RULES[in.get()];
        String bank = in.string();
        String loanId = in.string();
        String county = in.string();
        String household = in.string();
        String detail = in.string();
        String name = in.string();
        String idNumber = in.string();
        String amount = in.string();
        String balance = in.string();
        long day = in.getLong();
        return new ExceptionRepository.Row(bank, loanId, county, household, rule, detail, name, idNumber,
                amount == null ? null : new BigDecimal(amount), balance == null ? null : new BigDecimal(balance),
                day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day));
    }

    private static final class Out {
        private byte[] buf = new byte[256];
        private int pos;

        void put(byte v) {
            room(1);
            buf[pos++] = v;
        }

        void putInt(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        void putLong(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        void string(String s) {
            if (s == null) {
                putInt(-1);
                return;
            }
            // UTF-16 code units as they are: exact for any text the database gave, lone surrogates included.
            putInt(s.length());
            room(2 * s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                buf[pos++] = (byte) (c >>> 8);
                buf[pos++] = (byte) c;
            }
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }
    }

    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        byte get() {
            return buf[pos++];
        }

        int getInt() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | buf[pos++] & 0xFF;
            }
            return v;
        }

        long getLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | buf[pos++] & 0xFF;
            }
            return v;
        }

        String string() {
            int n = getInt();
            if (n < 0) {
                return null;
            }
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) ((buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF);
                pos += 2;
            }
            return new String(chars);
        }
    }
}
