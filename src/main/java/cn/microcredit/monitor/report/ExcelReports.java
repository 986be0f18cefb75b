package cn.microcredit.monitor.report;

import static cn.microcredit.monitor.report.excel.SheetTable.integer;
import static cn.microcredit.monitor.report.excel.SheetTable.text;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ingest.Reject;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.reference.Bank;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.report.excel.ExcelStyles;
import cn.microcredit.monitor.report.excel.ExcelStyles.Tone;
import cn.microcredit.monitor.report.excel.ScopeSheets;
import cn.microcredit.monitor.report.excel.SheetTable;
import cn.microcredit.monitor.rules.Severity;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.LoanRepository;

/**
 * The workbooks people read (SPEC 6), in Chinese: one for the province, one per sub-bureau holding only its counties,
 * and one data-quality feedback workbook per bank in {@code banks/} holding only that bank's rows. All are streamed
 * (SXSSF) and filled together, so the exception and reject tables are read from the database once, whatever their
 * size. Personal data is masked; text from inputs is written as text, never as a formula.
 */
@Component
public class ExcelReports {

    static final String PROVINCE = "全省";

    private final ExceptionRepository exceptions;
    private final LoanRepository loans;

    public ExcelReports(ExceptionRepository exceptions, LoanRepository loans) {
        this.exceptions = exceptions;
        this.loans = loans;
    }

    /** One workbook being written: which exceptions and rejects belong in it. */
    private static final class Book implements AutoCloseable {
        final SXSSFWorkbook wb = new SXSSFWorkbook(200);
        final ExcelStyles styles = new ExcelStyles(wb);
        final Path file;
        final Predicate<ExceptionRepository.Row> exceptionFilter;
        final Predicate<Reject> rejectFilter;
        SheetTable exceptions;
        SheetTable rejects;

        Book(Path file, Predicate<ExceptionRepository.Row> exceptionFilter, Predicate<Reject> rejectFilter) {
            this.file = file;
            this.exceptionFilter = exceptionFilter;
            this.rejectFilter = rejectFilter;
        }

        void tables(String exceptionSheet, String rejectSheet) {
            exceptions = new SheetTable(wb, styles, exceptionSheet, EXCEPTION_COLUMNS);
            rejects = new SheetTable(wb, styles, rejectSheet, REJECT_COLUMNS);
        }

        void save() throws IOException {
            exceptions.finish();
            rejects.finish();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        @Override
        public void close() throws IOException {
            wb.close();
        }
    }

    public void write(ReportData data, Path dir) throws IOException {
        PoiTempFolder.use();
        List<Book> books = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Each workbook's own sheets are built two at a time: most of the time is POI's, per workbook.
            List<Callable<Book>> makers = new ArrayList<>();
            makers.add(() -> scopeBook(data, dir, PROVINCE, code -> true, r -> true));
            Map<String, Set<String>> subBureaus = new TreeMap<>();
            for (CellResult c : data.countyCells()) {
                subBureaus.computeIfAbsent(data.subBureau(c.countyCode()), k -> new java.util.HashSet<>())
                        .add(c.countyCode());
            }
            for (var entry : subBureaus.entrySet()) {
                Set<String> codes = entry.getValue();
                makers.add(() -> scopeBook(data, dir, entry.getKey(), codes::contains,
                        r -> codes.contains(r.countyCode())));
            }
            Path bankDir = Files.createDirectories(dir.resolve("banks"));
            Map<String, String> bankOfFile = loans.bankOfFile(data.summary().runId());
            Map<String, String> bankNames = BankFileNames.of(data.banks().all().stream().map(Bank::code).toList());
            for (Bank bank : data.banks().all()) {
                makers.add(() -> {
                    Book book = new Book(bankDir.resolve("数据质量反馈_" + bankNames.get(bank.code()) + "_"
                            + data.summary().asOf() + ".xlsx"),
                            e -> e.bankCode().equals(bank.code()),
                            r -> owner(r, bankOfFile, data).equals(bank.code()));
                    bankIntro(book, bank, data);
                    book.tables("合规异常明细", "拒收明细");
                    return book;
                });
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

            long runId = data.summary().runId();
            exceptions.forEachWorstFirst(runId, e -> {
                Object[] row = exceptionRow(e, data);
                Tone tone = tone(e.rule().severity());
                for (Book b : books) {
                    if (b.exceptionFilter.test(e)) {
                        b.exceptions.add(tone, row);
                    }
                }
            });
            loans.forEachReject(runId, r -> {
                Object[] row = {r.file(), r.line(), r.bankCode(), r.loanId(), r.countyCode(), r.reason().name(),
                        r.reason().label(), r.detail()};
                Tone tone = r.reason().wholeFile() ? Tone.RED : Tone.PLAIN;
                for (Book b : books) {
                    if (b.rejectFilter.test(r)) {
                        b.rejects.add(tone, row);
                    }
                }
            });
            // Written out two at a time as well: each is its own, and compressing them is most of the work.
            for (Future<Object> f : pool.invokeAll(books.stream().map(b -> (Callable<Object>) () -> {
                b.save();
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

    /** The failure of a workbook task as an IOException (a runtime failure is kept as the cause). */
    private static IOException asIo(ExecutionException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    }

    private static Book scopeBook(ReportData data, Path dir, String scope, Predicate<String> countyFilter,
                                  Predicate<Reject> rejectFilter) {
        Book book = new Book(dir.resolve(fileName(scope, data)), e -> countyFilter.test(e.countyCode()), rejectFilter);
        new ScopeSheets(book.wb, book.styles, data, scope, countyFilter).write();
        book.tables("合规异常明细", "数据质量");
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

    static final List<SheetTable.Column> EXCEPTION_COLUMNS = List.of(text("严重程度", 8), text("规则", 26),
            text("规则说明", 24), text("政策条款", 12), text("机构代码", 10), text("借据号", 22), text("县区代码", 9),
            text("县区", 12), text("户编号", 16), text("借款人", 8), text("身份证号", 20), text("详情", 60));

    static final List<SheetTable.Column> REJECT_COLUMNS = List.of(text("文件", 30), integer("行号"),
            text("机构代码", 10), text("借据号", 22), text("县区代码", 9), text("原因代码", 20), text("原因", 16),
            text("详情", 80));

    private static Object[] exceptionRow(ExceptionRepository.Row e, ReportData data) {
        County county = data.county(e.countyCode());
        return new Object[] {e.rule().severity().label(), e.rule().name(), e.rule().label(), e.rule().clause(),
                e.bankCode(), e.loanId(), e.countyCode(), county == null ? "" : county.name(), e.householdId(),
                Masking.name(e.borrowerName()), Masking.idNumber(e.borrowerIdNumber()), e.detail()};
    }

    private static Tone tone(Severity severity) {
        return switch (severity) {
            case HIGH -> Tone.RED;
            case MEDIUM -> Tone.AMBER;
            case LOW -> Tone.PLAIN;
        };
    }

    private static void bankIntro(Book book, Bank bank, ReportData data) {
        Sheet sheet = book.wb.createSheet("说明");
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        String[][] lines = {
                {"帮扶小额信贷台账数据质量反馈", ""},
                {"", ""},
                {"机构", bank.code() + " " + bank.name()},
                {"数据日期", data.summary().asOf().toString()},
                {"台账", data.summary().banksMissing().contains(bank.code()) ? "未收到本机构任何台账行，请尽快报送" : "已收到"},
                {"拒收明细", "未能入库的行：文件、行号、原因；请更正后重新报送"},
                {"合规异常明细", "已入库但不符合《关于做好帮扶小额信贷工作的通知》（金发〔2026〕2号）的贷款，请逐笔核实"},
                {"", "本文件只含本机构的数据；借款人姓名、身份证号已脱敏"},
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(lines[i][0]);
            row.getCell(0).setCellStyle(i == 0 ? book.styles.title() : book.styles.label());
            row.createCell(1).setCellValue(lines[i][1]);
        }
    }
}
