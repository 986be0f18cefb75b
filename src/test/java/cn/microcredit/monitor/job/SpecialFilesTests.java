package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Issue 17, items 5, 6 and 11: bytes that do not fit a file's encoding, FIFOs where files belong, a ledger that is a
 * link out of the input folder. Each is named and refused; nothing hangs and nothing is accepted garbled.
 */
class SpecialFilesTests {

    private static final Path E2E = Path.of("src/test/resources/e2e/2026-06-30");
    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,"
            + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification\n";

    @TempDir
    Path work;

    private Path input() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(E2E.resolve("banks.csv"), in.resolve("banks.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b2.csv"), in.resolve("ledgers/b2.csv"), REPLACE_EXISTING);
        return in;
    }

    private record Result(int code, String out, String rejects) {
    }

    private Result run(Path in, String... more) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = new String[3 + more.length];
        args[0] = "--input=" + in;
        args[1] = "--output=" + work.resolve("out");
        args[2] = "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath();
        System.arraycopy(more, 0, args, 3, more.length);
        int code = MonitorApplication.run(args, print, print);
        Path rejects = work.resolve(more.length > 0 ? "out/2026-06-30/validation/rejects.csv"
                : "out/2026-06-30/rejects.csv");
        return new Result(code, out.toString(StandardCharsets.UTF_8),
                Files.exists(rejects) ? Files.readString(rejects) : "");
    }

    private static String row(String id, String name) {
        return id + ",B2,210123,H" + id + "," + name
                + ",210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n";
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
    }

    @Test
    void aStrayByteInAUtf8LedgerRejectsItsRowNamingTheEncodingAndTheOtherNamesAreIntact() throws IOException {
        Path in = input();
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 1; i <= 9; i++) {
            rows.append(row("U" + i, "张三丰"));
        }
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = row("U10", "李X").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 60] = (byte) 0xFF;
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(in.resolve("ledgers/zz.csv"), all);

        Result r = run(in);

        assertThat(r.code()).isZero();
        assertThat(r.rejects()).contains("ledgers/zz.csv,11,,,MALFORMED_ROW,第6列含有不能按 UTF-8 解码的字节");
        String summary = Files.readString(work.resolve("out/2026-06-30/run_summary.json"));
        assertThat(summary).contains("\"file\": \"ledgers/zz.csv\"", "\"charset\": \"UTF-8\"", "\"rows_read\": 10",
                "\"rows_accepted\": 9");
        assertThat(run(in, "--validate-only").rejects()).isEqualTo(r.rejects());
    }

    @Test
    void aGb18030LedgerBehindAUtf8ByteOrderMarkIsRejectedRowByRowNamingTheEncoding() throws IOException {
        Path in = input();
        byte[] gbk = (HEADER + row("G1", "张三丰") + row("G2", "李四")).getBytes(Charset.forName("GB18030"));
        byte[] all = new byte[gbk.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(gbk, 0, all, 3, gbk.length);
        Files.write(in.resolve("ledgers/zz.csv"), all);

        Result r = run(in);

        assertThat(r.code()).isZero();
        assertThat(r.rejects()).contains(
                "ledgers/zz.csv,2,,,MALFORMED_ROW,第5列含有不能按 UTF-8（文件以 BOM 标明） 解码的字节",
                "ledgers/zz.csv,3,,,MALFORMED_ROW,第5列含有不能按 UTF-8（文件以 BOM 标明） 解码的字节");
    }

    @Test
    @Timeout(120)
    void fifosAsRosterLedgerAndBanksAreNamedAndRefusedAtOnce() throws Exception {
        Path in = input();
        mkfifo(in.resolve("roster.csv"));
        mkfifo(in.resolve("ledgers/zz.csv"));

        Result r = run(in);

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.rejects()).contains("roster.csv,1,,,UNREADABLE_FILE,\"是特殊文件（命名管道、设备或套接字），不是普通文件",
                "ledgers/zz.csv,1,,,UNREADABLE_FILE,\"是特殊文件（命名管道、设备或套接字），不是普通文件");
        Result v = run(in, "--validate-only");
        assertThat(v.code()).isEqualTo(3);
        assertThat(v.rejects()).isEqualTo(r.rejects());

        Files.delete(in.resolve("banks.csv"));
        mkfifo(in.resolve("banks.csv"));
        Result banks = run(in);
        assertThat(banks.code()).isEqualTo(1);
        assertThat(banks.out()).contains("banks.csv: 是特殊文件（命名管道、设备或套接字），不是普通文件").doesNotContain("文件不存在");
    }

    @Test
    void aLedgerLinkLeadingOutOfTheInputFolderIsRefusedAndOneInsideIsRead() throws IOException {
        Path in = input();
        Path secret = Files.writeString(work.resolve("secret.csv"), HEADER + row("S1", "赵六"));
        Files.createSymbolicLink(in.resolve("ledgers/zz.csv"), secret);
        Files.copy(secret, in.resolve("inside.csv"));
        Files.createSymbolicLink(in.resolve("ledgers/yy.csv"), in.resolve("inside.csv"));

        Result r = run(in);

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.rejects()).contains("ledgers/zz.csv,1,,,UNREADABLE_FILE,是指向输入文件夹之外的符号链接，未读取");
        assertThat(Files.readString(work.resolve("out/2026-06-30/run_summary.json")))
                .contains("\"file\": \"ledgers/yy.csv\"");
    }
}
