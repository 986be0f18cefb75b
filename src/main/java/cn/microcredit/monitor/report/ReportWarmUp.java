package cn.microcredit.monitor.report;

import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.report.excel.Charts;
import cn.microcredit.monitor.report.excel.ExcelStyles;

/**
 * Makes and saves a small workbook, thrown away, on a thread of its own while the rules step stores the household
 * breaches (one core otherwise idle), so that what POI does once in a JVM (initialising XMLBeans' schema types, the
 * fonts of the column widths, the chart classes, the XML writers) is done when the report step's first workbooks need
 * it: at 1 M loans, some 0.2 s of the report step's first workbooks (JFR: {@code TypeSystemHolder}, {@code
 * XSSFWorkbook.onWorkbookCreate}, {@code SheetUtil.getDefaultCharWidthAsFloat}). Nothing of it is kept, and nothing
 * that goes wrong in it concerns the run: the report step then does the same work itself.
 */
public final class ReportWarmUp {

    private ReportWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(ReportWarmUp::warmUp, "report-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void warmUp() {
        try {
            PoiTempFolder.use();
            PoiXmlFactories.use();
            try (SXSSFWorkbook wb = new SXSSFWorkbook(10)) {
                ExcelStyles styles = new ExcelStyles(wb);
                var sheet = wb.createSheet("warm-up");
                var cell = sheet.createRow(0).createCell(0);
                cell.setCellValue(1.0);
                cell.setCellStyle(styles.header(ExcelStyles.Kind.MONEY));
                XSSFSheet chartSheet = wb.getXSSFWorkbook().createSheet("chart");
                var row = chartSheet.createRow(0);
                row.createCell(0).setCellValue("210101");
                row.createCell(1).setCellValue(1.0);
                row.createCell(2).setCellValue(2.0);
                Charts.statusBars(chartSheet, new Charts.Place(0, 2, 6, 12), "warm-up", "rate",
                        new CellRangeAddress(0, 0, 0, 0), new CellRangeAddress(0, 0, 1, 1),
                        new CellRangeAddress(0, 0, 2, 2), List.of(Status.PAUSE));
                wb.write(OutputStream.nullOutputStream());
            }
        } catch (Exception | LinkageError e) {
            // Only time is lost: the report step initialises what this did not.
        }
    }
}
