package cn.microcredit.monitor.report.excel;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
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
import org.apache.poi.xssf.usermodel.XSSFSheet;

import cn.microcredit.monitor.metrics.Status;


/**
 * Chart drawing. SXSSF sheets cannot hold charts, so each chart sits on a sheet of the underlying XSSF workbook and is
 * drawn from the small table written beside it (whose cell ranges the caller gives).
 */
public final class Charts {

    /** Bars: PAUSE red, WARN amber, OK a quiet grey-blue (colours say what the words say, SPEC 6). */
    private static final XDDFColor PAUSE = XDDFColor.from(new byte[] {(byte) 0xC0, 0x00, 0x00});
    private static final XDDFColor WARN = XDDFColor.from(new byte[] {(byte) 0xFF, (byte) 0xB0, 0x00});
    private static final XDDFColor OK = XDDFColor.from(new byte[] {(byte) 0x9D, (byte) 0xB0, (byte) 0xC4});
    /** Lines of a trend, one per county: distinct, none of them the status colours' exact shades. */
    private static final PresetColor[] LINES = {PresetColor.DARK_RED, PresetColor.DARK_ORANGE, PresetColor.NAVY,
            PresetColor.TEAL, PresetColor.PURPLE, PresetColor.OLIVE, PresetColor.SADDLE_BROWN, PresetColor.DIM_GRAY,
            PresetColor.CRIMSON, PresetColor.STEEL_BLUE};

    private Charts() {
    }

    /** Where a chart goes: columns and rows of the sheet (0-based, end exclusive). */
    public record Place(int col1, int row1, int col2, int row2) {
    }

    /**
     * Bars one per category, each coloured by its status, and the threshold of each category as a black dash over its
     * bar (a marker, not a third bar).
     *
     * @param categories the cells holding the category names
     * @param values     the cells holding the bar values
     * @param thresholds the cells holding the thresholds
     * @param statuses   each bar's status, in category order
     */
    public static void statusBars(XSSFSheet sheet, Place place, String title, String valueName,
                                  CellRangeAddress categories, CellRangeAddress values, CellRangeAddress thresholds,
                                  List<Status> statuses) {
        XSSFChart chart = chart(sheet, place, title);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        bars.setGapWidth(60);
        XDDFChartData.Series bar = bars.addSeries(cats, XDDFDataSourcesFactory.fromNumericCellRange(sheet, values));
        bar.setTitle(valueName, null);
        bar.setFillProperties(new XDDFSolidFillProperties(OK));
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) != Status.OK) {
                bar.getDataPoint(i).setFillProperties(new XDDFSolidFillProperties(
                        statuses.get(i) == Status.PAUSE ? PAUSE : WARN));
            }
        }
        chart.plot(bars);
        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFLineChartData.Series t = (XDDFLineChartData.Series) line.addSeries(cats,
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, thresholds));
        t.setTitle("阈值", null);
        t.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        t.setSmooth(false);
        t.setMarkerStyle(MarkerStyle.DASH);
        markerColour(t, XDDFColor.from(PresetColor.BLACK));
        chart.plot(line);
    }

    /**
     * Lines over dates, one per series (column {@code firstCol + i} of the rows {@code firstRow..lastRow}), with
     * markers.
     */
    public static void lines(XSSFSheet sheet, Place place, String title, CellRangeAddress dates,
                             List<String> names, int firstCol, int firstRow, int lastRow) {
        XSSFChart chart = chart(sheet, place, title);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, dates);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        for (int s = 0; s < names.size(); s++) {
            XDDFNumericalDataSource<Double> v = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstRow, lastRow, firstCol + s, firstCol + s));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(cats, v);
            series.setTitle(names.get(s), null);
            // Explicit colours: without them LibreOffice draws the series invisible.
            XDDFColor colour = XDDFColor.from(LINES[s % LINES.length]);
            XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(colour));
            stroke.setWidth(2.0);
            series.setLineProperties(stroke);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            markerColour(series, colour);
            series.setSmooth(false);
        }
        chart.plot(data);
    }

    private static XSSFChart chart(XSSFSheet sheet, Place p, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, p.col1(), p.row1(), p.col2(), p.row2());
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static void markerColour(XDDFLineChartData.Series series, XDDFColor colour) {
        var marker = series.getCTLineSer().getMarker();
        XDDFShapeProperties shape = new XDDFShapeProperties(marker.isSetSpPr() ? marker.getSpPr() : marker.addNewSpPr());
        shape.setFillProperties(new XDDFSolidFillProperties(colour));
        shape.setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(colour)));
    }
}
