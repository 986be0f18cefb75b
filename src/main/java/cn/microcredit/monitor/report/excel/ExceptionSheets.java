package cn.microcredit.monitor.report.excel;

import static cn.microcredit.monitor.report.excel.SheetTable.date;
import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.money;
import static cn.microcredit.monitor.report.excel.SheetTable.text;
import static cn.microcredit.monitor.report.excel.SheetTable.wan;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Workbook;

import cn.microcredit.monitor.report.brief.ExceptionTally;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.rules.Severity;

/**
 * 合规异常汇总 before 合规异常明细 (SPEC 6): breaches counted and summed by rule, rule × bank and rule × county, then
 * listed loan by loan with the Chinese rule label first and the loan's amount, balance and issue date beside it. Only
 * the severity cell is coloured: most breaches are HIGH, and a sheet of red rows says nothing.
 */
public final class ExceptionSheets {

    /** The detail's columns; the first ten are printed, the rest (codes, ids) stay on screen. */
    public static final List<SheetTable.Column> DETAIL_COLUMNS = List.of(text("规则", 24), text("严重程度", 8),
            money("贷款金额（元）").width(13), money("贷款余额（元）").width(13), date("发放日期"), text("机构代码", 10),
            text("借据号", 20), text("县区", 23), text("借款人", 7), text("详情", 40), text("县区代码", 9),
            text("户编号", 16), text("身份证号", 20), text("政策条款", 12), text("规则代码", 26));
    static final int PRINTED = 10;
    /** Columns of the detail by name, for the tests and the bank workbook. */
    public static final int BANK_CODE = 5;
    public static final int COUNTY_CODE = 10;

    private final SheetTable summary;
    private final SheetTable detail;
    private final ExceptionTally tally = new ExceptionTally();
    private final Function<String, String> countyName;
    private final Function<String, String> bankName;

    /** Creates both sheets, the summary first; call {@link #finish} when every breach is in. */
    public ExceptionSheets(Workbook wb, ExcelStyles styles, String asOf, Function<String, String> countyName,
                           Function<String, String> bankName) {
        this.countyName = countyName;
        this.bankName = bankName;
        summary = new SheetTable(wb, styles, "合规异常汇总", List.of(text("规则", 24), text("严重程度", 8),
                text("汇总范围", 8), text("代码", 10), text("机构或县区", 26), integer("笔次"), wan("涉及余额（万元）"),
                text("政策条款", 12), text("规则代码", 26))).printedFor(asOf).badgeOnly(1);
        detail = new SheetTable(wb, styles, "合规异常明细", DETAIL_COLUMNS).printedFor(asOf).badgeOnly(1)
                .printOnly(PRINTED);
    }

    /** One breach: its detail row (in {@link #DETAIL_COLUMNS} order) and what the summary counts of it. */
    public void add(Rule rule, String bankCode, String countyCode, BigDecimal balance, Object[] row) {
        detail.add(tone(rule.severity()), row);
        tally.add(rule, bankCode, countyCode, balance);
    }

    public ExceptionTally tally() {
        return tally;
    }

    public void finish() {
        for (ExceptionTally.Line l : tally.lines()) {
            String name = switch (l.by()) {
                case RULE -> "全部";
                case BANK -> bankName.apply(l.code());
                case COUNTY -> countyName.apply(l.code());
            };
            summary.add(tone(l.rule().severity()), l.rule().label(), l.rule().severity().label(), l.by().label(),
                    l.code(), name, l.count(), l.balance(), l.rule().clause(), l.rule().name());
        }
        summary.finish();
        detail.finish();
    }

    public static Tone tone(Severity severity) {
        return switch (severity) {
            case HIGH -> Tone.RED;
            case MEDIUM -> Tone.AMBER;
            case LOW -> Tone.PLAIN;
        };
    }
}
