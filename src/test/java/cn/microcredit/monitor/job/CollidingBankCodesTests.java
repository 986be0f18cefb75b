package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/** Issue 17, item 7: banks {@code X/1} and {@code X_1} each get a valid feedback workbook of their own. */
class CollidingBankCodesTests {

    @TempDir
    Path work;

    @Test
    void bothBanksWorkbooksExistAndOpenEachWithItsOwnRows() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.writeString(in.resolve("banks.csv"), "bank_code,bank_name,overall_npl_pct\nX/1,斜杠银行,1.50\n"
                + "X_1,下划线银行,2.00\n", StandardCharsets.UTF_8);
        String header = "loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,issue_date,"
                + "maturity_date,amount,balance,annual_rate,overdue_days,classification\n";
        StringBuilder slash = new StringBuilder(header);
        StringBuilder underscore = new StringBuilder(header);
        for (int i = 1; i <= 300; i++) {
            slash.append("S").append(i).append(",X/1,210123,HS").append(i)
                    .append(",张三,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n");
            underscore.append("U").append(i).append(",X_1,210123,HU").append(i)
                    .append(",李四,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n");
        }
        slash.append("SBAD,X/1,999999,HSX,张三,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n");
        underscore.append("UBAD,X_1,999999,HUX,李四,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n");
        Files.writeString(in.resolve("ledgers/slash.csv"), slash, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("ledgers/underscore.csv"), underscore, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = MonitorApplication.run(new String[] {"--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> books;
        try (Stream<Path> s = Files.list(work.resolve("out/2026-06-30/banks"))) {
            books = s.sorted().toList();
        }
        assertThat(books).extracting(p -> p.getFileName().toString()).hasSize(2)
                .contains("数据质量反馈_X_1_2026-06-30.xlsx")
                .anyMatch(n -> n.matches("数据质量反馈_X_1-[0-9a-f]{8}_2026-06-30\\.xlsx"));
        for (Path book : books) {
            String expected = book.getFileName().toString().equals("数据质量反馈_X_1_2026-06-30.xlsx") ? "UBAD" : "SBAD";
            try (Workbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
                Sheet rejects = wb.getSheet("拒收明细");
                assertThat(rejects).as(book.toString()).isNotNull();
                StringBuilder text = new StringBuilder();
                for (Row row : rejects) {
                    row.forEach(c -> text.append(new DataFormatter().formatCellValue(c)).append(','));
                }
                assertThat(text).as(book.toString()).contains(expected)
                        .doesNotContain(expected.equals("UBAD") ? "SBAD" : "UBAD");
            }
        }
    }
}
