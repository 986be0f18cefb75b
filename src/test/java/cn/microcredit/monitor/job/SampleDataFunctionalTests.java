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
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
                        .containsAll(column(wb.getSheet("合规异常明细"), "县区代码"))
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
                assertThat(column(wb.getSheet("合规异常明细"), "机构代码")).as(bank).allMatch(bank::equals);
                List<String> files = column(wb.getSheet("拒收明细"), 0);
                assertThat(files).as(bank).allMatch(f -> f.contains(bank + "_"));
                assertThat(files).as(bank).hasSize(bank.equals("JZB") ? 0 : 2);
                assertNoFormulaAndMasked(wb);
            }
        }
    }

    @Test
    void overviewNamesEveryFlaggedCountyWithTheBankThatFlagsItAndHowItMoved() throws IOException {
        try (Workbook wb = open("帮扶小额信贷风险监测_全省_2026-10-31.xlsx")) {
            // Hand-checked against county_metrics.csv and bank_county_metrics.csv of both dates: 2026-09-30 had
            // 康平县 and 建平县 PAUSE and 彰武县 WARN; 喀左 and 朝阳县 were OK. Worst first: PAUSE by NPL rate, then WARN.
            assertThat(flaggedRows(wb.getSheet("概览"))).containsExactly(
                    "沈阳直属金融监管支局|康平县|暂停发放|持续|辽宁农商银行|16.97|11.03|6.4",
                    "朝阳金融监管分局|喀喇沁左翼蒙古族自治县|暂停发放|新增|朝阳某村镇银行|9.56|0.0|6.2",
                    "朝阳金融监管分局|建平县|暂停发放|持续|中国邮政储蓄银行辽宁省分行|9.12|0.0|4.25",
                    "阜新金融监管分局|彰武县|风险提示|持续|中国农业银行辽宁省分行|3.97|3.2|4.35",
                    "朝阳金融监管分局|朝阳县|风险提示|新增|辽宁农商银行|3.59|0.0|6.4");
            // No cell of the sample is LIKELY_PAUSE on 2026-10-31 (outlook empty throughout both metrics CSVs): the early
            // warning says so rather than leaving an empty table (the positive case: ComparisonBasisFunctionalTests).
            assertThat(text(wb.getSheet("概览"))).contains("三、较上期解除（0 个）", "对比日期 2026-09-30",
                    "该机构在该县暂停新增发放", "风险提示，约谈该机构", "四、预警：可能暂停发放的县区（0 个",
                    "无：按上期各机构的迁徙比率推算");
            assertThat(read(work.resolve("out/2026-10-31/bank_county_metrics.csv")))
                    .allMatch(r -> r.get("outlook").isEmpty() && !r.get("projected_overdue_rate_pct").isEmpty());
        }
        try (Workbook wb = open("帮扶小额信贷风险监测_朝阳金融监管分局_2026-10-31.xlsx")) {
            assertThat(flaggedRows(wb.getSheet("概览"))).extracting(r -> r.split("\\|")[1])
                    .containsExactly("喀喇沁左翼蒙古族自治县", "建平县", "朝阳县");
        }
        try (Workbook wb = open("帮扶小额信贷风险监测_铁岭金融监管分局_2026-10-31.xlsx")) {
            assertThat(flaggedRows(wb.getSheet("概览"))).isEmpty();
            assertThat(text(wb.getSheet("概览"))).contains("本期无暂停发放或风险提示县区。");
        }
    }

    @Test
    void overviewHeadlineFiguresAreNumbersInWanYuanWithTheirChange() throws IOException {
        try (Workbook wb = open("帮扶小额信贷风险监测_全省_2026-10-31.xlsx")) {
            Sheet overview = wb.getSheet("概览");
            // Σ balance 16,847,160.55 yuan today, 16,904,663.20 on 2026-09-30 (county_metrics.csv), exact in 万元.
            assertThat(figures(overview, "贷款余额（万元）")).containsExactly(1684.716055, 1690.46632, -5.750265);
            assertThat(figures(overview, "逾期余额（万元）")).containsExactly(39.746034, 28.329634, 11.4164);
            // 397,460.34 / 16,847,160.55 = 2.3592 %, 283,296.34 / 16,904,663.20 = 1.6758 %: +0.68 points unrounded first.
            assertThat(figures(overview, "逾期率（%）")).containsExactly(2.36, 1.68, 0.68);
            assertThat(figures(overview, "暂停发放县区（个）")).containsExactly(3.0, 2.0, 1.0);
            assertThat(figures(overview, "风险提示县区（个）")).containsExactly(2.0, 1.0, 1.0);
            assertThat(figures(overview, "贷款笔数（笔，有余额）")).containsExactly(558.0, 556.0, 2.0);
            // Ledger rows (601, settled loans included) apart from the roster's 746 rows, which are not loans.
            assertThat(text(overview)).contains("全省本期各机构台账共接受 601 行（含已结清），拒收 0 行；"
                    + "名单 roster.csv 接受 746 行、拒收 0 行；未报送台账的机构：JZB。");
        }
    }

    @Test
    void everySheetPrintsOnA4WithPageXOfYTheDateAndConfidentiality() throws IOException {
        Path dir = work.resolve("out/2026-10-31");
        List<Path> books = new java.util.ArrayList<>();
        try (var files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".xlsx")).forEach(books::add);
        }
        // The province, 13 sub-bureaus, 6 banks.
        assertThat(books).hasSize(20);
        for (Path book : books) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
                for (Sheet sheet : wb) {
                    String where = book.getFileName() + " " + sheet.getSheetName();
                    assertThat(sheet.getPrintSetup().getPaperSize()).as(where)
                            .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                    assertThat(sheet.getFooter().getCenter()).as(where).isEqualTo("第 &P 页 共 &N 页");
                    assertThat(sheet.getFooter().getLeft()).as(where).isEqualTo("数据日期 2026-10-31");
                    assertThat(sheet.getFooter().getRight()).as(where).isEqualTo("内部资料 注意保密");
                }
            }
        }
    }

    @Test
    void everyScopeWorkbookHasTheBriefingSheetsInReadingOrderAndCharts() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(work.resolve(
                "out/2026-10-31/帮扶小额信贷风险监测_朝阳金融监管分局_2026-10-31.xlsx")))) {
            List<String> names = new java.util.ArrayList<>();
            wb.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("概览", "图表", "县域风险", "机构", "银行县域明细", "暂停发放名单", "风险提示名单",
                    "逾期账龄", "新老政策", "迁徙", "发放批次", "合规异常汇总", "合规异常按县区", "合规异常明细", "数据质量", "说明");
            // Overdue and NPL bars, and the flagged counties' trend over the two stored dates.
            assertThat(wb.getSheet("图表").getDrawingPatriarch().getCharts()).hasSize(3);
            // Bars worst first: PAUSE counties by overdue rate, then WARN, then the rest.
            List<String> bars = new java.util.ArrayList<>();
            boolean table = false;
            for (Row row : wb.getSheet("图表")) {
                Cell a = row.getCell(0);
                String v = a == null || a.getCellType() != CellType.STRING ? "" : a.getStringCellValue();
                if (table && v.equals("日期")) {
                    break;
                }
                if (table && !v.isEmpty()) {
                    bars.add(v + "|" + row.getCell(1).getStringCellValue());
                }
                table |= v.equals("县区");
            }
            assertThat(bars).startsWith("喀喇沁左翼蒙古族自治县|暂停发放", "建平县|暂停发放", "朝阳县|风险提示");
            // 机构 lists the banks lending in the sub-bureau's counties, with their province-wide figures.
            assertThat(column(wb.getSheet("机构"), 0)).containsExactlyInAnyOrder("LNRCB", "PSBC-LN", "CZ-VB");
            assertThat(text(wb.getSheet("说明"))).contains("运行编号", "程序版本", "生成时间",
                    "ledgers/LNRCB_20261031.csv", "按贷款余额加权的平均数，仅作参考");
        }
    }

    @Test
    void breachSummaryReconcilesWithTheDetailByRule() throws IOException {
        try (Workbook wb = open("帮扶小额信贷风险监测_全省_2026-10-31.xlsx")) {
            Sheet detail = wb.getSheet("合规异常明细");
            Map<String, Long> counted = new java.util.TreeMap<>();
            Map<String, java.math.BigDecimal> summed = new java.util.TreeMap<>();
            for (int r = 1; r <= detail.getLastRowNum(); r++) {
                Row row = detail.getRow(r);
                counted.merge(row.getCell(0).getStringCellValue(), 1L, Long::sum);
                summed.merge(row.getCell(0).getStringCellValue(),
                        java.math.BigDecimal.valueOf(row.getCell(3).getNumericCellValue()), java.math.BigDecimal::add);
                // The loan's amount, balance and issue date beside each breach.
                assertThat(row.getCell(2).getNumericCellValue()).isPositive();
                assertThat(row.getCell(4).getLocalDateTimeCellValue()).isNotNull();
            }
            Sheet summary = wb.getSheet("合规异常汇总");
            Map<String, Long> total = new java.util.TreeMap<>();
            Map<String, java.math.BigDecimal> balance = new java.util.TreeMap<>();
            // One row per rule (rule × bank: a column per bank), then the 合计 row.
            int last = summary.getLastRowNum();
            assertThat(summary.getRow(last).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) summary.getRow(last).getCell(2).getNumericCellValue()).isEqualTo(26);
            for (int r = 1; r < last; r++) {
                Row row = summary.getRow(r);
                total.put(row.getCell(0).getStringCellValue(), (long) row.getCell(2).getNumericCellValue());
                balance.put(row.getCell(0).getStringCellValue(), java.math.BigDecimal.valueOf(
                        row.getCell(3).getNumericCellValue()).movePointRight(4));
                long perBank = 0;
                for (int c = 4; c < row.getLastCellNum() - 2; c++) {
                    perBank += (long) row.getCell(c).getNumericCellValue();
                }
                assertThat(perBank).as("bank columns of " + row.getCell(0)).isEqualTo(total.get(
                        row.getCell(0).getStringCellValue()));
            }
            assertThat(total).isEqualTo(counted);
            assertThat(total.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(26);
            summed.forEach((rule, sum) -> assertThat(balance.get(rule)).as(rule).isEqualByComparingTo(sum));
            // The first summary line is a HIGH rule; only its severity cell carries a colour.
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("高");
            // Per county (most breaches first): 高 + 中 + 低 = 笔次, and the counties add up to every breach.
            Sheet byCounty = wb.getSheet("合规异常按县区");
            long counties = 0;
            long previous = Long.MAX_VALUE;
            for (int r = 1; r <= byCounty.getLastRowNum(); r++) {
                Row row = byCounty.getRow(r);
                long n = (long) row.getCell(3).getNumericCellValue();
                assertThat(n).isLessThanOrEqualTo(previous);
                assertThat((long) (row.getCell(4).getNumericCellValue() + row.getCell(5).getNumericCellValue()
                        + row.getCell(6).getNumericCellValue())).isEqualTo(n);
                counties += n;
                previous = n;
            }
            assertThat(counties).isEqualTo(26);
        }
    }

    @Test
    void eachBankIsToldItsOwnPauseAndWarningCountiesAndHowToResubmit() throws IOException {
        Map<String, List<String>> expected = Map.of("LNRCB", List.of("康平县|暂停发放", "朝阳县|风险提示"),
                "PSBC-LN", List.of("建平县|暂停发放"), "CZ-VB", List.of("喀喇沁左翼蒙古族自治县|暂停发放"),
                "ABC-LN", List.of("彰武县|风险提示"), "LSB", List.of(), "JZB", List.of());
        for (var e : expected.entrySet()) {
            try (Workbook wb = open("banks/数据质量反馈_" + e.getKey() + "_2026-10-31.xlsx")) {
                assertThat(wb.getSheetName(0)).isEqualTo("反馈");
                Sheet feedback = wb.getSheet("反馈");
                List<String> cells = new java.util.ArrayList<>();
                for (Row row : feedback) {
                    Cell status = row.getCell(2);
                    if (status != null && status.getCellType() == CellType.STRING
                            && List.of("暂停发放", "风险提示").contains(status.getStringCellValue())) {
                        cells.add(row.getCell(0).getStringCellValue() + "|" + status.getStringCellValue());
                    }
                }
                assertThat(cells).as(e.getKey()).containsExactlyElementsOf(e.getValue());
                assertThat(text(feedback)).as(e.getKey()).contains("四、如何更正和重新报送");
            }
        }
        try (Workbook wb = open("banks/数据质量反馈_JZB_2026-10-31.xlsx")) {
            assertThat(text(wb.getSheet("反馈"))).contains("未收到本机构任何台账行");
        }
        // The deliberate rejects are in the last date's ledgers (sample-data/expected-problems.csv): LNRCB's two.
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(
                work.resolve("out/2026-11-30/banks/数据质量反馈_LNRCB_2026-11-30.xlsx")))) {
            assertThat(column(wb.getSheet("拒收明细"), "如何更正")).hasSize(2).allMatch(s -> !s.isBlank());
        }
    }

    private static Workbook open(String name) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(work.resolve("out/2026-10-31").resolve(name)));
    }

    /**
     * 新老政策, 迁徙 and 发放批次 of 2026-11-30 hold exactly the figures of regime_metrics.csv, migration.csv and
     * vintage.csv of the same run (a sub-bureau: its own counties' regime rows and the province's; migration and vintage
     * province- and bank-wide, said so in the title line); value cells only, A4 with the page-x-of-y footer, 迁徙 with a
     * colour-scale rule. On the first date (no comparison date) 迁徙 says so in one line.
     */
    @Test
    void analyticsSheetsHoldTheFiguresOfTheAnalyticsCsvs() throws IOException {
        Path dir = work.resolve("out/2026-11-30");
        Map<String, String> subBureauOf = new java.util.HashMap<>();
        read(dir.resolve("county_metrics.csv")).forEach(r -> subBureauOf.put(r.get("county_code"), r.get("sub_bureau")));
        for (String scope : List.of("全省", "朝阳金融监管分局")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(
                    dir.resolve("帮扶小额信贷风险监测_" + scope + "_2026-11-30.xlsx")))) {
                Set<String> regimes = read(dir.resolve("regime_metrics.csv")).stream()
                        .filter(r -> scope.equals("全省") || r.get("county_code").isEmpty()
                                || subBureauOf.get(r.get("county_code")).equals(scope))
                        .map(r -> String.join("|", r.get("county_code"), r.get("regime").equals("LEGACY")
                                ? "脱贫人口小额信贷" : "帮扶小额信贷", r.get("loan_count"), r.get("balance"),
                                r.get("overdue_balance"), r.get("npl_balance"), r.get("overdue_rate_pct"),
                                r.get("npl_rate_pct")))
                        .collect(Collectors.toSet());
                assertThat(regimes).as(scope).hasSizeGreaterThan(scope.equals("全省") ? 40 : 4);
                assertThat(tableRows(wb.getSheet("新老政策"), 0, 3, "4", "5w", "6w", "7w", "8", "9"))
                        .as(scope).containsExactlyInAnyOrderElementsOf(regimes);

                Set<String> vintages = read(dir.resolve("vintage.csv")).stream()
                        .map(r -> String.join("|", r.get("bank_code"), r.get("issue_quarter"),
                                r.get("regime").equals("LEGACY") ? "脱贫人口小额信贷" : "帮扶小额信贷", r.get("loan_count"),
                                r.get("amount"), r.get("balance"), r.get("npl_balance"), r.get("npl_to_amount_pct")))
                        .collect(Collectors.toSet());
                assertThat(vintages).hasSizeGreaterThan(40);
                assertThat(tableRows(wb.getSheet("发放批次"), 0, 2, 3, "4", "5w", "6w", "7w", "8"))
                        .as(scope).containsExactlyInAnyOrderElementsOf(vintages);

                Map<String, String> migration = new java.util.TreeMap<>();
                read(dir.resolve("migration.csv")).forEach(r -> migration.put(String.join("|", r.get("bank_code"),
                        r.get("dimension"), STATE.get(r.get("from_state")), STATE.get(r.get("to_state"))),
                        r.get("rate_pct")));
                assertThat(migration).hasSizeGreaterThan(30);
                assertThat(migration.keySet()).noneMatch(k -> k.contains("null"));
                assertThat(matrices(wb.getSheet("迁徙"))).as(scope).isEqualTo(migration);
                XSSFSheet heat = wb.getSheet("迁徙");
                assertThat(heat.getSheetConditionalFormatting().getNumConditionalFormattings()).isPositive();
                assertThat(heat.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0)
                        .getConditionType()).isEqualTo(org.apache.poi.ss.usermodel.ConditionType.COLOR_SCALE);
                String title = heat.getRow(0).getCell(0).getStringCellValue();
                assertThat(title).contains("对比日期 2026-10-31");
                if (!scope.equals("全省")) {
                    assertThat(title).contains("非本分局口径");
                    assertThat(wb.getSheet("发放批次").getRow(0).getCell(0).getStringCellValue()).contains("非本分局口径");
                    assertThat(wb.getSheet("新老政策").getRow(0).getCell(0).getStringCellValue())
                            .contains("本分局所辖县区");
                }
                for (String name : List.of("新老政策", "迁徙", "发放批次")) {
                    XSSFSheet sheet = wb.getSheet(name);
                    assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                    assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("第 &P 页 共 &N 页");
                    assertThat(sheet.getFooter().getRight()).as(name).isEqualTo("内部资料 注意保密");
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            assertThat(cell.getCellType()).as(name).isNotEqualTo(CellType.FORMULA);
                        }
                    }
                }
            }
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(
                work.resolve("out/2026-09-30/帮扶小额信贷风险监测_全省_2026-09-30.xlsx")))) {
            Sheet migration = wb.getSheet("迁徙");
            assertThat(migration.getLastRowNum()).isZero();
            assertThat(migration.getRow(0).getCell(0).getStringCellValue()).startsWith("迁徙：无对比日期");
        }
    }

    /** migration.csv's state names as the sheet writes them. */
    private static final Map<String, String> STATE = Map.ofEntries(Map.entry("NORMAL", "正常"),
            Map.entry("SPECIAL_MENTION", "关注"), Map.entry("SUBSTANDARD", "次级"), Map.entry("DOUBTFUL", "可疑"),
            Map.entry("LOSS", "损失"), Map.entry("SETTLED", "已结清"), Map.entry("MISSING", "本期未在台账"),
            Map.entry("CURRENT", "未逾期"), Map.entry("1-30", "逾期1-30天"), Map.entry("31-60", "逾期31-60天"),
            Map.entry("61-90", "逾期61-90天"), Map.entry("91-180", "逾期91-180天"), Map.entry("181-270", "逾期181-270天"),
            Map.entry("271-360", "逾期271-360天"), Map.entry("361+", "逾期361天以上"));

    /**
     * The rows below a title line and header, "|"-joined: an int is a text column, a string "n" numeric column n with
     * 2 decimals, "nw" a 万元 column n read back to yuan (exact to the fen).
     */
    private static List<String> tableRows(Sheet sheet, Object... columns) {
        List<String> rows = new java.util.ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> values = new java.util.ArrayList<>();
            for (Object c : columns) {
                if (c instanceof Integer i) {
                    values.add(row.getCell(i).getStringCellValue());
                } else {
                    String spec = (String) c;
                    boolean wan = spec.endsWith("w");
                    Cell cell = row.getCell(Integer.parseInt(spec.replace("w", "")));
                    java.math.BigDecimal v = java.math.BigDecimal.valueOf(cell.getNumericCellValue());
                    values.add(wan ? v.movePointRight(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                            : spec.equals("4") ? String.valueOf(v.longValueExact())
                            : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                }
            }
            rows.add(String.join("|", values));
        }
        return rows;
    }

    /** 迁徙's matrices as bank|dimension|from|to → rate (2 decimals), the cells that hold a number. */
    private static Map<String, String> matrices(Sheet sheet) {
        Map<String, String> rates = new java.util.TreeMap<>();
        String bank = null;
        String dimension = null;
        List<String> to = List.of();
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            String v = a == null || a.getCellType() != CellType.STRING ? "" : a.getStringCellValue();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(全省|(\\S+) .*)：按(五级分类|逾期账龄)$").matcher(v);
            if (m.matches()) {
                bank = m.group(2) == null ? "" : m.group(2);
                dimension = m.group(3).equals("五级分类") ? "CLASSIFICATION" : "AGEING";
                to = List.of();
            } else if (v.startsWith("对比日期状态")) {
                to = new java.util.ArrayList<>();
                for (Cell h : row) {
                    to.add(h.getStringCellValue());
                }
            } else if (bank != null && !v.isEmpty() && !to.isEmpty()) {
                for (int c = 1; c < to.size() - 2; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        rates.put(String.join("|", bank, dimension, v, to.get(c)), java.math.BigDecimal
                                .valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString());
                    }
                }
            }
        }
        return rates;
    }

    /** 概览's county table, one line per bank cell: sub-bureau, county, status, change, bank, rates, threshold. */
    private static List<String> flaggedRows(Sheet overview) {
        List<String> rows = new java.util.ArrayList<>();
        boolean in = false;
        String[] county = new String[4];
        for (Row row : overview) {
            Cell first = row.getCell(0);
            String a = first == null ? "" : first.getStringCellValue();
            if (a.equals("金融监管分局")) {
                in = true;
                continue;
            }
            if (in && (a.startsWith("三、") || row.getCell(4) == null)) {
                break;
            }
            if (in) {
                for (int c = 0; c < 4; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && !cell.getStringCellValue().isEmpty()) {
                        county[c] = cell.getStringCellValue();
                    }
                }
                rows.add(String.join("|", county) + "|" + row.getCell(4).getStringCellValue() + "|"
                        + row.getCell(5).getNumericCellValue() + "|" + row.getCell(6).getNumericCellValue() + "|"
                        + row.getCell(7).getNumericCellValue());
            }
        }
        return rows;
    }

    /** 概览's headline row: today, the comparison date, the change; each must be a number cell. */
    private static List<Double> figures(Sheet overview, String label) {
        for (Row row : overview) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                List<Double> values = new java.util.ArrayList<>();
                for (int c = 1; c <= 3; c++) {
                    assertThat(row.getCell(c).getCellType()).as(label).isEqualTo(CellType.NUMERIC);
                    values.add(Math.round(row.getCell(c).getNumericCellValue() * 1e6) / 1e6);
                }
                return values;
            }
        }
        throw new AssertionError("概览 has no row " + label);
    }

    /** Every text cell of a sheet, joined. */
    private static String text(Sheet sheet) {
        StringBuilder all = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    all.append(cell.getStringCellValue()).append('\n');
                }
            }
        }
        return all.toString();
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
        assertThat(column(exceptions, "借款人")).allMatch(name -> name.matches(".\\*"));
        assertThat(column(exceptions, "身份证号")).allMatch(id -> id.matches("\\d{6}\\*{8}[0-9Xx]{4}|.*\\*.*"));
    }

    /** The text of the column with this header. */
    static List<String> column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return column(sheet, cell.getColumnIndex());
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no column " + header);
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
