package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.ingest.CsvRows;
import cn.microcredit.monitor.ingest.HeaderMapping;
import cn.microcredit.monitor.ingest.LedgerColumn;
import cn.microcredit.monitor.ingest.TextEncoding;

/**
 * The ledgers hold personal data (names, ID numbers) and the results supervisory findings: whatever the umask, the
 * reports and the embedded database are readable by owner and group only; the log holds no name or ID number of the
 * input; and the job opens no network port while it runs (no H2 TCP server, no web console).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataProtectionTests {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final List<String> DATES = List.of("2026-09-30", "2026-10-31", "2026-11-30");

    @TempDir
    static Path work;

    @BeforeAll
    void runTheSampleDates() {
        for (String date : DATES) {
            assertThat(run(SAMPLE.resolve(date), "db/m")).isEqualTo(3);
        }
    }

    private int run(Path input, String db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve(db).toAbsolutePath(), "--log-dir=" + work.resolve("logs")));
        args.addAll(List.of(extra));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return MonitorApplication.run(args.toArray(String[]::new), quiet, quiet);
    }

    @Test
    void reportsAndTheDatabaseAreReadableByOwnerAndGroupOnly() throws IOException {
        assumeTrue(work.getFileSystem().supportedFileAttributeViews().contains("posix"));
        for (String date : DATES) {
            try (Stream<Path> paths = Files.walk(work.resolve("out").resolve(date))) {
                for (Path p : paths.toList()) {
                    assertThat(permissions(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwxr-x---" : "rw-r-----");
                }
            }
        }
        assertThat(permissions(work.resolve("db"))).isEqualTo("rwxr-x---");
        assertThat(work.resolve("db/m.mv.db")).exists();
        try (Stream<Path> files = Files.list(work.resolve("db"))) {
            for (Path f : files.toList()) {
                assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-r-----");
            }
        }
    }

    @Test
    void theLogIsReadableByOwnerAndGroupOnly() throws IOException {
        assumeTrue(work.getFileSystem().supportedFileAttributeViews().contains("posix"));

        assertThat(permissions(work.resolve("logs/microcredit-monitor.log"))).isEqualTo("rw-r-----");
    }

    /**
     * POI's streaming workbooks keep rows in temp files until saved; its default folder, shared by every user of the
     * server, is replaced by one only the job's user may enter.
     */
    @Test
    void workbookTempFilesAreKeptInAFolderOnlyTheJobsUserMayEnter() throws IOException {
        assumeTrue(work.getFileSystem().supportedFileAttributeViews().contains("posix"));
        java.io.File probe = org.apache.poi.util.TempFile.createTempFile("probe", ".tmp");
        try {
            Path folder = probe.toPath().getParent();

            assertThat(folder.getFileName().toString()).startsWith("microcredit-poi-");
            assertThat(permissions(folder)).isEqualTo("rwx------");
        } finally {
            Files.delete(probe.toPath());
        }
    }

    @Test
    void theDatabaseFileIsRestrictedInAFolderOthersMayEnter() throws IOException {
        assumeTrue(work.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path shared = Files.createDirectories(work.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run(Path.of("src/test/resources/e2e/2026-06-30"), "shared/m")).isZero();

        assertThat(permissions(shared.resolve("m.mv.db"))).isEqualTo("rw-r-----");
        // The folder is the user's: left as it was.
        assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void noNameOrIdNumberOfTheInputIsInTheLog() throws IOException {
        Set<String> personal = new HashSet<>();
        for (String date : DATES) {
            try (Stream<Path> ledgers = Files.list(SAMPLE.resolve(date).resolve("ledgers"))) {
                for (Path ledger : ledgers.toList()) {
                    personal.addAll(namesAndIdNumbers(ledger));
                }
            }
        }
        String log = Files.readString(work.resolve("logs/microcredit-monitor.log"), StandardCharsets.UTF_8);

        assertThat(personal).hasSizeGreaterThan(1000);
        assertThat(log).contains("[run 2] LedgerLoadTasklet - ledgers/LNRCB_20261031.csv");
        assertThat(personal).filteredOn(log::contains).isEmpty();
    }

    @Test
    void theJobOpensNoNetworkPortWhileItRuns() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "needs Linux /proc");
        try (JobProcess job = JobProcess.start("--input=" + SAMPLE.resolve("2026-09-30"),
                "--output=" + work.resolve("port-out"), "--db=jdbc:h2:file:" + work.resolve("port-db/m").toAbsolutePath())) {
            // The database and the whole context are up; the reports take a second more.
            job.awaitOutput("rulesStep started", Duration.ofSeconds(90));

            assertThat(listeningSockets(job.pid())).isEmpty();
            assertThat(job.awaitExit(Duration.ofSeconds(90))).isEqualTo(3);
        }
    }

    /** The inodes of sockets the process holds that listen on a TCP port, IPv4 or IPv6. */
    private static List<String> listeningSockets(long pid) throws IOException {
        Set<String> held = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A file descriptor closed while we looked: not a listening socket.
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // st 0A is LISTEN; the inode is the tenth column.
                if (f[3].equals("0A") && held.contains(f[9])) {
                    listening.add(table + " " + f[1]);
                }
            }
        }
        return listening;
    }

    private static Set<String> namesAndIdNumbers(Path ledger) throws IOException {
        Set<String> values = new HashSet<>();
        HeaderMapping<?>[] header = new HeaderMapping<?>[1];
        CsvRows.read(ledger, TextEncoding.detect(ledger), row -> {
            if (header[0] == null) {
                header[0] = HeaderMapping.of(row.values(), LedgerColumn.class);
                return;
            }
            @SuppressWarnings("unchecked")
            HeaderMapping<LedgerColumn> mapping = (HeaderMapping<LedgerColumn>) header[0];
            for (LedgerColumn c : List.of(LedgerColumn.BORROWER_NAME, LedgerColumn.BORROWER_ID_NUMBER)) {
                String v = mapping.get(row.values(), c);
                if (v.length() >= 2) {
                    values.add(v);
                }
            }
        });
        return values;
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
