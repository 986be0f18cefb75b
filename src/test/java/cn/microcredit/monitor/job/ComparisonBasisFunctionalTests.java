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

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * SPEC 5.2's comparison date, both ways, over {@code src/test/resources/comparison} (figures worked out in its
 * README): month-ends 2026-08-31 and 2026-09-30, a mid-month run 2026-09-15 in which bank B1's cell in 210123 is
 * PAUSE, and 2026-09-20 whose run FAILS (no ledgers). Under {@code month-end} 2026-09-30 compares with 2026-08-31,
 * never with the mid-month run; under {@code previous-run} with 2026-09-15, never with the failed 2026-09-20.
 */
class ComparisonBasisFunctionalTests {

    private static final Path DATA = Path.of("src/test/resources/comparison");
    private static final String BANK_COUNTY_HEADER = "as_of,county_code,bank_code,loan_count,balance,overdue_balance,"
            + "npl_balance,overdue_rate_pct,npl_rate_pct,bank_npl_pct,threshold_pct,prev_overdue_rate_pct,"
            + "overdue_change_pp,status,reasons,overdue_loan_count,npl_loan_count,est_central_subsidy,prev_status,"
            + "projected_overdue_rate_pct,projected_npl_rate_pct,outlook";
    private static final String COUNTY_HEADER = "as_of,county_code,county_name,city_code,sub_bureau,bank_count,"
            + "loan_count,balance,overdue_balance,npl_balance,overdue_rate_pct,npl_rate_pct,threshold_pct,"
            + "prev_overdue_rate_pct,overdue_change_pp,est_central_subsidy,status,reasons,household_count,"
            + "overdue_loan_count,npl_loan_count,pause_banks,warn_banks,prev_status,projected_overdue_rate_pct,"
            + "projected_npl_rate_pct,outlook";

    @TempDir
    Path work;

    private int run(String date, String basis, ByteArrayOutputStream stdout) {
        String db = "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath();
        String[] args = Stream.of("--input=" + DATA.resolve(date), "--output=" + work.resolve("out"), "--db=" + db,
                "--monitor.rules.comparison-basis=" + basis).toArray(String[]::new);
        return MonitorApplication.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
    }

    private int run(String date, String basis) {
        return run(date, basis, new ByteArrayOutputStream());
    }

    private String history() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        MonitorApplication.run(new String[] {"--history",
                "--db=jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private List<String> csv(String date, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(work.resolve("out").resolve(date).resolve(file));
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> exceptions(String date, String rule) throws IOException {
        return csv(date, "exceptions.csv").stream().filter(l -> l.contains("," + rule + ",")).toList();
    }

    private String summary(String date) throws IOException {
        return Files.readString(work.resolve("out").resolve(date).resolve("run_summary.json"));
    }

    /** The three dates before 2026-09-30, the failed one included. */
    private void runHistory(String basis) {
        assertThat(run("2026-08-31", basis)).isZero();
        assertThat(run("2026-09-15", basis)).isZero();
        assertThat(run("2026-09-20", basis)).isEqualTo(1);
        assertThat(history()).containsPattern("(?m)^2026-09-20 .*FAILED");
    }

    @Test
    void monthEndComparesWithTheLastMonthEndNotWithTheMidMonthRunEvenOncePurged() throws IOException {
        runHistory("month-end");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        assertThat(run("2026-09-30", "month-end", console)).isZero();

        assertThat(summary("2026-09-15")).contains("\"comparison_as_of\": \"2026-08-31\"");
        assertThat(summary("2026-09-30")).contains("\"comparison_as_of\": \"2026-08-31\"",
                "\"comparison_basis\": \"month-end\"", "\"household_count\": 5", "\"overdue_loan_count\": 2");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("对比日 2026-08-31 (comparison date, month-end)");
        assertThat(history()).containsPattern("(?m)^2026-09-30 .*COMPLETED .* 2026-08-31 ")
                .containsPattern("(?m)^2026-09-15 .*COMPLETED .* 2026-08-31 ");
        assertThat(csv("2026-09-30", "bank_county_metrics.csv")).containsExactly(BANK_COUNTY_HEADER,
                "2026-09-30,210123,B1,3,100000.00,4000.00,0.00,4.00,0.00,1.50,4.50,0.00,4.00,WARN,"
                        + "OVERDUE_NEAR_TOLERANCE;OVERDUE_RISING_FAST,1,0,2500.00,OK,4.00,0.00,",
                "2026-09-30,210123,B2,1,50000.00,50000.00,0.00,100.00,0.00,2.00,5.00,0.00,100.00,PAUSE,"
                        + "OVERDUE_ABOVE_TOLERANCE;OVERDUE_RISING_FAST,1,0,1250.00,OK,100.00,0.00,",
                "2026-09-30,210124,B2,3,80000.00,0.00,0.00,0.00,0.00,2.00,5.00,0.00,0.00,OK,,0,0,1340.00,OK,"
                        + "38.46,0.00,LIKELY_PAUSE");
        assertThat(csv("2026-09-30", "county_metrics.csv")).containsExactly(COUNTY_HEADER,
                "2026-09-30,210123,康平县,210100,沈阳直属金融监管支局,2,4,150000.00,54000.00,0.00,36.00,0.00,4.67,"
                        + "0.00,36.00,3750.00,PAUSE,OVERDUE_ABOVE_TOLERANCE;OVERDUE_RISING_FAST,4,2,0,B2,B1,OK,36.00,0.00,",
                "2026-09-30,210124,法库县,210100,沈阳直属金融监管支局,1,3,80000.00,0.00,0.00,0.00,0.00,5.00,"
                        + "0.00,0.00,1340.00,OK,,2,0,0,,,OK,38.46,0.00,LIKELY_PAUSE");
        // L1's rate was 3.85 on 2026-08-31 (3.95 only from the mid-month run on); B1 was not PAUSE on 08-31.
        assertThat(exceptions("2026-09-30", "RATE_CHANGED")).containsExactly(
                "2026-09-30,B1,L1,210123,H1,RATE_CHANGED,HIGH,执行年利率由 3.85%（2026-08-31）变为 3.95%，合同期内利率应保持不变");
        assertThat(exceptions("2026-09-30", "LENDING_AFTER_PAUSE")).isEmpty();
        assertThat(exceptions("2026-09-30", "DOWNGRADED_FOR_RENEWAL")).containsExactly(
                "2026-09-30,B2,L7,210124,H7,DOWNGRADED_FOR_RENEWAL,LOW,"
                        + "续贷展期 1 次，未逾期，分类为关注：请核实是否因续贷单独下调分类");

        // 概览's early warning (四(三) 及时预警): 法库县 is OK today, but B2's cell there projects 38.46 % overdue against
        // B2's threshold 5.00 (p_overdue(B2, CURRENT) = 50,000 / 130,000); 康平县 is PAUSE already, so not listed.
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(
                work.resolve("out/2026-09-30/帮扶小额信贷风险监测_全省_2026-09-30.xlsx")))) {
            assertThat(overviewSection(wb.getSheet("概览"), "四、预警")).containsExactly(
                    "四、预警：可能暂停发放的县区（1 个，按上期迁徙推算下期，四(三) 及时预警）",
                    "金融监管分局|县区|本期状态||预警机构|预测逾期率\n（%）|预测不良率\n（%）|该机构阈值\n（%）|本期逾期率 / 不良率\n（%）|应采取的措施|预测",
                    "沈阳直属金融监管支局|法库县|正常||乙村镇银行|38.46|0.0|5.0|0.00 / 0.00|提前提示该机构，关注逾期贷款催收和分类|可能暂停");
            Row headline = rowStartingWith(wb.getSheet("概览"), "可能暂停县区（个，预测）");
            assertThat(headline.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            // 康平县 is PAUSE (B2) with B1 WARN: its 概览 rows carry no outlook; 县域风险 shows every county's projection.
            assertThat(overviewSection(wb.getSheet("概览"), "二、")).allMatch(l -> l.startsWith("二、")
                    || !l.endsWith("可能暂停"));
            Sheet counties = wb.getSheet("县域风险");
            assertThat(cells(counties.getRow(0), 22, 25)).containsExactly("预测逾期率\n（%）",
                    "预测不良率\n（%）", "预测");
            assertThat(cells(counties.getRow(1), 1, 2)).containsExactly("康平县");
            assertThat(cells(counties.getRow(1), 22, 25)).containsExactly("36.0", "0.0", "");
            assertThat(cells(counties.getRow(2), 22, 25)).containsExactly("38.46", "0.0", "可能暂停");
            Sheet detail = wb.getSheet("银行县域明细");
            assertThat(cells(detail.getRow(3), 1, 5)).containsExactly("法库县", "沈阳直属金融监管支局", "乙村镇银行", "正常");
            assertThat(cells(detail.getRow(3), 18, 21)).containsExactly("38.46", "0.0", "可能暂停");
            assertThat(text(wb.getSheet("说明"))).contains("预测逾期率、预测不良率", "迁徙率", "不良/发放金额（发放批次）");
        }

        // --purge-before removes 2026-08-31's loans but keeps its metrics: run again, the comparison date stays
        // 2026-08-31 (one date for every measure), growth and prev_status are unchanged, RATE_CHANGED cannot fire.
        List<String> counties = csv("2026-09-30", "county_metrics.csv");
        List<String> cells = csv("2026-09-30", "bank_county_metrics.csv");
        assertThat(MonitorApplication.run(new String[] {"--purge-before=2026-09-01",
                "--db=jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath()}, System.out, System.err)).isZero();

        assertThat(run("2026-09-30", "month-end")).isZero();

        assertThat(summary("2026-09-30")).contains("\"comparison_as_of\": \"2026-08-31\"");
        // Migration and the projection need the comparison date's loans: with them purged, those columns are empty.
        assertThat(csv("2026-09-30", "county_metrics.csv")).isEqualTo(withoutProjection(counties));
        assertThat(csv("2026-09-30", "bank_county_metrics.csv")).isEqualTo(withoutProjection(cells));
        assertThat(exceptions("2026-09-30", "RATE_CHANGED")).isEmpty();
        assertThat(exceptions("2026-09-30", "DOWNGRADED_FOR_RENEWAL")).hasSize(1);
    }

    @Test
    void previousRunComparesWithTheMidMonthRunAndSkipsTheFailedOne() throws IOException {
        runHistory("previous-run");

        assertThat(run("2026-09-30", "previous-run")).isZero();

        assertThat(summary("2026-09-30")).contains("\"comparison_as_of\": \"2026-09-15\"",
                "\"comparison_basis\": \"previous-run\"");
        assertThat(history()).containsPattern("(?m)^2026-09-30 .*COMPLETED .* 2026-09-15 ");
        assertThat(csv("2026-09-30", "bank_county_metrics.csv")).containsExactly(BANK_COUNTY_HEADER,
                "2026-09-30,210123,B1,3,100000.00,4000.00,0.00,4.00,0.00,1.50,4.50,40.00,-36.00,WARN,"
                        + "OVERDUE_NEAR_TOLERANCE,1,0,2500.00,PAUSE,0.00,0.00,",
                "2026-09-30,210123,B2,1,50000.00,50000.00,0.00,100.00,0.00,2.00,5.00,0.00,100.00,PAUSE,"
                        + "OVERDUE_ABOVE_TOLERANCE;OVERDUE_RISING_FAST,1,0,1250.00,OK,0.00,0.00,",
                "2026-09-30,210124,B2,3,80000.00,0.00,0.00,0.00,0.00,2.00,5.00,0.00,0.00,OK,,0,0,1340.00,OK,"
                        + "38.46,0.00,LIKELY_PAUSE");
        assertThat(csv("2026-09-30", "county_metrics.csv")).containsExactly(COUNTY_HEADER,
                "2026-09-30,210123,康平县,210100,沈阳直属金融监管支局,2,4,150000.00,54000.00,0.00,36.00,0.00,4.67,"
                        + "26.67,9.33,3750.00,PAUSE,OVERDUE_ABOVE_TOLERANCE;OVERDUE_RISING_FAST,4,2,0,B2,B1,PAUSE,0.00,0.00,",
                "2026-09-30,210124,法库县,210100,沈阳直属金融监管支局,1,3,80000.00,0.00,0.00,0.00,0.00,5.00,"
                        + "0.00,0.00,1340.00,OK,,2,0,0,,,OK,38.46,0.00,LIKELY_PAUSE");
        // On 2026-09-15 L1 already had 3.95; B1 was PAUSE in 210123 and lent L3 on 2026-09-20.
        assertThat(exceptions("2026-09-30", "RATE_CHANGED")).isEmpty();
        assertThat(exceptions("2026-09-30", "LENDING_AFTER_PAUSE")).containsExactly(
                "2026-09-30,B1,L3,210123,H3,LENDING_AFTER_PAUSE,HIGH,发放于 2026-09-20；上期（2026-09-15）该机构在本县区为暂停发放");
    }

    /** The lines of a 概览 section: its title, then each row's cells "|"-joined, up to the next blank row. */
    private static List<String> overviewSection(Sheet sheet, String title) {
        List<String> lines = new java.util.ArrayList<>();
        boolean in = false;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String a = row == null ? "" : cells(row, 0, 1).get(0);
            if (in && (row == null || String.join("", cells(row, 0, 11)).isEmpty())) {
                break;
            }
            in |= a.startsWith(title);
            if (in) {
                lines.add(a.startsWith(title) ? a : String.join("|", cells(row, 0, 11)));
            }
        }
        return lines;
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (!cells(row, 0, 1).get(0).isEmpty() && cells(row, 0, 1).get(0).equals(label)) {
                return row;
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no row " + label);
    }

    /** Cells from..to-1 of a row as text: strings as they are, numbers as doubles, missing cells empty. */
    private static List<String> cells(Row row, int from, int to) {
        List<String> values = new java.util.ArrayList<>();
        for (int c = from; c < to; c++) {
            Cell cell = row.getCell(c);
            values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return values;
    }

    private static String text(Sheet sheet) {
        StringBuilder all = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> all.append(c.getCellType() == CellType.STRING
                ? c.getStringCellValue() : "").append('\n')));
        return all.toString();
    }

    /** The rows with their last three columns (projected rates and outlook) emptied; the header as it is. */
    private static List<String> withoutProjection(List<String> rows) {
        return rows.stream().map(r -> r.startsWith("as_of") ? r
                : r.substring(0, r.lastIndexOf(',', r.lastIndexOf(',', r.lastIndexOf(',') - 1) - 1)) + ",,,")
                .toList();
    }
}
