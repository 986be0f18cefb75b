package cn.microcredit.monitor.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

class SheetTableTest {

    @Test
    void rowsPastTheSheetLimitContinueOnNumberedSheets() throws IOException {
        Workbook read = write(3, 7, "=1+1");

        assertThat(read.getNumberOfSheets()).isEqualTo(3);
        assertThat(read.getSheetName(0)).isEqualTo("明细");
        assertThat(read.getSheetName(1)).isEqualTo("明细(2)");
        assertThat(read.getSheetName(2)).isEqualTo("明细(3)");
        assertThat(read.getSheet("明细").getLastRowNum()).isEqualTo(3);
        assertThat(read.getSheet("明细(3)").getLastRowNum()).isEqualTo(1);
        assertThat(read.getSheet("明细(2)").getRow(0).getCell(0).getStringCellValue()).isEqualTo("借据号");
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws IOException {
        Workbook read = write(10, 1, "=HYPERLINK(\"http://x\",\"y\")");

        var cell = read.getSheet("明细").getRow(1).getCell(0);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
    }

    @Test
    void numbersAreRoundedHalfUpLikeTheCsv() throws IOException {
        Workbook read = write(10, 1, "L1");

        assertThat(read.getSheet("明细").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2005.50);
        assertThat(read.getSheet("明细").getRow(1).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
    }

    @Test
    void wanHoldsTheExactYuanAmountOverTenThousand() {
        assertThat(SheetTable.wan(new BigDecimal("17036170.22"))).isEqualTo(1703.617022);
        assertThat(SheetTable.wan(new BigDecimal("0.01"))).isEqualTo(0.000001);
    }

    @Test
    void aLongHeaderBreaksBeforeItsUnitAndWidensItsColumnToFit() {
        assertThat(SheetTable.headerLines("逾期率变动（百分点）")).containsExactly("逾期率变动", "（百分点）");
        // Six display units wide: fits one line, stays whole.
        assertThat(SheetTable.headerLines("逾期率（%）")).containsExactly("逾期率（%）");
        assertThat(SheetTable.printedWidth(SheetTable.rate("逾期率（%）"))).isEqualTo(12);
        // A county name of 11 characters needs 23 columns.
        assertThat(SheetTable.displayWidth("喀喇沁左翼蒙古族自治县")).isEqualTo(22);
    }

    @Test
    void everyTablePrintsOnA4WithTheFooterAndOnlyItsPrintedColumnsFitted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
            ExcelStyles styles = new ExcelStyles(wb);
            // 100 + 100 = 200 characters: fitted to one page wide (75 %, 8.25 pt).
            new SheetTable(wb, styles, "宽", List.of(SheetTable.text("甲", 100), SheetTable.text("乙", 100)))
                    .printedFor("2026-10-31").finish();
            // One more character: columns print across pages rather than shrink below 8 pt.
            new SheetTable(wb, styles, "过宽", List.of(SheetTable.text("甲", 100), SheetTable.text("乙", 101)))
                    .printedFor("2026-10-31").finish();
            // Only the first column printed: narrow enough for portrait.
            new SheetTable(wb, styles, "选列", List.of(SheetTable.text("甲", 60), SheetTable.text("乙", 101)))
                    .printedFor("2026-10-31").printOnly(1).finish();
            wb.write(bytes);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            var wide = read.getSheet("宽");
            assertThat(wide.getFitToPage()).isTrue();
            assertThat(wide.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(wide.getPrintSetup().getLandscape()).isTrue();
            assertThat(read.getSheet("过宽").getFitToPage()).isFalse();
            assertThat(read.getSheet("选列").getPrintSetup().getLandscape()).isFalse();
            assertThat(read.getPrintArea(2)).isEqualTo("选列!$A$1:$A$1");
            for (var sheet : read) {
                assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
                assertThat(sheet.getFooter().getLeft()).isEqualTo("数据日期 2026-10-31");
                assertThat(sheet.getFooter().getRight()).isEqualTo("内部资料 注意保密");
                assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            }
        }
    }

    @Test
    void printsOnlyTheFirstRowsWhenAskedAndSaysSoInThePageHeader() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
            ExcelStyles styles = new ExcelStyles(wb);
            SheetTable cut = new SheetTable(wb, styles, "截", List.of(SheetTable.text("甲", 10),
                    SheetTable.text("乙", 10))).printedFor("2026-10-31").printOnly(1).printRows(2);
            SheetTable exact = new SheetTable(wb, styles, "整", List.of(SheetTable.text("甲", 10)))
                    .printedFor("2026-10-31").printRows(3);
            for (int i = 0; i < 3; i++) {
                cut.add(ExcelStyles.Tone.PLAIN, "a" + i, "b" + i);
                exact.add(ExcelStyles.Tone.PLAIN, "a" + i);
            }
            cut.finish();
            exact.finish();
            wb.write(bytes);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            // Header row and the first two of three rows, first column only; every row stays in the sheet.
            assertThat(read.getPrintArea(0)).isEqualTo("截!$A$1:$A$3");
            assertThat(read.getSheet("截").getLastRowNum()).isEqualTo(3);
            assertThat(read.getSheet("截").getHeader().getCenter())
                    .isEqualTo("本表共 3 行，仅打印最严重的前 2 行；全部明细请在屏幕上按列筛选查看");
            // Exactly as many rows as may print: no print area, no note.
            assertThat(read.getPrintArea(1)).isNull();
            assertThat(read.getSheet("整").getHeader().getCenter()).isEmpty();
        }
    }

    @Test
    void onlyTheBadgeColumnCarriesTheRowsColour() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
            SheetTable t = new SheetTable(wb, new ExcelStyles(wb), "明细",
                    List.of(SheetTable.text("规则", 10), SheetTable.text("严重程度", 8))).badgeOnly(1);
            t.add(Tone.RED, "户贷企用", "高");
            t.finish();
            wb.write(bytes);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            var row = read.getSheet("明细").getRow(1);
            assertThat(row.getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(row.getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            // PAUSE and HIGH are red: #C00000, not the pink the issue complained of.
            assertThat(((org.apache.poi.xssf.usermodel.XSSFColor) row.getCell(1).getCellStyle()
                    .getFillForegroundColorColor()).getARGBHex()).isEqualTo("FFC00000");
        }
    }

    private static Workbook write(int maxRows, int rows, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
            SheetTable t = new SheetTable(wb, new ExcelStyles(wb), "明细",
                    List.of(SheetTable.text("借据号", 10), SheetTable.money("余额（元）"), SheetTable.rate("逾期率（%）")),
                    maxRows);
            for (int i = 0; i < rows; i++) {
                t.add(Tone.RED, text, new BigDecimal("2005.49979"), null);
            }
            t.finish();
            assertThat(t.rows()).isEqualTo(rows);
            wb.write(bytes);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
