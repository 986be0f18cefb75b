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

    private static Path folder;

    private PoiTempFolder() {
    }

    static synchronized Path use() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            folder = tmp.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(tmp, "microcredit-poi-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(tmp, "microcredit-poi-");
            folder.toFile().deleteOnExit();
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
        }
        return folder;
    }
}
