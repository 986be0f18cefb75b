package cn.microcredit.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/** Reading resumes after a broken record: a mistake there loops forever, so every test has a deadline. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LedgerFileReaderTest {

    private static final int SEQ = 3;

    @TempDir
    Path dir;

    private final LedgerFileReader reader = new LedgerFileReader(Set.of("B01"), Set.of("210102", "210181"));
    private final RecordingSink sink = new RecordingSink();

    @Test
    void everyDataRowIsEitherAcceptedOrRejected() throws IOException {
        Path file = fixture("ledger-good-and-bad.csv", "b1.csv", StandardCharsets.UTF_8);

        FileResult result = readFile(file);

        assertThat(result).isEqualTo(new FileResult(SEQ, "b1.csv", "UTF-8", 5, 3, 2, null));
        assertThat(result.rowsRead()).isEqualTo(result.rowsAccepted() + result.rowsRejected());
        assertThat(sink.accepted).extracting(a -> a.loan().loanId(), Accepted::fileSeq, Accepted::line)
                .containsExactly(tuple("L001", SEQ, 3L), tuple("L002", SEQ, 4L), tuple("L005", SEQ, 9L));
        assertThat(sink.rejected).extracting(Reject::file, Reject::line, Reject::loanId, Reject::reason)
                .containsExactly(
                        tuple("b1.csv", 5L, "L003", RejectReason.UNKNOWN_BANK),
                        tuple("b1.csv", 8L, "L004", RejectReason.MATURITY_BEFORE_ISSUE));
        assertThat(sink.rejectedSeqs).containsExactly(SEQ, SEQ);
    }

    @Test
    void blankLinesAreNotCountedAsRows() throws IOException {
        Path file = fixture("ledger-header-only.csv", "b1.csv", StandardCharsets.UTF_8);
        Files.writeString(file, "\n\n" + Files.readString(file) + "\n\n", StandardCharsets.UTF_8);

        FileResult result = readFile(file);

        assertThat(result).isEqualTo(new FileResult(SEQ, "b1.csv", "UTF-8", 0, 0, 0, null));
    }

    @Test
    void acceptedRowsKeepEveryValueOfTheLedger() throws IOException {
        readFile(fixture("ledger-good-and-bad.csv", "b1.csv", StandardCharsets.UTF_8));

        assertThat(sink.accepted.get(0).loan()).isEqualTo(new Loan("B01", "L001", "210102", "H001", "张三",
                "210102198503151235", java.time.LocalDate.of(2026, 3, 15), java.time.LocalDate.of(2028, 3, 14),
                new BigDecimal("50000.00"), new BigDecimal("45000.00"), new BigDecimal("3.45"), 0,
                Classification.NORMAL, 0, Purpose.PLANTING, Guarantee.CREDIT, false));
    }

    @Test
    void headerOnlyFileHasNoRowsAndIsNotRejected() throws IOException {
        FileResult result = readFile(fixture("ledger-header-only.csv", "b1.csv", StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(new FileResult(SEQ, "b1.csv", "UTF-8", 0, 0, 0, null));
        assertThat(result.rejectedWhole()).isFalse();
    }

    @Test
    void emptyFileIsRejectedWholeForMissingColumns() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.csv"));

        FileResult result = readFile(file);

        assertThat(result.rejectedWhole()).isTrue();
        assertThat(result.rowsRead()).isZero();
        assertThat(result.fileReject()).isEqualTo(new Reject("empty.csv", 1, "", "", RejectReason.MISSING_COLUMNS,
                "文件为空，没有表头；缺少必需列: 借据号(loan_id), 机构代码(bank_code), 县区代码(county_code), 户编号(household_id), "
                        + "借款人姓名(borrower_name), 身份证号(borrower_id_number), 发放日期(issue_date), "
                        + "到期日期(maturity_date), 贷款金额(amount), 贷款余额(balance), 执行年利率(annual_rate), "
                        + "逾期天数(overdue_days), 五级分类(classification)"));
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void fileOfOnlyAByteOrderMarkIsRejectedWholeForMissingColumns() throws IOException {
        Path file = Files.write(dir.resolve("bom.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        FileResult result = readFile(file);

        assertThat(result.fileReject().reason()).isEqualTo(RejectReason.MISSING_COLUMNS);
    }

    @Test
    void headerWithoutBalanceIsRejectedWholeNamingTheColumn() throws IOException {
        Path file = fixture("ledger-without-balance.csv", "b2.csv", StandardCharsets.UTF_8);

        FileResult result = readFile(file);

        assertThat(result).isEqualTo(new FileResult(SEQ, "b2.csv", "UTF-8", 0, 0, 0, new Reject("b2.csv", 1, "", "",
                RejectReason.MISSING_COLUMNS, "表头缺少必需列: 贷款余额(balance)")));
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void headerNamingAColumnTwiceIsRejectedWhole() throws IOException {
        FileResult result = readFile(fixture("ledger-duplicate-column.csv", "b1.csv", StandardCharsets.UTF_8));

        assertThat(result.fileReject()).isEqualTo(new Reject("b1.csv", 1, "", "", RejectReason.DUPLICATE_COLUMNS,
                "表头列名重复: 借据号(loan_id)"));
        assertThat(result.rowsRead()).isZero();
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void gbkLedgerWithChineseHeaderAndCodesIsRead() throws IOException {
        Path file = fixture("ledger-chinese.csv", "农商行.csv", Charset.forName("GBK"));

        FileResult result = readFile(file);

        assertThat(result).isEqualTo(new FileResult(SEQ, "农商行.csv", "GB18030", 2, 2, 0, null));
        Loan first = sink.accepted.get(0).loan();
        assertThat(first.borrowerName()).isEqualTo("张三");
        assertThat(first.householdId()).isEqualTo("户001");
        assertThat(first.amount()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(first.classification()).isEqualTo(Classification.NORMAL);
        assertThat(first.purpose()).isEqualTo(Purpose.BREEDING);
        assertThat(first.largeNeed()).isTrue();
        assertThat(sink.accepted.get(1).loan().classification()).isEqualTo(Classification.SPECIAL_MENTION);
    }

    @Test
    void utf8LedgerWithByteOrderMarkIsReadAndSaysSo() throws IOException {
        Path file = fixture("ledger-chinese.csv", "b1.csv", StandardCharsets.UTF_8);
        byte[] text = Files.readAllBytes(file);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);

        FileResult result = readFile(file);

        assertThat(result).isEqualTo(new FileResult(SEQ, "b1.csv", "UTF-8 (BOM)", 2, 2, 0, null));
        assertThat(sink.accepted.get(0).loan().loanId()).isEqualTo("JJ0001");
    }

    @Test
    void strayQuoteRejectsItsRowAndLaterRowsAreStillRead() throws IOException {
        Path file = fixture("ledger-stray-quote.csv", "b1.csv", StandardCharsets.UTF_8);

        FileResult result = readFile(file);

        assertThat(result).isEqualTo(new FileResult(SEQ, "b1.csv", "UTF-8", 3, 2, 1, null));
        assertThat(sink.rejected).extracting(Reject::line, Reject::reason)
                .containsExactly(tuple(3L, RejectReason.MALFORMED_ROW));
        assertThat(sink.accepted).extracting(a -> a.loan().loanId(), Accepted::line)
                .containsExactly(tuple("L001", 2L), tuple("L003", 4L));
    }

    private Path fixture(String resource, String name, Charset charset) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Files.write(dir.resolve(name), text.getBytes(charset));
        }
    }

    record Accepted(Loan loan, int fileSeq, long line) {
    }

    static final class RecordingSink implements LedgerSink {
        final List<Accepted> accepted = new ArrayList<>();
        final List<Reject> rejected = new ArrayList<>();
        final List<Integer> rejectedSeqs = new ArrayList<>();

        @Override
        public void accepted(Loan loan, int fileSeq, long line) {
            accepted.add(new Accepted(loan, fileSeq, line));
        }

        @Override
        public void rejected(Reject reject, int fileSeq) {
            rejected.add(reject);
            rejectedSeqs.add(fileSeq);
        }

        boolean isEmpty() {
            return accepted.isEmpty() && rejected.isEmpty();
        }
    }

    /** Reads a file as the job does, naming it in rejects by its file name. */
    private FileResult readFile(Path file) {
        return reader.read(file, file.getFileName().toString(), SEQ, sink);
    }

    @Test
    void theCheckpointRunsEvery1024RowsAndWhatItThrowsEndsTheRead() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, ledgerOf(3000));
        int[] calls = {0};
        LedgerFileReader stopping = new LedgerFileReader(Set.of("B01"), Set.of("210102"), () -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("stop requested");
            }
        });

        assertThatThrownBy(() -> stopping.read(file, "long.csv", SEQ, sink)).hasMessage("stop requested");
        assertThat(sink.accepted).hasSize(2048);
    }

    @Test
    void aFailingSinkIsNotMistakenForAnUnreadableWorkbook() throws IOException {
        Path file = dir.resolve("b1.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("台账");
            List<String> lines = ledgerOf(1).lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                String[] values = lines.get(r).split(",");
                var row = sheet.createRow(r);
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            wb.write(out);
        }
        LedgerSink failing = new LedgerSink() {
            @Override
            public void accepted(Loan loan, int fileSeq, long line) {
                throw new IllegalStateException("database unavailable");
            }

            @Override
            public void rejected(Reject reject, int fileSeq) {
                throw new IllegalStateException("database unavailable");
            }
        };

        // Not a whole-file reject that would let the run go on without the file's rows: the failure itself.
        assertThatThrownBy(() -> reader.read(file, "b1.xlsx", SEQ, failing)).hasMessage("database unavailable");
    }

    private static String ledgerOf(int rows) {
        StringBuilder text = new StringBuilder("loan_id,bank_code,county_code,household_id,borrower_name,"
                + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification\n");
        for (int i = 0; i < rows; i++) {
            text.append("L").append(i).append(",B01,210102,H").append(i)
                    .append(",张三,11010519491231002X,2026-03-01,2027-03-01,1000,1000,3.5,0,NORMAL\n");
        }
        return text.toString();
    }

    @Test
    void longFilesLogProgressWithRowsPerSecondAndPercent() throws IOException {
        StringBuilder text = new StringBuilder("loan_id,bank_code,county_code,household_id,borrower_name,"
                + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification\n");
        for (int i = 0; i < 3000; i++) {
            text.append("L").append(i).append(",B01,210102,H").append(i)
                    .append(",张三,11010519491231002X,2026-03-01,2027-03-01,1000,1000,3.5,0,NORMAL\n");
        }
        Path file = dir.resolve("long.csv");
        Files.writeString(file, text);
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(LedgerFileReader.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            new LedgerFileReader(Set.of("B01"), Set.of("210102"), 0, () -> { }).read(file, "long.csv", SEQ, sink);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allMatch(m -> m.matches("long\\.csv: (1024|2048) rows, \\d+ rows/s, \\d{1,3}% of the file"));
    }
}
