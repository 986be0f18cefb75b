package cn.microcredit.monitor.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import cn.microcredit.monitor.cli.UsageException;

/**
 * One run at a time on an H2 file database, told before anything starts. H2's own file lock keeps a second process
 * out too, but it is met only once Spring is up, some seconds later, with a page of stack trace, and it cannot say
 * which run holds the database. So the job holds an exclusive lock on a file of its own beside the database,
 * {@code NAME.run.lock}, for as long as it runs, and writes into it which run it is; a second launch (cron fired twice,
 * last night's run still going, {@code --history} meanwhile) finds the lock taken, names that run and exits 1 at once.
 * The operating system releases the lock when the process ends, however it ends. The file is left in place (deleting
 * it could let two launches lock two different files), empty between runs.
 *
 * <p>A server database needs none of this: {@link RunGuard} takes PostgreSQL's advisory lock.
 */
public final class RunLockFile implements AutoCloseable {

    private static final String H2_FILE = "jdbc:h2:file:";

    /** The lock held by this process, if any, for the job to say which run it is once it knows. */
    private static volatile RunLockFile current;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an H2 file database URL, or null for any other database. */
    static Path pathOf(String dbUrl) {
        if (!dbUrl.startsWith(H2_FILE)) {
            return null;
        }
        return Path.of(dbUrl.substring(H2_FILE.length()).split(";", 2)[0] + ".run.lock").toAbsolutePath();
    }

    /**
     * Takes the lock of the database, or returns null for a database that is not an H2 file.
     *
     * @param what what this launch is, written into the file until the job says which run it is
     * @throws RunGuard.RunInProgressException when another launch holds the lock, naming what it wrote
     * @throws UsageException when the lock file cannot be created (then H2 could not create the database either)
     */
    public static RunLockFile acquire(String dbUrl, String what) {
        Path path = pathOf(dbUrl);
        if (path == null) {
            return null;
        }
        FileChannel channel;
        try {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
            }
        } catch (IOException e) {
            throw new UsageException("--db: 无法创建运行锁文件 " + path + " (cannot create the run lock file: "
                    + e.getMessage() + ")");
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Held by another launch in this same JVM (tests run the job in-process).
                lock = null;
            }
            if (lock == null) {
                String holder = read(channel).strip();
                channel.close();
                throw new RunGuard.RunInProgressException("另一次运行正在进行 (another run is in progress): "
                        + (holder.isEmpty() ? "the holder of " + path : holder));
            }
            RunLockFile held = new RunLockFile(channel, lock);
            held.write(what);
            current = held;
            return held;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot take the run lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** What a launch of this process is, with its process id and start: {@code "as-of 2026-10-31, started ..."}. */
    public static String describe(String whatItDoes) {
        return whatItDoes + ", started " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", process "
                + ProcessHandle.current().pid();
    }

    /** Writes into the lock held by this process (if any) which run it is; called as the job starts. */
    static void sayWhichRun(String run) {
        RunLockFile held = current;
        if (held != null) {
            try {
                held.write(run);
            } catch (IOException e) {
                // Only the message a second launch would print is at stake.
            }
        }
    }

    private void write(String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(bytes), 0);
        channel.force(false);
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel below, and with the process in any case.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing held by it matters any more.
        }
    }
}
