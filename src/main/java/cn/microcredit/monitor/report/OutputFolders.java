package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Publishing a folder of reports so that nobody ever opens a half-written one. */
public final class OutputFolders {

    private OutputFolders() {
    }

    /**
     * Puts {@code staging} in the place of {@code target}: the old folder is first renamed aside, then the new one
     * renamed in (each rename atomic on one file system), then the old one deleted.
     */
    public static void replace(Path staging, Path target) throws IOException {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Someone's file (or a link) where the date's folder belongs: not ours to delete (issue 17, item 11).
            throw new IOException("发布位置已有一个不是文件夹的文件，未覆盖 (a file that is not a folder is in the place "
                    + "of the published reports; left as it is): " + target);
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            move(target, old);
        }
        move(staging, target);
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Reports hold supervisory findings and masked personal data: readable by the owner and group only (rw-r----- for
     * files, rwxr-x--- for folders), whatever the umask of the shared server. No-op where POSIX permissions are absent.
     */
    public static void restrict(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-x---" : "rw-r-----"));
            }
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
