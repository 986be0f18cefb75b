package cn.microcredit.monitor.report;

import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.text;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.ingest.RejectReason;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.MonitorRules;
import cn.microcredit.monitor.ops.RunThreads;
import cn.microcredit.monitor.ops.Seconds;
import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.brief.RejectAdvice;
import cn.microcredit.monitor.report.excel.BankFeedbackSheet;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.report.excel.ExcelStyles;
import cn.microcredit.monitor.report.excel.ExceptionSheets;
import cn.microcredit.monitor.report.excel.NotesSheet;
import cn.microcredit.monitor.report.excel.ScopeSheets;
import cn.microcredit.monitor.report.excel.SheetTable;
import cn.microcredit.monitor.report.excel.WorkbookFile;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.RunBreaches;
import cn.microcredit.monitor.store.LoanRepository;

/**
 * The workbooks people read (SPEC 6), in Chinese: one for the province, one per sub-bureau holding only its counties,
 * and one data-quality feedback workbook per bank in {@code banks/} holding only that bank's rows. All are streamed
 * (SXSSF) and filled together, so the exception and reject tables are read from the database once per thread, whatever
 * their size; their rows go straight into sheet XML ({@link SheetTable#streamed}), put into the workbook as it is saved
 * ({@link WorkbookFile}). Personal data is masked; text from inputs is written as text, never as a formula.
 */
@Component
public class ExcelReports {

    private static final Logger log = LoggerFactory.getLogger(ExcelReports.class);

    static final String PROVINCE = "全省";
    /**
     * Breach rows a province or sub-bureau workbook prints, worst first (about four pages): its reader prints the
     * briefing; the whole list stays on screen, and each bank's own workbook prints all of its rows.
     */
    static final int PRINTED_BREACHES = 200;

    private final LoanRepository loans;

    private final MonitorRules rules;

    public ExcelReports(LoanRepository loans, MonitorRules rules) {
        this.loans = loans;
        this.rules = rules;
    }

    /** One workbook being written: which exceptions and rejects belong in it, and what is tallied of them. */
    private static final class Book implements AutoCloseable {
        final SXSSFWorkbook wb = new SXSSFWorkbook(200);
        final ExcelStyles styles = new ExcelStyles(wb);
        final Path file;
        final Predicate<ExceptionRepository.Row> exceptionFilter;
        final Predicate<Reject> rejectFilter;
        /** The breach rows this workbook is expected to hold, to share the writing fairly between two threads. */
        long expectedRows;
        /** The bank of a feedback workbook; the counties of a sub-bureau's; both null for the province's. */
        String bank;
        Set<String> counties;
        /** Time spent on this workbook alone: its sheets, its rows, writing it out. */
        long nanos;
        final Map<RejectReason, Long> rejectCounts = new EnumMap<>(RejectReason.class);
        ExceptionSheets exceptions;
        SheetTable rejects;
        /** What is written once every exception and reject is in (summaries that come before their detail). */
        Runnable finisher = () -> { };

        /** Where the breach and reject rows wait, as sheet XML, until the workbook is saved. */
        final Path rowsFolder;

        Book(Path file, Predicate<ExceptionRepository.Row> exceptionFilter, Predicate<Reject> rejectFilter)
                throws IOException {
            this.rowsFolder = PoiTempFolder.use();
            this.file = file;
            this.exceptionFilter = exceptionFilter;
            this.rejectFilter = rejectFilter;
        }

        /**
         * @param bankCodes   the banks given a column in 合规异常汇总 (none in a bank's own workbook)
         * @param printedRows the breach rows printed (0: all)
         */
        void exceptionTables(ReportData data, List<String> bankCodes, int printedRows) {
            String asOf = data.summary().asOf().toString();
            exceptions = new ExceptionSheets(wb, styles, asOf, code -> {
                County c = data.county(code);
                return c == null ? code : c.name();
            }, data::subBureau, bankCodes, printedRows).streamed(rowsFolder);
        }

        void rejectTable(ReportData data, String name) {
            rejects = new SheetTable(wb, styles, name, REJECT_COLUMNS).printedFor(data.summary().asOf().toString())
                    .badgeOnly(3).printOnly(6).streamed(rowsFolder);
        }

        String kind() {
            return bank != null ? "bank" : counties != null ? "sub-bureau" : "province";
        }

        void save() throws IOException {
            finisher.run();
            exceptions.finish();
            rejects.finish();
            WorkbookFile.write(wb, List.of(exceptions.detail(), rejects), file);
        }

        @Override
        public void close() throws IOException {
            try (wb) {
                if (exceptions != null) {
                    exceptions.detail().discard();
                }
                if (rejects != null) {
                    rejects.discard();
                }
            }
        }
    }

    /** The run's workbooks; {@code breaches} the run's, read once for every report. */
    public void write(ReportData data, RunBreaches breaches, Path dir) throws IOException {
        PoiTempFolder.use();
        PoiXmlFactories.use();
        List<Book> books = new ArrayList<>();
        ExecutorService pool = RunThreads.pool("report", 2);
        long started = System.nanoTime();
        try {
            LocalDateTime generatedAt = LocalDateTime.now();
            // Each workbook's own sheets are built two at a time: most of the time is POI's, per workbook.
            List<Callable<Book>> makers = new ArrayList<>();
            makers.add(timed(() -> scopeBook(data, dir, PROVINCE, code -> true, r -> true, generatedAt)));
            Map<String, Set<String>> subBureaus = new TreeMap<>();
            for (CellResult c : data.countyCells()) {
                subBureaus.computeIfAbsent(data.subBureau(c.countyCode()), k -> new java.util.HashSet<>())
                        .add(c.countyCode());
            }
            for (var entry : subBureaus.entrySet()) {
                Set<String> codes = entry.getValue();
                makers.add(timed(() -> {
                    Book book = scopeBook(data, dir, entry.getKey(), codes::contains,
                            r -> codes.contains(r.countyCode()), generatedAt);
                    book.counties = codes;
                    return book;
                }));
            }
            Path bankDir = Files.createDirectories(dir.resolve("banks"));
            Map<String, String> bankOfFile = loans.bankOfFile(data.summary().runId());
            Map<String, String> bankNames = BankFileNames.of(data.banks().all().stream().map(Bank::code).toList());
            for (Bank bank : data.banks().all()) {
                makers.add(timed(() -> {
                    Book book = new Book(bankDir.resolve("数据质量反馈_" + bankNames.get(bank.code()) + "_"
                            + data.summary().asOf() + ".xlsx"),
                            e -> e.bankCode().equals(bank.code()),
                            r -> owner(r, bankOfFile, data).equals(bank.code()));
                    book.bank = bank.code();
                    BankFeedbackSheet feedback = new BankFeedbackSheet(book.wb.createSheet("反馈"), book.styles);
                    book.rejectTable(data, "拒收明细");
                    book.exceptionTables(data, List.of(), 0);
                    new NotesSheet(book.wb, book.styles, data.summary(), rules, generatedAt).write();
                    book.finisher = () -> feedback.write(bank, data, book.rejectCounts, book.exceptions.tally());
                    return book;
                }));
            }
            IOException failure = null;
            for (Future<Book> f : pool.invokeAll(makers)) {
                try {
                    books.add(f.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : asIo(e);
                }
            }
            if (failure != null) {
                throw failure;
            }

            long made = System.nanoTime();
            long runId = data.summary().runId();
            // Every breach goes into up to three workbooks (province, sub-bureau, bank). The workbooks are shared
            // between two threads by the rows they will hold; each thread walks the breaches (held in memory, read once
            // for every report) and reads the rejects itself, in the same order, then writes its workbooks out
            // (compressing them is much of the work).
            expectRows(books, data);
            for (Future<Object> f : pool.invokeAll(shareByRows(books).stream().map(group -> (Callable<Object>) () -> {
                fill(group, runId, breaches, data);
                for (Book b : group) {
                    long t = System.nanoTime();
                    b.save();
                    b.nanos += System.nanoTime() - t;
                }
                return null;
            }).toList())) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : asIo(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            log.info("workbooks: built {} s, filled and written {} s; time per kind (two threads): {}",
                    Seconds.ofNanos(made - started), Seconds.ofNanos(System.nanoTime() - made), perKind(books));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing workbooks", e);
        } finally {
            pool.shutdownNow();
            for (Book b : books) {
                b.close();
            }
        }
    }

    /** A maker that counts its own time to the workbook it makes. */
    private static Callable<Book> timed(Callable<Book> maker) {
        return () -> {
            long t = System.nanoTime();
            Book book = maker.call();
            book.nanos += System.nanoTime() - t;
            return book;
        };
    }

    /** A group's workbooks get their breach rows, then their rejects (read on the calling thread). */
    private void fill(List<Book> group, long runId, RunBreaches breaches, ReportData data) {
        breaches.forEachWorstFirst(e -> {
            Object[] row = null;
            for (Book b : group) {
                if (b.exceptionFilter.test(e)) {
                    // Made (names masked) only for a breach this thread's workbooks hold: each thread walks them all.
                    row = row != null ? row : exceptionRow(e, data);
                    long t = System.nanoTime();
                    b.exceptions.add(e.rule(), e.bankCode(), e.countyCode(), e.balance(), row);
                    b.nanos += System.nanoTime() - t;
                }
            }
        });
        loans.forEachReject(runId, r -> {
            Object[] row = {r.file(), r.line(), r.loanId(), r.reason().label(), r.detail(),
                    RejectAdvice.of(r.reason()), r.bankCode(), r.countyCode(), r.reason().name()};
            Tone tone = r.reason().wholeFile() ? Tone.RED : Tone.AMBER;
            for (Book b : group) {
                if (b.rejectFilter.test(r)) {
                    b.rejects.add(tone, row);
                    b.rejectCounts.merge(r.reason(), 1L, Long::sum);
                }
            }
        });
    }

    /** "province 1: 1.2 s, sub-bureau 14: 2.0 s, bank 6: 1.5 s": workbooks and their own time, by kind. */
    private static String perKind(List<Book> books) {
        Map<String, long[]> kinds = new java.util.LinkedHashMap<>();
        for (Book b : books) {
            long[] k = kinds.computeIfAbsent(b.kind(), x -> new long[2]);
            k[0]++;
            k[1] += b.nanos;
        }
        return kinds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + ": "
                + Seconds.ofNanos(e.getValue()[1]) + " s").collect(java.util.stream.Collectors.joining(", "));
    }

    /** Each workbook's expected breach rows, from the counts by county and by bank. */
    private static void expectRows(List<Book> books, ReportData data) {
        Map<String, Long> byCounty = data.exceptionsByCounty();
        Map<String, Long> byBank = data.exceptionsByBank();
        long all = byCounty.values().stream().mapToLong(Long::longValue).sum();
        for (Book b : books) {
            b.expectedRows = b.bank != null ? byBank.getOrDefault(b.bank, 0L)
                    : b.counties == null ? all
                    : b.counties.stream().mapToLong(c -> byCounty.getOrDefault(c, 0L)).sum();
        }
    }

    /** Two groups of workbooks holding about as many rows each: largest first, each to the lighter group. */
    static List<List<Book>> shareByRows(List<Book> books) {
        List<List<Book>> groups = List.of(new ArrayList<>(), new ArrayList<>());
        long[] rows = new long[groups.size()];
        books.stream().sorted(java.util.Comparator.comparingLong((Book b) -> b.expectedRows).reversed()).forEach(b -> {
            int lighter = rows[0] <= rows[1] ? 0 : 1;
            groups.get(lighter).add(b);
            rows[lighter] += b.expectedRows;
        });
        return groups;
    }

    /** The failure of a workbook task as an IOException (a runtime failure is kept as the cause). */
    private static IOException asIo(ExecutionException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    }

    private Book scopeBook(ReportData data, Path dir, String scope, Predicate<String> countyFilter,
                           Predicate<Reject> rejectFilter, LocalDateTime generatedAt) throws IOException {
        Book book = new Book(dir.resolve(fileName(scope, data)), e -> countyFilter.test(e.countyCode()), rejectFilter);
        new ScopeSheets(book.wb, book.styles, data, scope, countyFilter).write();
        book.exceptionTables(data, data.banks().all().stream().map(Bank::code).toList(), PRINTED_BREACHES);
        book.rejectTable(data, "数据质量");
        new NotesSheet(book.wb, book.styles, data.summary(), rules, generatedAt).write();
        return book;
    }

    /** The bank a reject concerns: its own bank code when that is a known bank, else the bank of its file. */
    private static String owner(Reject r, Map<String, String> bankOfFile, ReportData data) {
        if (data.banks().get(r.bankCode()) != null) {
            return r.bankCode();
        }
        return bankOfFile.getOrDefault(r.file(), "");
    }

    static String fileName(String scope, ReportData data) {
        return "帮扶小额信贷风险监测_" + safe(scope) + "_" + data.summary().asOf() + ".xlsx";
    }

    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
    }

    /** The rejects: the first six columns print (what and how to correct), the codes stay on screen. */
    static final List<SheetTable.Column> REJECT_COLUMNS = List.of(text("文件", 28), integer("行号").width(8),
            text("借据号", 20), text("原因", 14), text("详情", 50), text("如何更正", 40), text("机构代码", 10),
            text("县区代码", 9), text("原因代码", 20));

    /** A breach row in {@link ExceptionSheets#DETAIL_COLUMNS} order; personal data masked. */
    private static Object[] exceptionRow(ExceptionRepository.Row e, ReportData data) {
        County county = data.county(e.countyCode());
        return new Object[] {e.rule().label(), e.rule().severity().label(), e.amount(), e.balance(), e.issueDate(),
                e.bankCode(), e.loanId(),
                county == null ? "" : county.name(), Masking.name(e.borrowerName()), e.detail(), e.countyCode(),
                e.householdId(), Masking.idNumber(e.borrowerIdNumber()), e.rule().clause(), e.rule().name()};
    }
}
