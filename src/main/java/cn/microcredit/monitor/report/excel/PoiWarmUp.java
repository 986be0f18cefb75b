package cn.microcredit.monitor.report.excel;

import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * Writes a small throwaway workbook (styles, a bar and a line chart, a colour scale, print setup) on a background
 * thread while Spring starts, so that POI's several thousand classes are loaded and compiled on the idle second core
 * rather than by the report step. The workbook goes nowhere; whatever happens here is ignored: the report step does
 * the real work either way. Measured on the sample data (docs/benchmarks.md).
 */
public final class PoiWarmUp {

    private PoiWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own and returns at once. */
    public static void start() {
        Thread thread = new Thread(PoiWarmUp::run, "poi-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void run() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            ExcelStyles styles = new ExcelStyles(wb);
            XSSFSheet sheet = wb.createSheet("预热");
            List<Status> statuses = List.of(Status.PAUSE, Status.WARN, Status.OK);
            for (int r = 0; r < statuses.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                row.createCell(0).setCellValue("县" + r);
                row.createCell(1).setCellValue(r + 1.5);
                row.createCell(2).setCellValue(r + 2.5);
                row.getCell(0).setCellStyle(styles.cell(Tone.RED, ExcelStyles.Kind.TEXT));
            }
            CellRangeAddress names = new CellRangeAddress(0, 2, 0, 0);
            Charts.statusBars(sheet, new Charts.Place(4, 0, 10, 10), "预热", "值", names,
                    new CellRangeAddress(0, 2, 1, 1), new CellRangeAddress(0, 2, 2, 2), statuses);
            Charts.lines(sheet, new Charts.Place(4, 12, 10, 22), "预热", names, List.of("甲"), 1, 0, 2);
            ConditionalFormattingRule scale = sheet.getSheetConditionalFormatting()
                    .createConditionalFormattingColorScaleRule();
            scale.getColorScaleFormatting().getThresholds()[0].setRangeType(RangeType.MIN);
            sheet.getSheetConditionalFormatting().addConditionalFormatting(
                    new CellRangeAddress[] {new CellRangeAddress(0, 2, 1, 2)}, scale);
            Print.a4(sheet, 40, 1, "2026-01-01");
            wb.write(OutputStream.nullOutputStream());
        } catch (Exception | LinkageError e) {
            // Nothing depends on it.
        }
    }
}
