package cn.microcredit.monitor.reference;

import static cn.microcredit.monitor.reference.RosterColumn.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import cn.microcredit.monitor.ingest.CsvRows;
import cn.microcredit.monitor.ingest.FieldException;
import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.ingest.HeaderMapping;
import cn.microcredit.monitor.ingest.InputFiles;
import cn.microcredit.monitor.ingest.InputLimits;
import cn.microcredit.monitor.ingest.PlausibleDates;
import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.ingest.RejectReason;
import cn.microcredit.monitor.ingest.TextEncoding;
import cn.microcredit.monitor.ingest.Values;

/**
 * Reads {@code roster.csv} with the same care as a ledger: any encoding, English or Chinese headers, every row either
 * a period or a reject with its line (file {@code roster.csv}).
 */
public final class RosterReader {

    /** The roster's place among the run's input files: before the ledgers, which count from 1. */
    public static final int FILE_SEQ = 0;

    private final Set<String> countyCodes;
    private final PlausibleDates dates;

    public RosterReader(Set<String> countyCodes) {
        this(countyCodes, null);
    }

    /** @param asOf the run's as-of date: roster dates far from it are rejected ({@link PlausibleDates}) */
    public RosterReader(Set<String> countyCodes, LocalDate asOf) {
        this.countyCodes = countyCodes;
        this.dates = PlausibleDates.asOf(asOf);
    }

    public FileResult read(Path path, Consumer<RosterPeriod> periods, Consumer<Reject> rejects) {
        String file = path.getFileName().toString();
        var state = new Object() {
            HeaderMapping<RosterColumn> header;
            Reject fileReject;
            long read;
            long accepted;
        };
        String notRegular = InputFiles.notRegular(path);
        if (notRegular != null) {
            return new FileResult(FILE_SEQ, file, "", 0, 0, 0,
                    Reject.wholeFile(file, RejectReason.UNREADABLE_FILE, notRegular));
        }
        String charset;
        try {
            InputLimits.checkFileSize(java.nio.file.Files.size(path));
            TextEncoding.Detected encoding = TextEncoding.detect(path);
            charset = encoding.charset().name() + (encoding.bomLength() > 0 ? " (BOM)" : "");
            InputLimits.Rows limits = InputLimits.rows();
            CsvRows.read(path, encoding, row -> {
                if (state.fileReject != null) {
                    return;
                }
                limits.check(row.line(), row.values());
                if (state.header == null) {
                    state.header = HeaderMapping.of(row.values(), RosterColumn.class);
                    if (!state.header.missing().isEmpty()) {
                        state.fileReject = Reject.wholeFile(file, RejectReason.MISSING_COLUMNS,
                                "表头缺少必需列: " + state.header.describeMissing());
                    } else if (!state.header.duplicates().isEmpty()) {
                        state.fileReject = Reject.wholeFile(file, RejectReason.DUPLICATE_COLUMNS,
                                "表头列名重复: " + String.join(", ", state.header.duplicates()));
                    }
                    return;
                }
                state.read++;
                Object outcome = parse(file, state.header, row);
                if (outcome instanceof RosterPeriod p) {
                    state.accepted++;
                    periods.accept(p);
                } else {
                    rejects.accept((Reject) outcome);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // Only reading problems make the file unusable; anything else (the database, a bug) fails the run.
            InputLimits.Exceeded limit = InputLimits.exceeded(e);
            if (limit != null) {
                return new FileResult(FILE_SEQ, file, "", 0, 0, 0,
                        Reject.wholeFile(file, RejectReason.TOO_LARGE, limit.getMessage()));
            }
            return new FileResult(FILE_SEQ, file, "", 0, 0, 0,
                    Reject.wholeFile(file, RejectReason.UNREADABLE_FILE, "无法读取: " + e.getMessage()));
        }
        if (state.header == null) {
            state.fileReject = Reject.wholeFile(file, RejectReason.MISSING_COLUMNS, "文件为空，没有表头；缺少全部必需列");
        }
        if (state.fileReject != null) {
            return new FileResult(FILE_SEQ, file, charset, 0, 0, 0, state.fileReject);
        }
        return new FileResult(FILE_SEQ, file, charset, state.read, state.accepted, state.read - state.accepted, null);
    }

    /**
     * A period, or a reject naming every problem of the row. Nearly every row has none: it is taken on a short path,
     * and only a row that fails one of its checks is described in full by {@link #describe}, which checks the same
     * things (the short path was a third of the time of reading the roster, and of compiling it).
     */
    private Object parse(String file, HeaderMapping<RosterColumn> header, CsvRows.Row row) {
        List<String> v = row.values();
        if (!row.isMalformed() && v.size() >= header.width()) {
            String household = header.get(v, HOUSEHOLD_ID);
            String county = header.get(v, COUNTY_CODE);
            String added = header.get(v, ADDED_DATE);
            String removed = header.get(v, REMOVED_DATE);
            RosterCategory category = RosterCategory.of(header.get(v, CATEGORY)).orElse(null);
            if (!household.isEmpty() && household.length() <= 100 && countyCodes.contains(county) && category != null
                    && !added.isEmpty()) {
                try {
                    LocalDate addedDate = Values.date(added);
                    LocalDate removedDate = removed.isEmpty() ? null : Values.date(removed);
                    if ((removedDate == null || !removedDate.isBefore(addedDate) && dates.rosterOk(removedDate))
                            && dates.rosterOk(addedDate)) {
                        return new RosterPeriod(row.line(), household, county, category, addedDate, removedDate);
                    }
                } catch (FieldException e) {
                    // described below
                }
            }
        }
        return describe(file, header, row);
    }

    private Object describe(String file, HeaderMapping<RosterColumn> header, CsvRows.Row row) {
        List<String> v = row.values();
        String household = header.get(v, HOUSEHOLD_ID);
        if (row.isMalformed() || v.size() < header.width()) {
            return new Reject(file, row.line(), "", "", RejectReason.MALFORMED_ROW,
                    row.isMalformed() ? row.malformed() : "字段数 " + v.size() + " 少于表头的 " + header.width() + " 列");
        }
        List<String> problems = new ArrayList<>();
        RejectReason[] first = new RejectReason[1];
        java.util.function.BiConsumer<RejectReason, String> problem = (reason, message) -> {
            if (first[0] == null) {
                first[0] = reason;
            }
            problems.add(message);
        };
        for (RosterColumn c : List.of(HOUSEHOLD_ID, COUNTY_CODE, CATEGORY, ADDED_DATE)) {
            if (header.get(v, c).isEmpty()) {
                problem.accept(RejectReason.MISSING_FIELD, c.display() + ": 必填字段为空");
            }
        }
        if (household.length() > 100) {
            problem.accept(RejectReason.OUT_OF_RANGE, HOUSEHOLD_ID.display() + ": 长度超过 100 个字符");
        }
        String county = header.get(v, COUNTY_CODE);
        if (!county.isEmpty() && !countyCodes.contains(county)) {
            problem.accept(RejectReason.UNKNOWN_COUNTY, COUNTY_CODE.display() + ": " + Values.quote(county)
                    + " 不在县区代码表中");
        }
        String categoryText = header.get(v, CATEGORY);
        RosterCategory category = categoryText.isEmpty() ? null : RosterCategory.of(categoryText).orElse(null);
        if (!categoryText.isEmpty() && category == null) {
            problem.accept(RejectReason.UNKNOWN_CODE, CATEGORY.display() + ": " + Values.quote(categoryText)
                    + " 不是可识别的类别");
        }
        LocalDate added = date(v, header, ADDED_DATE, problem);
        LocalDate removed = date(v, header, REMOVED_DATE, problem);
        if (added != null && removed != null && removed.isBefore(added)) {
            problem.accept(RejectReason.OUT_OF_RANGE, REMOVED_DATE.display() + ": " + removed + " 早于纳入日期 " + added);
        }
        if (added != null && dates.roster(added) != null) {
            problem.accept(RejectReason.OUT_OF_RANGE, ADDED_DATE.display() + ": " + dates.roster(added));
        }
        if (removed != null && dates.roster(removed) != null) {
            problem.accept(RejectReason.OUT_OF_RANGE, REMOVED_DATE.display() + ": " + dates.roster(removed));
        }
        if (first[0] != null) {
            return new Reject(file, row.line(), "", "", first[0],
                    HOUSEHOLD_ID.display() + " " + Values.quote(household) + ": " + String.join("; ", problems));
        }
        return new RosterPeriod(row.line(), household, county, category, added, removed);
    }

    private static LocalDate date(List<String> v, HeaderMapping<RosterColumn> header, RosterColumn column,
                                  java.util.function.BiConsumer<RejectReason, String> problem) {
        String text = header.get(v, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Values.date(text);
        } catch (FieldException e) {
            problem.accept(e.reason(), column.display() + ": " + e.getMessage());
            return null;
        }
    }
}
