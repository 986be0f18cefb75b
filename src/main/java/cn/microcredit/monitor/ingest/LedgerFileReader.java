package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one bank ledger file into a {@link LedgerSink}: finds its encoding, maps its header, and sends every data row
 * on as accepted or rejected. A header without the required columns rejects the file whole (SPEC 3.1); so does a read
 * that breaks off midway, and then the caller must discard what the sink already received of this file.
 */
public final class LedgerFileReader {

    private static final Logger log = LoggerFactory.getLogger(LedgerFileReader.class);
    /** A progress line per file at least this often on long files (checked every 1,024 rows). */
    static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final Set<String> bankCodes;
    private final Set<String> countyCodes;

    private final long progressEveryNanos;
    private final Runnable checkpoint;
    private PlausibleDates dates = PlausibleDates.ANY;

    public LedgerFileReader(Set<String> bankCodes, Set<String> countyCodes) {
        this(bankCodes, countyCodes, () -> { });
    }

    /** How many rows read so far were issued after the as-of date. */
    public long issuedAfterAsOf() {
        return dates.issuedAfterAsOf();
    }

    /** The same, per file (by the name rejects give it). */
    public java.util.Map<String, Long> issuedAfterAsOfByFile() {
        return dates.issuedAfterByFile();
    }

    /** The same reader, checking dates against the as-of date of the run ({@link PlausibleDates}). */
    public LedgerFileReader asOf(java.time.LocalDate asOf) {
        this.dates = PlausibleDates.asOf(asOf);
        return this;
    }

    /**
     * @param checkpoint run every 1,024 rows; it may throw to end the read at once (the job's stop request), and the
     *                   exception reaches the caller as it is
     */
    public LedgerFileReader(Set<String> bankCodes, Set<String> countyCodes, Runnable checkpoint) {
        this(bankCodes, countyCodes, PROGRESS_EVERY_NANOS, checkpoint);
    }

    LedgerFileReader(Set<String> bankCodes, Set<String> countyCodes, long progressEveryNanos, Runnable checkpoint) {
        this.bankCodes = bankCodes;
        this.countyCodes = countyCodes;
        this.progressEveryNanos = progressEveryNanos;
        this.checkpoint = checkpoint;
    }

    /**
     * @param file how rejects name the file: its path inside the input folder, e.g. {@code ledgers/b1.csv}
     */
    public FileResult read(Path path, String file, int fileSeq, LedgerSink sink) {
        String notRegular = InputFiles.notRegular(path);
        if (notRegular == null && path.getParent() != null && path.getParent().getParent() != null) {
            // INPUT/ledgers/x.csv: a link may lead anywhere inside INPUT, nowhere outside it.
            notRegular = InputFiles.leavesFolder(path, path.getParent().getParent());
        }
        if (notRegular != null) {
            return wholeFileReject(fileSeq, file, "", RejectReason.UNREADABLE_FILE, notRegular);
        }
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        boolean xlsx = lower.endsWith(".xlsx");
        if (lower.endsWith(".xls")) {
            return wholeFileReject(fileSeq, file, "", RejectReason.UNREADABLE_FILE,
                    "Excel 97-2003 (.xls) 旧格式不支持：请另存为 .xlsx 或 CSV 后报送");
        }
        if (!xlsx && !lower.endsWith(".csv")) {
            return wholeFileReject(fileSeq, file, "", RejectReason.UNREADABLE_FILE,
                    "不支持的台账格式：请以 CSV（UTF-8 或 GB18030）或 .xlsx 报送");
        }
        try {
            InputLimits.checkFileSize(java.nio.file.Files.size(path));
        } catch (InputLimits.Exceeded e) {
            return wholeFileReject(fileSeq, file, "", RejectReason.TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            return wholeFileReject(fileSeq, file, "", RejectReason.UNREADABLE_FILE, "无法读取: " + e.getMessage());
        }
        TextEncoding.Detected encoding = null;
        if (!xlsx) {
            try {
                encoding = TextEncoding.detect(path);
            } catch (IOException e) {
                return wholeFileReject(fileSeq, file, "", RejectReason.UNREADABLE_FILE, "无法读取: " + e.getMessage());
            }
        }
        String charset = xlsx ? "XLSX" : encoding.charset().name() + (encoding.bomLength() > 0 ? " (BOM)" : "");
        CsvRows.Progress progress = new CsvRows.Progress();
        long size = sizeOf(path);
        long started = System.nanoTime();
        var state = new Object() {
            long lastLog = started;
            LedgerRowParser parser;
            Reject fileReject;
            long read;
            long accepted;
            long rejected;
        };
        try {
            InputLimits.Rows limits = InputLimits.rows();
            CsvRows.Handler handler = row -> {
                if (state.fileReject != null) {
                    return;
                }
                limits.check(row.line(), row.values());
                if (state.parser == null) {
                    state.fileReject = headerProblem(file, row);
                    if (state.fileReject == null) {
                        state.parser = new LedgerRowParser(file, HeaderMapping.of(row.values(), LedgerColumn.class),
                                bankCodes, countyCodes, dates.forFile(file));
                    }
                    return;
                }
                state.read++;
                LedgerRowParser.Outcome outcome = state.parser.parse(row);
                if (outcome.loan() != null) {
                    state.accepted++;
                    sink.accepted(outcome.loan(), fileSeq, row.line());
                } else {
                    state.rejected++;
                    sink.rejected(outcome.reject(), fileSeq);
                }
                if ((state.read & 1023) == 0) {
                    checkpoint.run();
                }
                if ((state.read & 1023) == 0 && System.nanoTime() - state.lastLog >= progressEveryNanos) {
                    state.lastLog = System.nanoTime();
                    double seconds = (state.lastLog - started) / 1e9;
                    log.info("{}: {} rows, {} rows/s, {}% of the file", file, state.read,
                            Math.round(state.read / seconds), size > 0 ? Math.min(100, progress.bytes() * 100 / size) : 0);
                }
            };
            if (xlsx) {
                XlsxRows.read(path, header -> HeaderMapping.of(header, LedgerColumn.class).missing().size(), handler);
            } else {
                CsvRows.read(path, encoding, handler, progress);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // Only reading problems make the file unusable; a database failure in the sink fails the run.
            InputLimits.Exceeded limit = InputLimits.exceeded(e);
            if (limit != null) {
                return wholeFileReject(fileSeq, file, charset, RejectReason.TOO_LARGE, limit.getMessage());
            }
            // POI's messages name the file by its absolute path: the reject names it as the input folder does.
            String message = String.valueOf(e.getMessage()).replace(path.toAbsolutePath().toString(), file)
                    .replace(path.toString(), file);
            return wholeFileReject(fileSeq, file, charset, RejectReason.UNREADABLE_FILE,
                    "第" + (state.read + 1) + "个数据行附近读取失败: " + message);
        }
        if (state.parser == null && state.fileReject == null) {
            state.fileReject = Reject.wholeFile(file, RejectReason.MISSING_COLUMNS,
                    "文件为空，没有表头；缺少必需列: " + HeaderMapping.of(java.util.List.of(), LedgerColumn.class)
                            .describeMissing());
        }
        if (state.fileReject != null) {
            return new FileResult(fileSeq, file, charset, 0, 0, 0, state.fileReject);
        }
        return new FileResult(fileSeq, file, charset, state.read, state.accepted, state.rejected, null);
    }

    private static long sizeOf(Path path) {
        try {
            return java.nio.file.Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Reject headerProblem(String file, CsvRows.Row header) {
        if (header.isMalformed()) {
            return Reject.wholeFile(file, RejectReason.MISSING_COLUMNS, "表头无法解析: " + header.malformed());
        }
        HeaderMapping<LedgerColumn> mapping = HeaderMapping.of(header.values(), LedgerColumn.class);
        if (!mapping.missing().isEmpty()) {
            return Reject.wholeFile(file, RejectReason.MISSING_COLUMNS, "表头缺少必需列: " + mapping.describeMissing());
        }
        if (!mapping.duplicates().isEmpty()) {
            return Reject.wholeFile(file, RejectReason.DUPLICATE_COLUMNS,
                    "表头列名重复: " + String.join(", ", mapping.duplicates()));
        }
        return null;
    }

    private static FileResult wholeFileReject(int fileSeq, String file, String charset, RejectReason reason,
                                              String detail) {
        return new FileResult(fileSeq, file, charset, 0, 0, 0, Reject.wholeFile(file, reason, detail));
    }
}
