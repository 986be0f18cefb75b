package cn.microcredit.monitor.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
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
