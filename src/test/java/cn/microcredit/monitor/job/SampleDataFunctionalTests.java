package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Runs the job over the bundled sample data and checks it against {@code sample-data/expected-problems.csv}, written
 * from the generator's design and checked by an independent implementation: every deliberate reject at its file and
 * line, exactly the expected exceptions and none of the boundary cases designed not to fire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataFunctionalTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final List<String> DATES = List.of("2026-09-30", "2026-10-31", "2026-11-30");

    @TempDir
    static Path work;

    private List<CSVRecord> expected;

    @BeforeAll
    void runEveryDate() throws IOException {
        String db = "--db=jdbc:h2:file:" + work.resolve("db/sample").toAbsolutePath();
        for (String date : DATES) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = MonitorApplication.run(new String[] {"--input=" + SAMPLE.resolve(date),
                    "--output=" + work.resolve("out"), db}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            // JZB is in banks.csv without a ledger on every date.
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        }
        expected = read(SAMPLE.resolve("expected-problems.csv"));
    }

    @Test
    void everyExpectedExceptionAndNoOther() throws IOException {
        for (String date : DATES) {
            Set<String> want = expected.stream()
                    .filter(r -> r.get("as_of").equals(date) && r.get("kind").equals("EXCEPTION"))
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("code"))
                    .collect(Collectors.toSet());
            Set<String> got = read(work.resolve("out").resolve(date).resolve("exceptions.csv")).stream()
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("rule"))
                    .collect(Collectors.toSet());
            assertThat(got).as(date).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void boundaryCasesDesignedNotToFireDoNot() throws IOException {
        for (String date : DATES) {
            Set<String> got = read(work.resolve("out").resolve(date).resolve("exceptions.csv")).stream()
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("rule"))
                    .collect(Collectors.toSet());
            List<String> mustNot = expected.stream()
                    .filter(r -> r.get("as_of").equals(date) && r.get("kind").equals("NO_EXCEPTION"))
                    .map(r -> r.get("bank_code") + "|" + r.get("loan_id") + "|" + r.get("code")).toList();
            assertThat(mustNot).as(date).isNotEmpty();
            assertThat(got).as(date).doesNotContainAnyElementsOf(mustNot);
        }
    }

    @Test
    void everyDeliberateRejectAtItsFileAndLine() throws IOException {
        for (String date : DATES) {
            Set<String> want = expected.stream()
                    .filter(r -> r.get("as_of").equals(date) && r.get("kind").equals("REJECT"))
                    .map(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("code"))
                    .collect(Collectors.toSet());
            Set<String> got = read(work.resolve("out").resolve(date).resolve("rejects.csv")).stream()
                    .map(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("reason"))
                    .collect(Collectors.toSet());
            assertThat(got).as(date).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void summaryReconcilesEveryFile() throws IOException {
        String summary = Files.readString(work.resolve("out/2026-11-30/run_summary.json"));
        assertThat(summary).contains("\"rows_read\": 1356", "\"rows_accepted\": 1346", "\"rows_rejected\": 10",
                "\"banks_missing\": [\"JZB\"]", "\"roster\": \"used\"", "\"exit_code\": 3");
    }

    @Test
    void everyWorkbookMasksPersonalDataHoldsNoFormulaAndOnlyItsOwnCounties() throws IOException {
        Path dir = work.resolve("out/2026-11-30");
        Map<String, Set<String>> countiesBySubBureau = read(dir.resolve("county_metrics.csv")).stream()
                .collect(Collectors.groupingBy(r -> r.get("sub_bureau"),
                        Collectors.mapping(r -> r.get("county_code"), Collectors.toSet())));
        List<String> names = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".xlsx")).forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).hasSize(countiesBySubBureau.size() + 1)
                .contains("帮扶小额信贷风险监测_全省_2026-11-30.xlsx");
        for (var entry : countiesBySubBureau.entrySet()) {
            Path file = dir.resolve("帮扶小额信贷风险监测_" + entry.getKey() + "_2026-11-30.xlsx");
            try (Workbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                assertThat(column(wb.getSheet("县域风险"), 0)).as(file.toString())
                        .containsExactlyInAnyOrderElementsOf(entry.getValue());
                assertThat(entry.getValue()).as(file.toString())
                        .containsAll(column(wb.getSheet("合规异常明细"), 6))
                        .containsAll(column(wb.getSheet("银行县域明细"), 0));
                assertNoFormulaAndMasked(wb);
            }
        }
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve(
                "帮扶小额信贷风险监测_全省_2026-11-30.xlsx")))) {
            assertThat(wb.getSheet("合规异常明细").getLastRowNum()).isEqualTo(24);
            assertThat(wb.getSheet("数据质量").getLastRowNum()).isEqualTo(10);
            assertNoFormulaAndMasked(wb);
        }
    }

    @Test
    void bankFeedbackWorkbooksHoldOnlyThatBanksRows() throws IOException {
        Path dir = work.resolve("out/2026-11-30/banks");
        for (String bank : List.of("LNRCB", "PSBC-LN", "ABC-LN", "LSB", "CZ-VB", "JZB")) {
            try (Workbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("数据质量反馈_" + bank + "_2026-11-30.xlsx")))) {
                assertThat(column(wb.getSheet("合规异常明细"), 4)).as(bank).allMatch(bank::equals);
                List<String> files = column(wb.getSheet("拒收明细"), 0);
                assertThat(files).as(bank).allMatch(f -> f.contains(bank + "_"));
                assertThat(files).as(bank).hasSize(bank.equals("JZB") ? 0 : 2);
                assertNoFormulaAndMasked(wb);
            }
        }
    }

    private static void assertNoFormulaAndMasked(Workbook wb) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(sheet.getSheetName()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
        Sheet exceptions = wb.getSheet("合规异常明细");
        for (int r = 1; r <= exceptions.getLastRowNum(); r++) {
            assertThat(exceptions.getRow(r).getCell(9).getStringCellValue()).matches(".\\*");
            assertThat(exceptions.getRow(r).getCell(10).getStringCellValue()).matches("\\d{6}\\*{8}[0-9Xx]{4}|.*\\*.*");
        }
    }

    private static List<String> column(Sheet sheet, int col) {
        List<String> values = new java.util.ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            values.add(sheet.getRow(r).getCell(col).getStringCellValue());
        }
        return values;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(r -> r).toList();
        }
    }
}
