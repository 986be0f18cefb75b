package cn.microcredit.monitor.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Status;


/**
 * The stored metrics of the date a run compares with (SPEC 5.2 "comparison date"), as the workbooks need them: each
 * county's and each bank × county cell's status and figures on that date. {@link #NONE} when there is no such date.
 *
 * @param asOf     the comparison date, or null
 * @param counties the county rows of that date
 * @param cells    the bank × county rows of that date
 */
public record Comparison(LocalDate asOf, List<CellResult> counties, List<CellResult> cells) {

    public static final Comparison NONE = new Comparison(null, List.of(), List.of());

    public boolean present() {
        return asOf != null;
    }

    /** County status on the comparison date by county code; a county absent had no outstanding loans then. */
    public Map<String, Status> countyStatus() {
        return counties.stream().collect(Collectors.toMap(CellResult::countyCode, CellResult::status));
    }

    /** Cell status on the comparison date by "county|bank". */
    public Map<String, Status> cellStatus() {
        return cells.stream().collect(Collectors.toMap(c -> c.countyCode() + "|" + c.bankCode(), CellResult::status));
    }

    public Map<String, CellResult> countyByCode() {
        return counties.stream().collect(Collectors.toMap(CellResult::countyCode, Function.identity()));
    }
}
