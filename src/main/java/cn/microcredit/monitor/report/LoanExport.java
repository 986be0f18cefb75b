package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.store.RunChunks;
import cn.microcredit.monitor.store.RunRepository;

/**
 * {@code --export-loans=DATE}: the accepted loans of a date's published run, read from its stored chunks (so it works
 * on H2, and for dates stored before table {@code loan_snapshot} existed: the same rows), written to
 * {@code OUTPUT/DATE/loans_DATE.csv} in file order ({@link LoanCsv}). The file holds personal data in full: it is
 * created readable by the owner and group only, and appears under its name only once complete.
 */
@Component
public class LoanExport {

    private final RunRepository runs;
    private final RunChunks chunks;

    public LoanExport(RunRepository runs, RunChunks chunks) {
        this.runs = runs;
        this.chunks = chunks;
    }

    /** What was written. */
    public record Result(Path file, long loans, long runId) {
    }

    /** The date has no stored loans to export; the message says why. */
    public static class NothingStoredException extends RuntimeException {
        NothingStoredException(String message) {
            super(message);
        }
    }

    public static String fileName(LocalDate asOf) {
        return "loans_" + asOf + ".csv";
    }

    public Result export(LocalDate asOf, Path output) throws IOException {
        long runId = runs.publishedRun(asOf).orElseThrow(() -> new NothingStoredException(asOf
                + " 没有已发布的运行 (no published run of that date: never run, or every run of it failed); "
                + "--history lists the stored dates"));
        long accepted = runs.files(runId).stream().filter(f -> f.fileSeq() > 0).mapToLong(FileResult::rowsAccepted)
                .sum();
        long stored = chunks.loans(runId);
        if (stored == 0 && accepted > 0) {
            throw new NothingStoredException(asOf + " 的借据已按保留期限删除 (its " + accepted + " loans were removed by "
                    + "--purge-before; the metrics and exceptions of the date remain)");
        }
        Path dir = output.resolve(asOf.toString());
        boolean posix = output.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
            }
        }
        FileAttribute<?>[] ownerAndGroup = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-r-----"))}
                : new FileAttribute<?>[0];
        Path partial = Files.createTempFile(dir, "." + fileName(asOf) + ".", ".part", ownerAndGroup);
        try {
            long written;
            try (LoanCsv csv = new LoanCsv(partial)) {
                // One reading thread: the loans come in file order (files, then lines).
                chunks.scanLoans(runId, 1, () -> csv);
                written = csv.rows();
            }
            if (written != stored) {
                throw new IOException("wrote " + written + " loans of the " + stored + " stored for run " + runId);
            }
            Path file = dir.resolve(fileName(asOf));
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix) {
                // The umask may have taken bits away, never added any; set exactly owner and group read, owner write.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
            }
            return new Result(file, written, runId);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
