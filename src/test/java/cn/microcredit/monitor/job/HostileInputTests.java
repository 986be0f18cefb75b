package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * The corpus of {@code src/test/resources/hostile}: each file beside the good ledgers of {@code e2e/2026-06-30}. The
 * job ends with the documented exit code and a message or reject naming the file (and line), and no other bank's data
 * is lost: the good ledgers' 8 accepted rows are there every time.
 */
class HostileInputTests {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final Path GOOD = Path.of("src/test/resources/e2e/2026-06-30");

    @TempDir
    Path work;

    private record Result(int code, String out, Path dir) {
        String file(String name) throws IOException {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        }
    }

    private Path input(String hostileLedger, byte[] content, String banksFile) throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(banksFile == null ? GOOD.resolve("banks.csv") : CORPUS.resolve(banksFile), in.resolve("banks.csv"),
                REPLACE_EXISTING);
        Files.copy(GOOD.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        Files.copy(GOOD.resolve("ledgers/b2.csv"), in.resolve("ledgers/b2.csv"), REPLACE_EXISTING);
        if (hostileLedger != null) {
            Files.write(in.resolve("ledgers/zz.csv"), content != null ? content
                    : Files.readAllBytes(CORPUS.resolve(hostileLedger)));
        }
        return in;
    }

    private Result run(Path in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = MonitorApplication.run(new String[] {"--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath()}, print, print);
        return new Result(code, out.toString(StandardCharsets.UTF_8), work.resolve("out/2026-06-30"));
    }

    private static void goodLedgersIntact(Result r) throws IOException {
        assertThat(r.file("run_summary.json")).contains("\"file\": \"ledgers/b1.csv\"", "\"rows_accepted\": 4");
        assertThat(r.file("bank_metrics.csv")).contains("2026-06-30,B1,甲农商银行,4,200000.00");
    }

    @Test
    void utf16LedgerIsReadLikeAnyOther() throws IOException {
        Result r = run(input("utf16.csv", null, null));

        assertThat(r.code()).isZero();
        assertThat(r.file("run_summary.json")).contains("\"file\": \"ledgers/zz.csv\"", "\"charset\": \"UTF-16LE (BOM)\"",
                "\"rows_read\": 14", "\"rows_accepted\": 10");
        goodLedgersIntact(r);
    }

    @Test
    void binaryGarbageIsRejectedWhole() throws IOException {
        Result r = run(input("garbage.csv", null, null));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.file("rejects.csv")).contains("ledgers/zz.csv,1,,,MISSING_COLUMNS,");
        goodLedgersIntact(r);
    }

    @Test
    void mixedLineEndingsKeepPhysicalLineNumbers() throws IOException {
        Result r = run(input("mixed-eol.csv", null, null));

        assertThat(r.code()).isZero();
        assertThat(r.file("rejects.csv")).contains("ledgers/zz.csv,5,B2,X4,BAD_DATE,");
        assertThat(r.file("run_summary.json")).contains("\"rows_read\": 16", "\"rows_accepted\": 11");
        goodLedgersIntact(r);
    }

    @Test
    void duplicateHeaderNamesRejectTheFileWhole() throws IOException {
        Result r = run(input("duplicate-header.csv", null, null));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.file("rejects.csv")).contains("ledgers/zz.csv,1,,,DUPLICATE_COLUMNS,表头列名重复: 借据号(loan_id)");
        goodLedgersIntact(r);
    }

    @Test
    void headerOnlyAndEmptyLedgers() throws IOException {
        Result headerOnly = run(input("header-only.csv", null, null));
        assertThat(headerOnly.code()).isZero();
        goodLedgersIntact(headerOnly);

        Result empty = run(input("empty.csv", null, null));
        assertThat(empty.code()).isEqualTo(3);
        assertThat(empty.file("rejects.csv")).contains("ledgers/zz.csv,1,,,MISSING_COLUMNS,\"文件为空，没有表头");
        goodLedgersIntact(empty);
    }

    @Test
    void aTenMegabyteFieldRejectsItsFileWholeAndCostsNoOtherFile() throws IOException {
        // Issue 17, item 3: over the row and field limits the file is rejected whole (it used to cost the row only,
        // but a 1 GB line then cost the whole run its heap).
        String header = Files.readString(CORPUS.resolve("header-only.csv"));
        String huge = "L".repeat(10 * 1024 * 1024);
        byte[] content = (header + huge + ",B2,210123,H1,王五,11010519491231002X,2025-06-01,2027-06-01,1,1,4,0,NORMAL\n")
                .getBytes(StandardCharsets.UTF_8);

        Result r = run(input("huge", content, null));

        assertThat(r.code()).isEqualTo(3);
        String rejects = r.file("rejects.csv");
        assertThat(rejects).contains("ledgers/zz.csv,1,,,TOO_LARGE,一行超过 1048576 个字符的上限 (monitor.limits.row-chars)");
        assertThat(rejects.length()).isLessThan(2_000);
        goodLedgersIntact(r);
    }

    @Test
    void banksFileProblemsFailTheRunNamingFileLineAndField() throws IOException {
        Result duplicate = run(input(null, null, "banks-duplicate.csv"));
        assertThat(duplicate.code()).isEqualTo(1);
        assertThat(duplicate.out()).contains("banks.csv 第4行", "机构代码 'B1' 重复");

        Files.delete(work.resolve("in/2026-06-30/banks.csv"));
        Files.copy(CORPUS.resolve("banks-bad-rate.csv"), work.resolve("in/2026-06-30/banks.csv"));
        Result badRate = run(work.resolve("in/2026-06-30"));
        assertThat(badRate.code()).isEqualTo(1);
        assertThat(badRate.out()).contains("banks.csv 第3行 全部贷款不良率(overall_npl_pct)", "两个点");

        Files.delete(work.resolve("in/2026-06-30/banks.csv"));
        Files.copy(CORPUS.resolve("banks-empty.csv"), work.resolve("in/2026-06-30/banks.csv"));
        assertThat(run(work.resolve("in/2026-06-30")).out()).contains("banks.csv: 文件为空");

        Files.delete(work.resolve("in/2026-06-30/banks.csv"));
        Result missing = run(work.resolve("in/2026-06-30"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("banks.csv: 文件不存在");
        assertThat(work.resolve("out/2026-06-30")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAUsageError() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = MonitorApplication.run(new String[] {"--input=" + input(null, null, null),
                "--output=" + file.resolve("out"), "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--output", "a-file");
    }
}
