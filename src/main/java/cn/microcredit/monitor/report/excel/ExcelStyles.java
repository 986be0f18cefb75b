package cn.microcredit.monitor.report.excel;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import cn.microcredit.monitor.metrics.Status;


/**
 * The cell styles of one workbook, created once (a workbook holds at most 64,000 styles). Every kind of column has a
 * style per tone: plain, red (PAUSE, high severity) and amber (WARN, medium severity). Workbooks are XSSF or SXSSF.
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

    /**
     * How a column's values look. WAN is money shown in 万元 (the value written is the exact yuan amount / 10,000);
     * DATE a calendar day.
     */
    public enum Kind {
        TEXT(null), MONEY("#,##0.00"), RATE("0.00\"%\""), POINTS("+0.00;-0.00;0.00"), INTEGER("#,##0"),
        WAN("#,##0.00"), DATE("yyyy-mm-dd"), SIGNED_WAN("+#,##0.00;-#,##0.00;0.00"), SIGNED_INTEGER("+#,##0;-#,##0;0");

        private final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    private final Map<Tone, Map<Kind, CellStyle>> styles = new EnumMap<>(Tone.class);
    private final CellStyle header;
    private final CellStyle numberHeader;
    private final CellStyle title;
    private final CellStyle label;
    private final CellStyle wrap;
    private final CellStyle note;
    private final Map<Tone, CellStyle> badges = new EnumMap<>(Tone.class);
    private final Workbook wb;
    private DataFormat formats;

    /*
     * Colours say what the words say (SPEC 6): PAUSE a clear red, WARN amber, OK no fill. Rows take the light shade, the
     * status (or severity) cell the strong one, so a reader can tell them apart on a grey print too.
     */
    private static final byte[] RED_LIGHT = rgb(0xF4, 0xB4, 0xB4);
    private static final byte[] AMBER_LIGHT = rgb(0xFF, 0xE3, 0x9A);
    private static final byte[] RED_STRONG = rgb(0xC0, 0x00, 0x00);
    private static final byte[] AMBER_STRONG = rgb(0xFF, 0xB0, 0x00);
    private static final byte[] HEADER_GREY = rgb(0xD9, 0xD9, 0xD9);

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
        fill(header, HEADER_GREY);
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);
        // Indented by a character as text cells are: a text header keeps apart from a number's header before it.
        header.setAlignment(HorizontalAlignment.LEFT);
        header.setIndention((short) 1);
        numberHeader = wb.createCellStyle();
        numberHeader.cloneStyleFrom(header);
        numberHeader.setAlignment(HorizontalAlignment.RIGHT);
        numberHeader.setIndention((short) 0);
        label = wb.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Font grey = wb.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        grey.setFontHeightInPoints((short) 9);
        note = wb.createCellStyle();
        note.setFont(grey);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        Font white = wb.createFont();
        white.setBold(true);
        white.setColor(IndexedColors.WHITE.getIndex());
        badges.put(Tone.RED, badge(wb, RED_STRONG, white));
        badges.put(Tone.AMBER, badge(wb, AMBER_STRONG, bold));
        badges.put(Tone.PLAIN, badge(wb, null, bold));
        this.wb = wb;
    }

    /*
     * Row styles are made on first use: a bank's workbook needs a handful of the 27, and each style costs POI an XML
     * node or three to make and to save (measured: making all of them was 5 % of the report step's CPU on the sample).
     */
    private CellStyle make(Tone tone, Kind kind) {
        CellStyle s = wb.createCellStyle();
        if (tone == Tone.RED) {
            fill(s, RED_LIGHT);
        } else if (tone == Tone.AMBER) {
            fill(s, AMBER_LIGHT);
        }
        if (kind == Kind.TEXT) {
            // A character's indent, so that text after a right-aligned number (政策条款 after a count, 机构代码 after a
            // date) does not run into it.
            s.setAlignment(HorizontalAlignment.LEFT); // an indent needs an explicit alignment
            s.setIndention((short) 1);
        }
        if (kind.format != null) {
            if (formats == null) {
                formats = wb.createDataFormat();
            }
            s.setDataFormat(formats.getFormat(kind.format));
        }
        return s;
    }

    private static CellStyle badge(Workbook wb, byte[] colour, Font font) {
        CellStyle s = wb.createCellStyle();
        if (colour != null) {
            fill(s, colour);
        }
        s.setFont(font);
        s.setAlignment(HorizontalAlignment.CENTER);
        return s;
    }

    private static void fill(CellStyle style, byte[] colour) {
        ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(colour, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[] {(byte) r, (byte) g, (byte) b};
    }

    /** The strong colour of a status or severity: the one cell that carries it (red, amber, or bold without fill). */
    public CellStyle badge(Tone tone) {
        return badges.get(tone);
    }

    /** Text that wraps within its column, top-aligned. */
    public CellStyle wrap() {
        return wrap;
    }

    /** Small grey wrapped text: sources, footnotes. */
    public CellStyle note() {
        return note;
    }

    /** A row's cell style; not thread-safe (a workbook is written by one thread at a time). */
    public CellStyle cell(Tone tone, Kind kind) {
        return styles.computeIfAbsent(tone, t -> new EnumMap<>(Kind.class)).computeIfAbsent(kind, k -> make(tone, k));
    }

    public CellStyle header() {
        return header;
    }

    /**
     * The header of a column of this kind: over numbers (right-aligned) it is right-aligned too. Left-aligned, a narrow
     * column's header sat apart from its numbers, which then read as the next column's (合规异常按县区's 笔次 under 高).
     */
    public CellStyle header(Kind kind) {
        return kind == Kind.TEXT ? header : numberHeader;
    }

    public CellStyle title() {
        return title;
    }

    public CellStyle label() {
        return label;
    }
}
