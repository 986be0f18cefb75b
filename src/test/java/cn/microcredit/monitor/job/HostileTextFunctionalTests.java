package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Ledger text that a spreadsheet would run as a formula (CWE-1236) reaches every output as inert text: a leading
 * {@code '} in the CSVs, a string cell in the workbooks.
 */
class HostileTextFunctionalTests {

    @TempDir
    Path work;

    @Test
    void formulaLookingTextIsNeutralisedInCsvAndWrittenAsTextInWorkbooks() throws IOException {
        Path input = work.resolve("2026-06-30");
        Files.createDirectories(input.resolve("ledgers"));
        Files.writeString(input.resolve("banks.csv"), "bank_code,bank_name,overall_npl_pct\n=B1,@SUM(1),1.50\n");
        Files.writeString(input.resolve("ledgers/x.csv"), """
                loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification,guarantee
                =1+1,=B1,210123,+H1,@张三,11010519491231002X,2025-06-01,2027-06-01,30000,30000,4.35,0,NORMAL,保证
                -L2,=B1,210123,H2,李四,11010519491231002X,2025-13-01,2027-06-01,30000,30000,4.35,0,NORMAL,信用
                """);
        Path out = work.resolve("out");

        int code = MonitorApplication.run(new String[] {"--input=" + input, "--output=" + out,
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        Path dir = out.resolve("2026-06-30");
        assertThat(lines(dir.resolve("exceptions.csv"))).containsExactly(
                "as_of,bank_code,loan_id,county_code,household_id,rule,severity,detail",
                "2026-06-30,'=B1,'=1+1,210123,'+H1,GUARANTEE_REQUIRED,MEDIUM,担保方式为保证，政策要求免担保");
        assertThat(lines(dir.resolve("rejects.csv")).get(1)).startsWith("ledgers/x.csv,3,'=B1,'-L2,BAD_DATE,");
        assertThat(lines(dir.resolve("bank_metrics.csv")).get(1)).startsWith("2026-06-30,'=B1,'@SUM(1),1,");
        assertThat(lines(dir.resolve("bank_county_metrics.csv")).get(1)).startsWith("2026-06-30,210123,'=B1,1,");

        try (InputStream in = Files.newInputStream(dir.resolve("帮扶小额信贷风险监测_全省_2026-06-30.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row exception = wb.getSheet("合规异常明细").getRow(1);
            assertThat(exception.getCell(6).getCellType()).isEqualTo(CellType.STRING);
            assertThat(exception.getCell(6).getStringCellValue()).isEqualTo("=1+1");
            assertThat(exception.getCell(11).getStringCellValue()).isEqualTo("+H1");
            assertThat(exception.getCell(8).getStringCellValue()).isEqualTo("@*");
            assertThat(exception.getCell(12).getStringCellValue()).isEqualTo("110105********002X");
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
                }
            }
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    }
}
