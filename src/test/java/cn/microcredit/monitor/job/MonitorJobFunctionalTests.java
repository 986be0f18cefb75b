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
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Runs the whole job, as the command line does, over two hand-checked dates in {@code src/test/resources/e2e}
 * (the figures are worked out in {@code e2e/README.md}) and asserts the published outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorJobFunctionalTests {

    private static final Path E2E = Path.of("src/test/resources/e2e");

    @TempDir
    static Path work;

    private String db;
    private Path out;

    @BeforeAll
    void setUp() {
        db = "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath();
        out = work.resolve("out");
    }

    private Result run(String date, String... extra) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("--input=" + E2E.resolve(date), "--output=" + out, "--db=" + db),
                Stream.of(extra)).toArray(String[]::new);
        int code = MonitorApplication.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private List<String> csv(String date, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(out.resolve(date).resolve(file));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @Order(1)
    void firstDateComputesEveryLevelWithoutHistory() throws IOException {
        Result r = run("2026-06-30");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(csv("2026-06-30", "bank_county_metrics.csv")).containsExactly(
                "as_of,county_code,bank_code,loan_count,balance,overdue_balance,npl_balance,overdue_rate_pct,"
                        + "npl_rate_pct,bank_npl_pct,threshold_pct,prev_overdue_rate_pct,overdue_change_pp,status,reasons,"
                        + "overdue_loan_count,npl_loan_count,est_central_subsidy,prev_status,projected_overdue_rate_pct,"
                        + "projected_npl_rate_pct,outlook",
                "2026-06-30,210123,B1,2,100000.00,4500.00,4500.00,4.50,4.50,1.50,4.50,,,WARN,OVERDUE_NEAR_TOLERANCE,"
                        + "1,1,1250.00,,,,",
                "2026-06-30,210123,B2,2,80000.00,30000.00,0.00,37.50,0.00,2.00,5.00,,,PAUSE,OVERDUE_ABOVE_TOLERANCE,"
                        + "1,0,1250.00,,,,",
                "2026-06-30,210124,B1,2,100000.00,4500.01,4500.01,4.50,4.50,1.50,4.50,,,PAUSE,"
                        + "NPL_ABOVE_TOLERANCE;OVERDUE_ABOVE_TOLERANCE,1,1,2005.50,,,,",
                "2026-06-30,211224,B2,1,20000.00,0.00,0.00,0.00,0.00,2.00,5.00,,,OK,,0,0,0.00,,,,");
        assertThat(csv("2026-06-30", "county_metrics.csv")).containsExactly(
                "as_of,county_code,county_name,city_code,sub_bureau,bank_count,loan_count,balance,overdue_balance,"
                        + "npl_balance,overdue_rate_pct,npl_rate_pct,threshold_pct,prev_overdue_rate_pct,"
                        + "overdue_change_pp,est_central_subsidy,status,reasons,household_count,overdue_loan_count,"
                        + "npl_loan_count,pause_banks,warn_banks,prev_status,projected_overdue_rate_pct,projected_npl_rate_pct,"
                        + "outlook",
                "2026-06-30,210123,康平县,210100,沈阳直属金融监管支局,2,4,180000.00,34500.00,4500.00,19.17,2.50,4.72,,,"
                        + "2500.00,PAUSE,OVERDUE_ABOVE_TOLERANCE,4,2,1,B2,B1,,,,",
                "2026-06-30,210124,法库县,210100,沈阳直属金融监管支局,1,2,100000.00,4500.01,4500.01,4.50,4.50,4.50,,,"
                        + "2005.50,PAUSE,NPL_ABOVE_TOLERANCE;OVERDUE_ABOVE_TOLERANCE,2,1,1,B1,,,,,",
                "2026-06-30,211224,昌图县,211200,铁岭金融监管分局,1,1,20000.00,0.00,0.00,0.00,0.00,5.00,,,0.00,OK,,"
                        + "1,0,0,,,,,,");
        assertThat(csv("2026-06-30", "bank_metrics.csv")).containsExactly(
                "as_of,bank_code,bank_name,loan_count,balance,overdue_balance,npl_balance,overdue_rate_pct,"
                        + "npl_rate_pct,bank_npl_pct,npl_gap_pp,within_tolerance,overdue90_balance,overdue90_to_npl_pct",
                "2026-06-30,B1,甲农商银行,4,200000.00,9000.01,9000.01,4.50,4.50,1.50,3.00,false,9000.01,100.00",
                "2026-06-30,B2,乙村镇银行,3,100000.00,30000.00,0.00,30.00,0.00,2.00,-2.00,true,0.00,");
        assertThat(csv("2026-06-30", "county_ageing.csv")).containsExactly(
                "as_of,county_code,bucket,loan_count,balance",
                "2026-06-30,210123,1-30,1,30000.00",
                "2026-06-30,210123,91-180,1,4500.00",
                "2026-06-30,210124,271-360,1,4500.01");
        assertThat(csv("2026-06-30", "rejects.csv")).containsExactly(
                "file,line,bank_code,loan_id,reason,detail",
                "ledgers/b2.csv,7,B2,BAD1,BAD_DATE,发放日期(issue_date): '2026/13/1' 不是存在的日期",
                "ledgers/b2.csv,8,B2,BAD2,UNKNOWN_COUNTY,县区代码(county_code): '999999' 不在县区代码表中",
                "ledgers/b2.csv,9,B2,L5,DUPLICATE_LOAN,借据号(loan_id) 与 ledgers/b2.csv 第2行 重复（同一机构同一日期借据号唯一，保留首次出现的一行）",
                "ledgers/b2.csv,10,B9,BAD4,UNKNOWN_BANK,机构代码(bank_code): 'B9' 不在 banks.csv 中");
        String summary = Files.readString(out.resolve("2026-06-30/run_summary.json"));
        assertThat(summary).contains("\"rows_read\": 12", "\"rows_accepted\": 8", "\"rows_rejected\": 4",
                "\"PAUSE\": 2", "\"WARN\": 0", "\"OK\": 1", "\"exit_code\": 0", "\"previous_as_of\": null",
                "\"comparison_as_of\": null", "\"overdue_loan_count\": 3", "\"npl_loan_count\": 2",
                "\"household_count\": 7");
        assertThat(r.stdout()).contains("b2.csv", "2 PAUSE", "exit code 0");
    }

    @Test
    @Order(2)
    void secondDateComparesWithTheFirstAndReportsTheUnusableFile() throws IOException {
        Result r = run("2026-07-31");

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(3);
        assertThat(csv("2026-07-31", "bank_county_metrics.csv")).containsExactly(
                "as_of,county_code,bank_code,loan_count,balance,overdue_balance,npl_balance,overdue_rate_pct,"
                        + "npl_rate_pct,bank_npl_pct,threshold_pct,prev_overdue_rate_pct,overdue_change_pp,status,reasons,"
                        + "overdue_loan_count,npl_loan_count,est_central_subsidy,prev_status,projected_overdue_rate_pct,"
                        + "projected_npl_rate_pct,outlook",
                "2026-07-31,210123,B1,3,100000.00,5500.00,4500.00,5.50,4.50,1.50,4.50,4.50,1.00,PAUSE,"
                        + "OVERDUE_ABOVE_TOLERANCE;OVERDUE_RISING_FAST,2,1,1275.00,WARN,5.50,4.50,",
                "2026-07-31,210123,B2,2,80000.00,30000.00,0.00,37.50,0.00,2.00,5.00,37.50,0.00,PAUSE,"
                        + "OVERDUE_ABOVE_TOLERANCE,1,0,1250.00,PAUSE,37.50,0.00,",
                "2026-07-31,210124,B1,2,100000.00,4500.01,4500.01,4.50,4.50,1.50,4.50,4.50,0.00,PAUSE,"
                        + "NPL_ABOVE_TOLERANCE;OVERDUE_ABOVE_TOLERANCE,1,1,2005.50,PAUSE,4.50,4.50,",
                "2026-07-31,211224,B2,2,20000.00,200.00,0.00,1.00,0.00,2.00,5.00,0.00,1.00,WARN,OVERDUE_RISING_FAST,"
                        + "1,0,5.00,OK,1.00,0.00,");
        assertThat(csv("2026-07-31", "county_metrics.csv")).containsExactly(
                "as_of,county_code,county_name,city_code,sub_bureau,bank_count,loan_count,balance,overdue_balance,"
                        + "npl_balance,overdue_rate_pct,npl_rate_pct,threshold_pct,prev_overdue_rate_pct,"
                        + "overdue_change_pp,est_central_subsidy,status,reasons,household_count,overdue_loan_count,"
                        + "npl_loan_count,pause_banks,warn_banks,prev_status,projected_overdue_rate_pct,projected_npl_rate_pct,"
                        + "outlook",
                "2026-07-31,210123,康平县,210100,沈阳直属金融监管支局,2,5,180000.00,35500.00,4500.00,19.72,2.50,4.72,"
                        + "19.17,0.56,2525.00,PAUSE,OVERDUE_ABOVE_TOLERANCE;OVERDUE_RISING_FAST,5,3,1,B1;B2,,PAUSE,19.72,2.50,",
                "2026-07-31,210124,法库县,210100,沈阳直属金融监管支局,1,2,100000.00,4500.01,4500.01,4.50,4.50,4.50,"
                        + "4.50,0.00,2005.50,PAUSE,NPL_ABOVE_TOLERANCE;OVERDUE_ABOVE_TOLERANCE,2,1,1,B1,,PAUSE,4.50,4.50,",
                "2026-07-31,211224,昌图县,211200,铁岭金融监管分局,1,2,20000.00,200.00,0.00,1.00,0.00,5.00,0.00,1.00,"
                        + "5.00,WARN,OVERDUE_RISING_FAST,2,1,0,,B2,OK,1.00,0.00,");
        assertThat(csv("2026-07-31", "rejects.csv")).containsExactly(
                "file,line,bank_code,loan_id,reason,detail",
                "ledgers/b3.csv,1,,,MISSING_COLUMNS,表头缺少必需列: 贷款余额(balance)");
        assertThat(Files.readString(out.resolve("2026-07-31/run_summary.json")))
                .contains("\"previous_as_of\": \"2026-06-30\"", "\"comparison_as_of\": \"2026-06-30\"",
                        "\"comparison_basis\": \"month-end\"", "\"rejected_whole\": \"MISSING_COLUMNS\"",
                        "\"exit_code\": 3");
        assertThat(r.stdout()).contains("对比日 2026-06-30 (comparison date, month-end)",
                "REJECTED WHOLE: MISSING_COLUMNS", "exit code 3");
    }

    @Test
    @Order(3)
    void rerunOfADateReplacesItsResultsWithIdenticalFilesAndClearsStaleStaging() throws IOException {
        Path published = out.resolve("2026-07-31");
        List<String> names = List.of("county_metrics.csv", "bank_county_metrics.csv", "bank_metrics.csv",
                "county_ageing.csv", "exceptions.csv", "rejects.csv");
        List<byte[]> before = names.stream().map(n -> read(published.resolve(n))).toList();
        // What a run killed while writing its reports leaves behind: its staging folder and its lock file, which
        // nobody holds any more.
        Files.createDirectories(out.resolve(".2026-07-31.run-99-00000000deadbeef.tmp"));
        Files.writeString(out.resolve(".2026-07-31.run-99-00000000deadbeef.tmp/county_metrics.csv"), "half");
        Files.writeString(out.resolve(".2026-07-31.run-99-00000000deadbeef.lock"), "");

        Result r = run("2026-07-31");

        assertThat(r.exitCode()).isEqualTo(3);
        for (int i = 0; i < names.size(); i++) {
            assertThat(read(published.resolve(names.get(i)))).as(names.get(i)).isEqualTo(before.get(i));
        }
        assertThat(Files.readString(published.resolve("run_summary.json"))).contains("\"rows_accepted\": 9");
        try (Stream<Path> leftovers = Files.list(out)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2026-06-30", "2026-07-31", ".publish.lock");
        }
    }

    @Test
    @Order(4)
    void workbooksHoldOnlyTheirSubBureausCounties() throws IOException {
        Path dir = out.resolve("2026-07-31");
        try (Workbook province = open(dir.resolve("帮扶小额信贷风险监测_全省_2026-07-31.xlsx"));
             Workbook tieling = open(dir.resolve("帮扶小额信贷风险监测_铁岭金融监管分局_2026-07-31.xlsx"));
             Workbook shenyang = open(dir.resolve("帮扶小额信贷风险监测_沈阳直属金融监管支局_2026-07-31.xlsx"))) {
            assertThat(sheetNames(province)).containsExactly("概览", "图表", "县域风险", "机构", "银行县域明细", "暂停发放名单",
                    "风险提示名单", "逾期账龄", "新老政策", "迁徙", "发放批次", "合规异常汇总", "合规异常按县区", "合规异常明细", "数据质量", "说明");
            // Worst first: both Shenyang counties PAUSE, 法库县 with the higher NPL rate.
            assertThat(countyCodes(province.getSheet("县域风险"))).containsExactly("210124", "210123", "211224");
            assertThat(countyCodes(tieling.getSheet("县域风险"))).containsExactly("211224");
            assertThat(countyCodes(shenyang.getSheet("县域风险"))).containsExactly("210124", "210123");
            assertThat(countyCodes(shenyang.getSheet("暂停发放名单"))).containsExactly("210123", "210124", "210123");
            assertThat(countyCodes(tieling.getSheet("暂停发放名单"))).isEmpty();
            assertThat(countyCodes(tieling.getSheet("风险提示名单"))).containsExactly("211224");
            Sheet counties = province.getSheet("县域风险");
            // Balance in 万元 (180,000.00 yuan), exact; rates rounded half-up as in the CSV.
            assertThat(counties.getRow(2).getCell(10).getNumericCellValue()).isEqualTo(18.0);
            assertThat(counties.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(19.72);
            assertThat(counties.getRow(2).getCell(3).getStringCellValue()).isEqualTo("暂停发放");
            assertThat(province.getSheet("数据质量").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("ledgers/b3.csv");
        }
    }

    @Test
    @Order(6)
    void missingInputFolderIsAUsageError() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = MonitorApplication.run(new String[] {"--input=" + work.resolve("nowhere")},
                System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--input", "nowhere");
    }

    @Test
    @Order(7)
    void historyListsStoredDatesNewestFirstAndPurgeKeepsTheirMetrics() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(stdout, true, StandardCharsets.UTF_8);

        assertThat(MonitorApplication.run(new String[] {"--history", "--db=" + db}, print, System.err)).isZero();
        List<String> before = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        stdout.reset();
        assertThat(MonitorApplication.run(new String[] {"--purge-before=2026-07-01", "--db=" + db}, print,
                System.err)).isZero();
        String purge = stdout.toString(StandardCharsets.UTF_8);
        stdout.reset();
        MonitorApplication.run(new String[] {"--history", "--db=" + db}, print, System.err);
        List<String> after = stdout.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(before).hasSize(3);
        assertThat(before.get(1)).startsWith("2026-07-31").contains("COMPLETED", " 2026-06-30 ")
                .matches(".* 9 +9 +2 +1$");
        assertThat(before.get(2)).startsWith("2026-06-30").matches(".* 8 +8 +2 +0$");
        assertThat(purge).contains("removed 8 stored loan rows of dates before 2026-07-01");
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(after.get(2)).startsWith("2026-06-30").matches(".* 8 +0 +2 +0$");
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Workbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(Workbook wb) {
        return java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
    }

    @Test
    @Order(5)
    void eachBankGetsAFeedbackWorkbookWithOnlyItsOwnRejects() throws IOException {
        Path banks = out.resolve("2026-06-30/banks");
        try (Workbook b2 = open(banks.resolve("数据质量反馈_B2_2026-06-30.xlsx"));
             Workbook b1 = open(banks.resolve("数据质量反馈_B1_2026-06-30.xlsx"))) {
            Sheet rejects = b2.getSheet("拒收明细");
            List<String> lines = new java.util.ArrayList<>();
            for (int r = 1; r <= rejects.getLastRowNum(); r++) {
                lines.add((long) rejects.getRow(r).getCell(1).getNumericCellValue() + ":"
                        + rejects.getRow(r).getCell(8).getStringCellValue());
            }
            // Line 10 names bank B9, unknown: it is B2's file, so B2 is told.
            assertThat(lines).containsExactly("7:BAD_DATE", "8:UNKNOWN_COUNTY", "9:DUPLICATE_LOAN", "10:UNKNOWN_BANK");
            assertThat(b1.getSheet("拒收明细").getLastRowNum()).isZero();
        }
    }

    private static List<String> countyCodes(Sheet sheet) {
        List<String> codes = new java.util.ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
        }
        return codes;
    }
}
