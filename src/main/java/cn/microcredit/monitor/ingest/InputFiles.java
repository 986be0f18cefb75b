package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an input path may be (issue 17, items 6 and 11). Only regular files are read: opening a FIFO waits for a
 * writer forever (a FIFO as {@code roster.csv} hung the run), a device may never end. And a ledger that is a symbolic
 * link leading out of the input folder is refused: whoever may write into {@code ledgers/} must not make the job read
 * (and quote in its rejects) a file it was never given.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Why the path cannot be read as an input file (naming what it is), or null for a regular file. */
    public static String notRegular(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? "无法读取 (cannot be read): " + e.getMessage()
                    : "文件不存在 (does not exist)";
        }
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return "是文件夹，不是普通文件 (a directory, not a regular file)";
        }
        return "是特殊文件（命名管道、设备或套接字），不是普通文件，未读取 (a FIFO, device or socket, not a regular file: "
                + "not read)";
    }

    /** Why a symbolic link must not be followed (it leads out of {@code root}), or null. */
    public static String leavesFolder(Path path, Path root) {
        if (!Files.isSymbolicLink(path)) {
            return null;
        }
        try {
            if (path.toRealPath().startsWith(root.toRealPath())) {
                return null;
            }
        } catch (IOException e) {
            return "符号链接无法解析 (a symbolic link that cannot be resolved): " + e.getMessage();
        }
        return "是指向输入文件夹之外的符号链接，未读取 (a symbolic link leading out of the input folder: not read)";
    }
}
