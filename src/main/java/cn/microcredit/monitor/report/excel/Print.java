package cn.microcredit.monitor.report.excel;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Print setup of every sheet (SPEC 6): A4, a footer with 第 &P 页 共 &N 页, the as-of date and 内部资料 注意保密, the
 * header row repeated. Fitted to the page width only where the text stays readable: a sheet is fitted when its printed
 * columns add up to at most {@link #FIT_LIMIT_CHARS} characters, which on landscape A4 keeps an 11 pt font at 8 pt or
 * more; a wider table prints its columns over several pages across rather than shrinking to 6 pt.
 */
public final class Print {

    /**
     * Landscape A4 holds 277 mm between 0.4" margins, about 150 characters of Calibri 11 (1.85 mm each); fitting 200
     * shrinks to 75 %, 8.25 pt, just above the 8 pt the SPEC allows.
     */
    static final int FIT_LIMIT_CHARS = 200;
    /** Portrait A4 holds 190 mm, about 100 characters; a sheet no wider prints portrait. */
    static final int PORTRAIT_CHARS = 100;

    private Print() {
    }

    /**
     * Sets up a sheet for A4 printing.
     *
     * @param widthChars the sum of the printed columns' widths in characters
     * @param headerRows rows repeated at the top of every page (0 for none)
     * @param date       the as-of date, printed in the footer
     */
    public static void a4(Sheet sheet, int widthChars, int headerRows, String date) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(widthChars > PORTRAIT_CHARS);
        if (widthChars <= FIT_LIMIT_CHARS) {
            sheet.setFitToPage(true);
            setup.setFitWidth((short) 1);
            setup.setFitHeight((short) 0);
        }
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setMargin(Sheet.FooterMargin, 0.25);
        if (headerRows > 0) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + headerRows));
        }
        sheet.getFooter().setLeft("数据日期 " + date);
        sheet.getFooter().setCenter(footer());
        sheet.getFooter().setRight("内部资料 注意保密");
    }

    /** The centre of the footer: page x of y, in Excel's header and footer codes. */
    static String footer() {
        return "第 &P 页 共 &N 页";
    }
}
