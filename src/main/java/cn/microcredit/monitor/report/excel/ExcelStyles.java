package cn.microcredit.monitor.report.excel;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import cn.microcredit.monitor.metrics.Status;

/**
 * The cell styles of one workbook, created once (a workbook holds at most 64,000 styles). Every kind of column has a
 * style per tone: plain, red (PAUSE, high severity) and amber (WARN, medium severity).
 */
public final class ExcelStyles {

    /** The colour of a row. */
    public enum Tone {
        PLAIN, RED, AMBER;

        public static Tone of(Status status) {
            if (status == null) {
                return PLAIN;
            }
            return switch (status) {
                case PAUSE -> RED;
                case WARN -> AMBER;
                case OK -> PLAIN;
            };
        }
    }

    /** How a column's values look. */
    public enum Kind {
        TEXT(null), MONEY("#,##0.00"), RATE("0.00\"%\""), POINTS("+0.00;-0.00;0.00"), INTEGER("#,##0");

        private final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    private final Map<Tone, Map<Kind, CellStyle>> styles = new EnumMap<>(Tone.class);
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle label;

    public ExcelStyles(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(big);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);
        label = wb.createCellStyle();
        label.setFont(bold);
        for (Tone tone : Tone.values()) {
            Map<Kind, CellStyle> byKind = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                CellStyle s = wb.createCellStyle();
                if (tone == Tone.RED) {
                    s.setFillForegroundColor(IndexedColors.ROSE.getIndex());
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                } else if (tone == Tone.AMBER) {
                    s.setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                if (kind.format != null) {
                    s.setDataFormat(wb.createDataFormat().getFormat(kind.format));
                }
                byKind.put(kind, s);
            }
            styles.put(tone, byKind);
        }
    }

    public CellStyle cell(Tone tone, Kind kind) {
        return styles.get(tone).get(kind);
    }

    public CellStyle header() {
        return header;
    }

    public CellStyle title() {
        return title;
    }

    public CellStyle label() {
        return label;
    }
}
