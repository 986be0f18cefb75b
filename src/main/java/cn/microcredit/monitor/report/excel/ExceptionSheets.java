package cn.microcredit.monitor.report.excel;

import static cn.microcredit.monitor.report.excel.SheetTable.date;
import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.money;
import static cn.microcredit.monitor.report.excel.SheetTable.text;
import static cn.microcredit.monitor.report.excel.SheetTable.wan;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Workbook;

import cn.microcredit.monitor.report.brief.ExceptionTally;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.rules.Rule;
import cn.microcredit.monitor.rules.Severity;

/**
 * 合规异常汇总 and 合规异常按县区 before 合规异常明细 (SPEC 6): breaches counted and summed by rule with a column per
 * bank (rule × bank, one printed page), then per county with its count by severity, its three most frequent rules and,
 * on screen, a column per rule (rule × county); then listed loan by loan, worst first, with the Chinese rule label first
 * and the loan's amount, balance and issue date beside it. Only the severity cell is coloured: most breaches are HIGH,
 * and a sheet of red rows says nothing.
 */
public final class ExceptionSheets {

    /** The detail's columns; the first ten are printed, the rest (codes, ids) stay on screen. */
    public static final List<SheetTable.Column> DETAIL_COLUMNS = List.of(text("规则", 24), text("严重程度", 8),
            money("贷款金额（元）").width(13), money("贷款余额（元）").width(13), date("发放日期").width(12),
            text("机构代码", 10),
            text("借据号", 20), text("县区", 23), text("借款人", 7), text("详情", 40), text("县区代码", 9),
            text("户编号", 16), text("身份证号", 20), text("政策条款", 12), text("规则代码", 26));
    static final int PRINTED = 10;
    /** Columns of the detail by name, for the tests and the bank workbook. */
    public static final int BANK_CODE = 5;
    public static final int COUNTY_CODE = 10;

    private final List<String> bankCodes;
    private final SheetTable summary;
    private final SheetTable byCounty;
    private final SheetTable detail;
    private final ExceptionTally tally = new ExceptionTally();
    private final Function<String, String> countyName;
    private final Function<String, String> subBureau;

    /** The printed columns of 合规异常按县区 (the rule columns after them stay on screen). */
    static final int COUNTY_PRINTED = 9;

    /**
     * Creates the sheets, the summaries first; call {@link #finish} when every breach is in.
     *
     * @param bankCodes   the banks given a column of their own in 合规异常汇总 (none in a bank's own workbook)
     * @param printedRows the detail rows printed, worst first (0: all, as a bank prints the list it works through)
     */
    public ExceptionSheets(Workbook wb, ExcelStyles styles, String asOf, Function<String, String> countyName,
                           Function<String, String> subBureau, List<String> bankCodes, int printedRows) {
        this.countyName = countyName;
        this.subBureau = subBureau;
        this.bankCodes = bankCodes;
        List<SheetTable.Column> columns = new ArrayList<>(List.of(text("规则", 24), text("严重程度", 8),
                integer("笔次").width(8), wan("涉及余额（万元）")));
        bankCodes.forEach(code -> columns.add(integer(code).width(Math.max(8, SheetTable.displayWidth(code) + 1))));
        columns.add(text("政策条款", 12));
        columns.add(text("规则代码", 26));
        summary = new SheetTable(wb, styles, "合规异常汇总", columns).printedFor(asOf).badgeOnly(1)
                .printOnly(columns.size() - 1);
        List<SheetTable.Column> county = new ArrayList<>(List.of(text("县区代码", 9), text("县区", 23),
                text("金融监管分局", 20), integer("笔次").width(8), integer("高").width(6), integer("中").width(6),
                integer("低").width(6), wan("涉及余额（万元）"), text("主要问题（笔次）", 60)));
        for (Rule rule : Rule.values()) {
            county.add(integer(rule.label()).width(Math.min(26, SheetTable.displayWidth(rule.label()) + 1)));
        }
        byCounty = new SheetTable(wb, styles, "合规异常按县区", county).printedFor(asOf)
                .printOnly(COUNTY_PRINTED);
        detail = new SheetTable(wb, styles, "合规异常明细", DETAIL_COLUMNS).printedFor(asOf).badgeOnly(1)
                .printOnly(PRINTED).printRows(printedRows);
    }

    /** One breach: its detail row (in {@link #DETAIL_COLUMNS} order) and what the summary counts of it. */
    public void add(Rule rule, String bankCode, String countyCode, BigDecimal balance, Object[] row) {
        detail.add(tone(rule.severity()), row);
        tally.add(rule, bankCode, countyCode, balance);
    }

    /**
     * The detail's rows go straight into sheet XML in {@code folder} (see {@link SheetTable#streamed}); save the
     * workbook with {@link WorkbookFile#write} and {@link #detail}.
     */
    public ExceptionSheets streamed(Path folder) {
        detail.streamed(folder);
        return this;
    }

    public SheetTable detail() {
        return detail;
    }

    public ExceptionTally tally() {
        return tally;
    }

    public void finish() {
        long total = 0;
        BigDecimal balance = BigDecimal.ZERO;
        List<Rule> rules = tally.rules();
        for (Rule rule : rules) {
            List<Object> row = new ArrayList<>(List.of(rule.label(), rule.severity().label(), tally.count(rule),
                    tally.balance(rule)));
            bankCodes.forEach(code -> row.add(tally.countAtBank(rule, code)));
            row.add(rule.clause());
            row.add(rule.name());
            summary.add(tone(rule.severity()), row.toArray());
            total += tally.count(rule);
            balance = balance.add(tally.balance(rule));
        }
        if (total > 0) {
            List<Object> row = new ArrayList<>(List.of("合计", "", total, balance));
            bankCodes.forEach(code -> row.add(rules.stream().mapToLong(r -> tally.countAtBank(r, code)).sum()));
            summary.add(Tone.PLAIN, row.toArray());
        }
        for (ExceptionTally.County c : tally.counties()) {
            List<Object> row = new ArrayList<>(List.of(c.code(), countyName.apply(c.code()),
                    subBureau.apply(c.code()), c.count(), c.high(), c.medium(), c.low(), c.balance(),
                    mainRules(rules, c.code())));
            for (Rule rule : Rule.values()) {
                long n = tally.countInCounty(rule, c.code());
                row.add(n == 0 ? null : n);
            }
            // No colour: nearly every county has a HIGH breach, and red is kept for PAUSE (the 高 column says it).
            byCounty.add(Tone.PLAIN, row.toArray());
        }
        summary.finish();
        byCounty.finish();
        detail.finish();
    }

    /** A county's three most frequent rules with their counts, e.g. "同户多笔未结清贷款 120；非生产性用途 31". */
    private String mainRules(List<Rule> rules, String countyCode) {
        return rules.stream()
                .filter(r -> tally.countInCounty(r, countyCode) > 0)
                .sorted(Comparator.comparing((Rule r) -> -tally.countInCounty(r, countyCode)))
                .limit(3)
                .map(r -> r.label() + " " + tally.countInCounty(r, countyCode))
                .collect(Collectors.joining("；"));
    }

    public static Tone tone(Severity severity) {
        return switch (severity) {
            case HIGH -> Tone.RED;
            case MEDIUM -> Tone.AMBER;
            case LOW -> Tone.PLAIN;
        };
    }
}
