package cn.microcredit.monitor.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;
import cn.microcredit.monitor.reference.RosterCategory;
import cn.microcredit.monitor.reference.RosterPeriod;

/**
 * The golden chunks under {@code src/test/resources/store/golden/}: payloads written by each released format version,
 * and beside them, as readable text, what they hold. Enums in the text are by name, so a reordered enum cannot change
 * what the text means.
 */
final class GoldenChunks {

    static final String FOLDER = "/store/golden/";

    private GoldenChunks() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = GoldenChunks.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rows(String name, int fields) {
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(bytes(name), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != fields) {
                throw new IllegalStateException(name + ": " + fields + " fields expected: " + line);
            }
            rows.add(f);
        }
        return rows;
    }

    /** The loans of {@code loans.txt}, with the ledger line each came from. */
    static List<StoredLoan> loans(int fileSeq) {
        List<StoredLoan> loans = new ArrayList<>();
        for (String[] f : rows("loans.txt", 18)) {
            Loan loan = new Loan(f[1], f[2], f[3], f[4], f[5], f[6], LocalDate.parse(f[7]), LocalDate.parse(f[8]),
                    new BigDecimal(f[9]), new BigDecimal(f[10]), new BigDecimal(f[11]), Integer.parseInt(f[12]),
                    Classification.valueOf(f[13]), Integer.parseInt(f[14]), Purpose.valueOf(f[15]),
                    Guarantee.valueOf(f[16]), yesNo(f[17]));
            loans.add(new StoredLoan(fileSeq, Long.parseLong(f[0]), loan));
        }
        return loans;
    }

    /** The periods of {@code roster.txt}. */
    static List<RosterPeriod> roster() {
        List<RosterPeriod> periods = new ArrayList<>();
        for (String[] f : rows("roster.txt", 6)) {
            periods.add(new RosterPeriod(Long.parseLong(f[0]), f[1], f[2], RosterCategory.valueOf(f[3]),
                    LocalDate.parse(f[4]), f[5].isEmpty() ? null : LocalDate.parse(f[5])));
        }
        return periods;
    }

    private static boolean yesNo(String s) {
        return switch (s) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new IllegalStateException("Y or N expected: " + s);
        };
    }
}
