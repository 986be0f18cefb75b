package cn.microcredit.monitor.report.excel;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Charts of a workbook. SXSSF sheets cannot hold charts, so each chart sits on a sheet of the underlying XSSF
 * workbook, next to the small table it is drawn from.
 */
public final class Charts {

    /** One category of a chart (a county, a date) with its values, in percent. */
    public record Point(String category, List<Double> values) {
    }

    /** Series colours: NPL dark red, overdue orange, threshold grey. */
    private static final PresetColor[] COLOURS = {PresetColor.DARK_RED, PresetColor.ORANGE, PresetColor.GRAY};

    private Charts() {
    }

    /** Clustered bars, one cluster per category; the table goes to columns A.. from row {@code firstRow}. */
    public static int bars(XSSFSheet sheet, ExcelStyles styles, int firstRow, String title, List<String> series,
                           List<Point> points) {
        return draw(sheet, styles, firstRow, title, series, points, false);
    }

    /** Lines over categories (dates), with markers. */
    public static int lines(XSSFSheet sheet, ExcelStyles styles, int firstRow, String title, List<String> series,
                            List<Point> points) {
        return draw(sheet, styles, firstRow, title, series, points, true);
    }

    /** Writes the table and the chart beside it; returns the first free row below both. */
    private static int draw(XSSFSheet sheet, ExcelStyles styles, int firstRow, String title, List<String> series,
                            List<Point> points, boolean lines) {
        XSSFRow head = sheet.createRow(firstRow);
        head.createCell(0).setCellValue(title);
        head.getCell(0).setCellStyle(styles.label());
        XSSFRow names = sheet.createRow(firstRow + 1);
        names.createCell(0).setCellValue(lines ? "日期" : "县区");
        for (int s = 0; s < series.size(); s++) {
            names.createCell(s + 1).setCellValue(series.get(s));
            names.getCell(s + 1).setCellStyle(styles.header());
        }
        names.getCell(0).setCellStyle(styles.header());
        int r = firstRow + 2;
        for (Point p : points) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(p.category());
            for (int s = 0; s < p.values().size(); s++) {
                Double v = p.values().get(s);
                if (v != null) {
                    row.createCell(s + 1).setCellValue(v);
                    row.getCell(s + 1).setCellStyle(styles.cell(ExcelStyles.Tone.PLAIN, ExcelStyles.Kind.RATE));
                }
            }
        }
        int first = firstRow + 2;
        int last = r - 1;
        int height = Math.max(18, Math.min(40, points.size() + 10));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, series.size() + 2, firstRow,
                series.size() + 2 + Math.max(12, Math.min(40, points.size() * (lines ? 2 : 1) + 6)), firstRow + height);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setTitle("%");
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFChartData data = chart.createData(lines ? ChartTypes.LINE : ChartTypes.BAR, x, y);
        for (int s = 0; s < series.size(); s++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, last, s + 1, s + 1));
            XDDFChartData.Series added = data.addSeries(categories, values);
            added.setTitle(series.get(s), null);
            // Explicit colours: without them LibreOffice draws the series invisible.
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(COLOURS[s % COLOURS.length]));
            if (added instanceof XDDFLineChartData.Series line) {
                XDDFLineProperties stroke = new XDDFLineProperties(fill);
                stroke.setWidth(2.25);
                line.setLineProperties(stroke);
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                line.setSmooth(false);
            } else {
                added.setFillProperties(fill);
            }
        }
        if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
            bar.setBarGrouping(BarGrouping.CLUSTERED);
            bar.setVaryColors(false);
        }
        chart.plot(data);
        return Math.max(r, firstRow + height) + 2;
    }
}
