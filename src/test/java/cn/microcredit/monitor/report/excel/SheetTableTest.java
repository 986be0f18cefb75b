package cn.microcredit.monitor.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

class SheetTableTest {

    @TempDir
    Path rowsFolder;

    /** Text a ledger may carry: formulas, markup, controls, spaces at the ends, emoji, a lone surrogate, too long. */
    static final List<String> HOSTILE = List.of("=1+1", "@SUM(A1)", "<b>&amp;\"'</b>", "a\tb\nc\rd", "\u00A0nbsp",
            " lead", "trail ", "ctl\u0001\u001F", "emoji \uD83D\uDE00", "lone \uD800 x", "nonchar \uFFFE\uFFFF", "",
            "喀喇沁左翼蒙古族自治县", "x".repeat(SheetTable.MAX_CELL_CHARS + 5));

    @Test
    void streamedRowsReadBackExactlyAsRowsWrittenThroughPoi() throws IOException {
        List<SheetTable.Column> columns = List.of(SheetTable.text("规则", 10), SheetTable.text("严重程度", 8),
                SheetTable.money("金额（元）"), SheetTable.date("发放日期"), SheetTable.wan("余额（万元）"),
                SheetTable.rate("逾期率（%）"), SheetTable.integer("笔数"));
        Workbook[] read = new Workbook[2];
        for (int streamed = 0; streamed < 2; streamed++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Path file = rowsFolder.resolve("book" + streamed + ".xlsx");
            try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
                SheetTable t = new SheetTable(wb, new ExcelStyles(wb), "明细", columns).badgeOnly(1);
                if (streamed == 1) {
                    t.streamed(rowsFolder);
                }
                int i = 0;
                for (String text : HOSTILE) {
                    Tone tone = Tone.values()[i % Tone.values().length];
                    t.add(tone, text, "高", new BigDecimal("12345.675"), LocalDate.of(2023, 10, 7 + i % 20),
                            new BigDecimal("17036170.22"), i % 3 == 0 ? null : 3.456, (long) i);
                    i++;
                }
                t.add(Tone.PLAIN, (Object) null);
                t.finish();
                WorkbookFile.write(wb, List.of(t), file);
                t.discard();
            }
            read[streamed] = new XSSFWorkbook(Files.newInputStream(file));
        }
        Sheet poi = read[0].getSheet("明细");
        Sheet streamed = read[1].getSheet("明细");
        assertThat(streamed.getLastRowNum()).isEqualTo(HOSTILE.size() + 1).isEqualTo(poi.getLastRowNum());
        for (int r = 0; r <= poi.getLastRowNum(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Cell a = poi.getRow(r).getCell(c);
                Cell b = streamed.getRow(r).getCell(c);
                assertThat(b.getCellType()).as("row %d column %d", r, c).isEqualTo(a.getCellType());
                assertThat(b.toString()).as("row %d column %d", r, c).isEqualTo(a.toString());
                assertThat(b.getCellStyle().getIndex()).as("row %d column %d", r, c)
                        .isEqualTo(a.getCellStyle().getIndex());
            }
        }
        // What the comparison stands on: text kept as text, cut at Excel's limit, controls as '?', numbers exact.
        assertThat(streamed.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
        assertThat(streamed.getRow(3).getCell(0).getStringCellValue()).isEqualTo("<b>&amp;\"'</b>");
        assertThat(streamed.getRow(4).getCell(0).getStringCellValue()).isEqualTo("a\tb\nc\rd");
        assertThat(streamed.getRow(6).getCell(0).getStringCellValue()).isEqualTo(" lead");
        assertThat(streamed.getRow(8).getCell(0).getStringCellValue()).isEqualTo("ctl??");
        assertThat(streamed.getRow(9).getCell(0).getStringCellValue()).isEqualTo("emoji \uD83D\uDE00");
        assertThat(streamed.getRow(10).getCell(0).getStringCellValue()).isEqualTo("lone ? x");
        assertThat(streamed.getRow(14).getCell(0).getStringCellValue()).hasSize(SheetTable.MAX_CELL_CHARS).endsWith("x…");
        assertThat(streamed.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(12345.68);
        assertThat(streamed.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate())
                .isEqualTo(LocalDate.of(2023, 10, 7));
        assertThat(streamed.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(1703.617022);
        assertThat(streamed.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(streamed.getRow(15).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
    }

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
    void streamedRowsPastTheSheetLimitContinueOnNumberedSheetsEachWithItsRows() throws IOException {
        Workbook read = write(3, 7, "L1", true);

        assertThat(read.getNumberOfSheets()).isEqualTo(3);
        assertThat(read.getSheet("明细").getLastRowNum()).isEqualTo(3);
        assertThat(read.getSheet("明细(2)").getLastRowNum()).isEqualTo(3);
        assertThat(read.getSheet("明细(3)").getLastRowNum()).isEqualTo(1);
        assertThat(read.getSheet("明细(3)").getRow(0).getCell(0).getStringCellValue()).isEqualTo("借据号");
        assertThat(read.getSheet("明细(3)").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2005.50);
        // The filter covers each sheet's own rows.
        assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) read.getSheet("明细(2)")).getCTWorksheet()
                .getAutoFilter().getRef()).isEqualTo("A1:C4");
    }

    @Test
    void streamedRowsAreNumberedRightAcrossEveryCountOfDigits() throws IOException {
        Workbook read = write(20_000, 10_001, "L1", true);

        Sheet sheet = read.getSheet("明细");
        assertThat(sheet.getLastRowNum()).isEqualTo(10_001);
        for (int r : new int[] {1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 10_001}) {
            assertThat(sheet.getRow(r).getRowNum()).isEqualTo(r);
            assertThat(sheet.getRow(r).getCell(2).getAddress().formatAsString()).isEqualTo("C" + (r + 1));
            assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(2005.50);
        }
    }

    @Test
    void streamedRowsOfAnEmptyTableLeaveTheHeaderAlone() throws IOException {
        Workbook read = write(3, 0, "L1", true);

        assertThat(read.getSheet("明细").getLastRowNum()).isZero();
        assertThat(read.getSheet("明细").getRow(0).getCell(0).getStringCellValue()).isEqualTo("借据号");
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

    private Workbook write(int maxRows, int rows, String text) throws IOException {
        return write(maxRows, rows, text, false);
    }

    /** The table written through POI's rows, or streamed and put in by {@link WorkbookFile}. */
    private Workbook write(int maxRows, int rows, String text, boolean streamed) throws IOException {
        Path file = rowsFolder.resolve("t.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
            SheetTable t = new SheetTable(wb, new ExcelStyles(wb), "明细",
                    List.of(SheetTable.text("借据号", 10), SheetTable.money("余额（元）"), SheetTable.rate("逾期率（%）")),
                    maxRows);
            if (streamed) {
                t.streamed(rowsFolder);
            }
            for (int i = 0; i < rows; i++) {
                t.add(Tone.RED, text, new BigDecimal("2005.49979"), null);
            }
            t.finish();
            assertThat(t.rows()).isEqualTo(rows);
            WorkbookFile.write(wb, List.of(t), file);
            t.discard();
        }
        try (var files = Files.list(rowsFolder)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("temp files left").containsExactly("t.xlsx");
        }
        Workbook read = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)));
        Files.delete(file);
        return read;
    }

    /** A number sits under its own header: headers of number columns are right-aligned as the numbers are. */
    @Test
    void headersOfNumberColumnsAreRightAlignedOverTheirNumbers() throws IOException {
        List<SheetTable.Column> columns = List.of(SheetTable.text("县区", 12), SheetTable.integer("笔次").width(6),
                SheetTable.wan("余额（万元）"), SheetTable.rate("逾期率（%）"), SheetTable.money("金额（元）"),
                SheetTable.date("发放日期"), SheetTable.text("高", 4));
        Path file = rowsFolder.resolve("headers.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(2)) {
            SheetTable t = new SheetTable(wb, new ExcelStyles(wb), "按县区", columns);
            t.add(Tone.PLAIN, "某县", 3L, new BigDecimal("1.50"), 2.5, new BigDecimal("100.00"),
                    LocalDate.of(2026, 3, 1), "x");
            t.finish();
            WorkbookFile.write(wb, List.of(t), file);
        }
        try (Workbook read = new XSSFWorkbook(Files.newInputStream(file))) {
            org.apache.poi.ss.usermodel.Row header = read.getSheet("按县区").getRow(0);
            assertThat(java.util.stream.IntStream.range(0, columns.size())
                    .mapToObj(c -> header.getCell(c).getCellStyle().getAlignment()).toList())
                    .containsExactly(HorizontalAlignment.LEFT, HorizontalAlignment.RIGHT,
                            HorizontalAlignment.RIGHT, HorizontalAlignment.RIGHT, HorizontalAlignment.RIGHT,
                            HorizontalAlignment.RIGHT, HorizontalAlignment.LEFT);
            // Otherwise the header looks as it did: bold on grey, wrapped.
            assertThat(header.getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(header.getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
