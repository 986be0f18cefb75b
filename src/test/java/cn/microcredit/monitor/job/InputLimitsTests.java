package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Issue 17, item 3: one bank's oversized file is rejected whole, naming the limit, and the other banks' results are
 * published (exit 3); {@code --validate-only} says the same.
 */
class InputLimitsTests {

    private static final Path E2E = Path.of("src/test/resources/e2e/2026-06-30");
    private static final String HEADER = "loan_id,bank_code,county_code,household_id,borrower_name,"
            + "borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification";
    private static final String ROW = "Z1,B2,210123,HZ1,王五,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,"
            + "NORMAL";

    @TempDir
    Path work;

    @AfterEach
    void defaultLimits() {
        System.clearProperty("monitor.limits.file-bytes");
        System.clearProperty("monitor.limits.shared-strings-bytes");
    }

    private Path input() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(E2E.resolve("banks.csv"), in.resolve("banks.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b2.csv"), in.resolve("ledgers/b2.csv"), REPLACE_EXISTING);
        return in;
    }

    private record Result(int code, String rejects, String validated, String summary) {
    }

    private Result runBoth(Path in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = {"--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath()};
        int code = MonitorApplication.run(args, print, print);
        String[] validate = Arrays.copyOf(args, 4);
        validate[3] = "--validate-only";
        int validateCode = MonitorApplication.run(validate, print, print);
        assertThat(validateCode).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(code);
        Path dir = work.resolve("out/2026-06-30");
        return new Result(code, Files.readString(dir.resolve("rejects.csv")),
                Files.readString(dir.resolve("validation/rejects.csv")),
                Files.readString(dir.resolve("run_summary.json")));
    }

    private static void othersPublished(Result r) {
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.summary()).contains("\"file\": \"ledgers/b1.csv\"", "\"rows_accepted\": 4");
        assertThat(r.validated()).isEqualTo(r.rejects());
    }

    @Test
    void aLineOf64MegabytesOfCommasRejectsItsFileWholeAndTheOthersArePublished() throws IOException {
        Path in = input();
        try (OutputStream out = Files.newOutputStream(in.resolve("ledgers/zz.csv"))) {
            out.write((HEADER + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] commas = new byte[1 << 20];
            Arrays.fill(commas, (byte) ',');
            for (int i = 0; i < 64; i++) {
                out.write(commas);
            }
            out.write('\n');
        }

        Result r = runBoth(in);

        othersPublished(r);
        assertThat(r.rejects()).contains("ledgers/zz.csv,1,,,TOO_LARGE,一行超过 1048576 个字符的上限 (monitor.limits.row-chars)");
    }

    @Test
    void aFieldOneCharacterOverTheLimitRefusesItsFileAndOneAtTheLimitIsRead() throws IOException {
        Path in = input();
        // Field limit 32,767 characters: line 2's name has exactly that many, line 3's one more.
        Files.writeString(in.resolve("ledgers/zz.csv"), HEADER + "\n"
                + ROW.replace("王五", "王" + "五".repeat(32_766)) + "\n"
                + ROW.replace("Z1,", "Z2,").replace("王五", "王" + "五".repeat(32_767)) + "\n", StandardCharsets.UTF_8);

        Result r = runBoth(in);

        othersPublished(r);
        assertThat(r.rejects()).contains("ledgers/zz.csv,1,,,TOO_LARGE,第3行第5列 32768 个字符，超过单个字段上限 32767 个字符 "
                + "(monitor.limits.field-chars)");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path in = input();
        StringBuilder rows = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10; i++) {
            rows.append(ROW.replace("Z1,", "Z" + i + ",")).append('\n');
        }
        Files.writeString(in.resolve("ledgers/zz.csv"), rows, StandardCharsets.UTF_8);
        long size = Files.size(in.resolve("ledgers/zz.csv"));
        long b1 = Files.size(in.resolve("ledgers/b1.csv"));
        long b2 = Files.size(in.resolve("ledgers/b2.csv"));
        assertThat(size).isGreaterThan(Math.max(b1, b2));
        System.setProperty("monitor.limits.file-bytes", Long.toString(size - 1));

        Result r = runBoth(in);

        othersPublished(r);
        assertThat(r.rejects()).contains("ledgers/zz.csv,1,,,TOO_LARGE,文件 " + size + " 字节，超过上限 " + (size - 1)
                + " 字节 (monitor.limits.file-bytes)；请拆分为多个文件报送");
    }

    @Test
    void anXlsxWhoseSharedStringsPassTheLimitIsRefusedWhole() throws IOException {
        Path in = input();
        try (XSSFWorkbook wb = new XSSFWorkbook();
             OutputStream out = Files.newOutputStream(in.resolve("ledgers/zz.xlsx"))) {
            Sheet sheet = wb.createSheet("台账");
            String[] header = HEADER.split(",");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 2_000; r++) {
                String[] v = ROW.replace("Z1", "Z" + r).replace("HZ1", "HZ" + r).split(",");
                Row row = sheet.createRow(r);
                for (int c = 0; c < v.length; c++) {
                    row.createCell(c).setCellValue(v[c]);
                }
            }
            wb.write(out);
        }
        System.setProperty("monitor.limits.shared-strings-bytes", "10000");

        Result r = runBoth(in);

        othersPublished(r);
        assertThat(r.rejects()).contains("ledgers/zz.xlsx,1,,,TOO_LARGE,共享字符串表 (sharedStrings.xml) 解压后超过 10000 字节的上限 "
                + "(monitor.limits.shared-strings-bytes)；请另存为 CSV 报送");
    }
}
