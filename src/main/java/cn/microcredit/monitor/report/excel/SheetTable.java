package cn.microcredit.monitor.report.excel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import cn.microcredit.monitor.report.excel.ExcelStyles.Kind;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;

/**
 * A table on a sheet: a frozen, filtered header row with units in the column names, typed cells, and continuation
 * sheets ("名称(2)", …) past Excel's row limit. Text is always written as a string cell, never as a formula, whatever
 * it starts with.
 */
public final class SheetTable {

    /** Rows per sheet: Excel's 1,048,576 less the header row. */
    public static final int MAX_ROWS = 1_048_575;
    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_CHARS = 32_767;

    /** A column: its header (with unit), how its values look, its width in characters. */
    public record Column(String header, Kind kind, int width) {
    }

    public static Column text(String header, int width) {
        return new Column(header, Kind.TEXT, width);
    }

    public static Column money(String header) {
        return new Column(header, Kind.MONEY, 16);
    }

    public static Column rate(String header) {
        return new Column(header, Kind.RATE, 11);
    }

    public static Column points(String header) {
        return new Column(header, Kind.POINTS, 11);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER, 10);
    }

    private final Workbook wb;
    private final ExcelStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int maxRows;
    private Sheet sheet;
    private int sheets;
    private int row;

    public SheetTable(Workbook wb, ExcelStyles styles, String name, List<Column> columns) {
        this(wb, styles, name, columns, MAX_ROWS);
    }

    SheetTable(Workbook wb, ExcelStyles styles, String name, List<Column> columns, int maxRows) {
        this.wb = wb;
        this.styles = styles;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
        nextSheet();
    }

    private void nextSheet() {
        if (sheet != null) {
            finishSheet();
        }
        sheets++;
        sheet = wb.createSheet(sheets == 1 ? name : name + "(" + sheets + ")");
        Row header = sheet.createRow(0);
        header.setHeightInPoints(32);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        row = 1;
    }

    /**
     * Adds a row. Values by column kind: TEXT takes any object (written as its string); the numeric kinds take a
     * BigDecimal or a Number, rounded half-up to 2 places as in the CSV outputs; null leaves the cell empty.
     */
    public void add(Tone tone, Object... values) {
        if (row > maxRows) {
            nextSheet();
        }
        Row r = sheet.createRow(row++);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell cell = r.createCell(i);
            cell.setCellStyle(styles.cell(tone, c.kind()));
            Object v = i < values.length ? values[i] : null;
            if (v == null) {
                continue;
            }
            if (c.kind() == Kind.TEXT) {
                String s = v.toString();
                cell.setCellValue(s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS - 1) + "…" : s);
            } else {
                BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
                cell.setCellValue(d.setScale(2, RoundingMode.HALF_UP).doubleValue());
            }
        }
    }

    /** Freezes the header and sets the filter over what was written. */
    public void finish() {
        finishSheet();
    }

    private void finishSheet() {
        sheet.createFreezePane(0, 1);
        printWide(sheet);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(row - 1, 0), 0, columns.size() - 1));
    }

    /** Printed (or turned into a PDF) landscape, one page wide, the header row repeated on every page. */
    static void printWide(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    /** Rows written so far, over all sheets. */
    public long rows() {
        return (long) (sheets - 1) * maxRows + row - 1;
    }
}
