package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * Where POI's streaming workbooks keep their rows until a workbook is saved. POI's default is one shared folder,
 * {@code java.io.tmpdir/poifiles}, created with the umask by whichever user ran first: on a shared server, every
 * other analyst's run then fails to write its workbooks there, and anyone may list it. The job gives POI a folder of
 * its own instead, created rwx------ in {@code java.io.tmpdir} and removed when the JVM exits (empty by then: a
 * workbook's temp files go when it is closed).
 */
final class PoiTempFolder {

    private static final String PREFIX = "microcredit-poi-";
    private static Path folder;

    private PoiTempFolder() {
    }

    static synchronized Path use() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            deleteStale(tmp);
            String prefix = PREFIX + ProcessHandle.current().pid() + "-";
            folder = tmp.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(tmp, prefix,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(tmp, prefix);
            folder.toFile().deleteOnExit();
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
        }
        return folder;
    }

    /**
     * Removes the folders of runs that were killed (issue 17, item 11): a folder is named after its process,
     * {@code microcredit-poi-PID-...}; one whose process no longer runs is stale. Another user's folders cannot be
     * entered (rwx------) and are left alone, as are folders of an older version (no process id in the name).
     */
    static void deleteStale(Path tmp) {
        try (java.util.stream.Stream<Path> folders = Files.list(tmp)) {
            for (Path p : folders.filter(f -> f.getFileName().toString().startsWith(PREFIX)).toList()) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(rest.substring(0, dash));
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    try {
                        OutputFolders.deleteTree(p);
                    } catch (IOException e) {
                        // Another user's, or being removed by someone else: not ours to worry about.
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up after others is a courtesy; the run goes on without it.
        }
    }
}
