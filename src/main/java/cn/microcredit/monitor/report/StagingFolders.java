package cn.microcredit.monitor.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staging folders that two databases or two processes sharing one {@code --output} can never mistake for each other's
 * (issue 17, item 1). A run number alone is not unique there: each database counts its own runs from 1, so two
 * databases' runs of one date wrote into one {@code .AS_OF.run-1.tmp} and one published the other's CSVs.
 *
 * <ul>
 *   <li>A staging folder is named {@code .AS_OF.run-N-TOKEN.tmp}, TOKEN random per launch ({@link #newToken()}).</li>
 *   <li>While it is written, its process holds a lock on {@code .AS_OF.run-N-TOKEN.lock} beside it; the operating
 *       system releases that lock when the process ends, however it ends. A staging folder is <em>provably stale</em>
 *       only when that lock can be taken: only then is it deleted by another run's clean-up.</li>
 *   <li>Publishing (renaming the old folder aside, the new one in, cleaning up) happens under a lock on
 *       {@code OUTPUT/.publish.lock}, so two runs never move folders at once; the second waits the
 *       milliseconds the first takes, then replaces it whole.</li>
 * </ul>
 */
public final class StagingFolders {

    /** One lock file for the output folder: never deleted, so two processes always lock the same file. */
    static final String PUBLISH_LOCK = ".publish.lock";
    private static final Logger log = LoggerFactory.getLogger(StagingFolders.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Staging folders of an older version carry no lock: one this old cannot be a run still writing. */
    private static final Duration LEGACY_STALE_AFTER = Duration.ofDays(1);

    /** The locks this process holds on its staging folders, by staging folder. */
    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    private StagingFolders() {
    }

    /** A token no other launch on any machine will draw: 64 random bits, in hex. */
    public static String newToken() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The staging folder of a run: {@code OUTPUT/.AS_OF.run-N-TOKEN.tmp}. */
    public static Path stagingDir(Path output, String asOf, long runId, String token) {
        return output.resolve("." + asOf + ".run-" + runId + (token.isEmpty() ? "" : "-" + token) + ".tmp");
    }

    /** Creates the (emptied) staging folder and takes the lock that marks it as being written by this process. */
    public static void open(Path staging) throws IOException {
        discard(staging);
        Path lockFile = lockFileOf(staging);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("staging folder " + staging + " is locked by another process");
        }
        HELD.put(staging.toAbsolutePath().normalize(), channel);
        Files.createDirectories(staging);
    }

    /** Deletes a staging folder of this process (a failed or stopped run) and lets go of its lock. */
    public static void discard(Path staging) throws IOException {
        OutputFolders.deleteTree(staging);
        release(staging);
    }

    /**
     * Puts the staging folder in the place of {@code target} under the output's publish lock, then removes the staging
     * folders that are provably stale (left by a process that died). Synchronized too: for two runs in one JVM (tests)
     * the JVM refuses a second lock of one file instead of waiting for it.
     */
    public static synchronized void publish(Path staging, Path target, String asOf) throws IOException {
        Path output = target.getParent();
        try (FileChannel channel = FileChannel.open(output.resolve(PUBLISH_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            OutputFolders.replace(staging, target);
            deleteStale(output, asOf);
        }
        release(staging);
    }

    /** Removes staging folders of {@code asOf} whose lock is free: their process has ended. */
    static void deleteStale(Path output, String asOf) throws IOException {
        String prefix = "." + asOf + ".run-";
        try (Stream<Path> siblings = Files.list(output)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                if (HELD.containsKey(p.toAbsolutePath().normalize())) {
                    continue;
                }
                Path lockFile = lockFileOf(p);
                if (!Files.exists(lockFile)) {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(LEGACY_STALE_AFTER))) {
                        log.info("removing staging folder {} left by an earlier version's run", p.getFileName());
                        OutputFolders.deleteTree(p);
                    }
                    continue;
                }
                if (isFree(lockFile)) {
                    log.info("removing staging folder {} left by a run whose process ended", p.getFileName());
                    OutputFolders.deleteTree(p);
                    Files.deleteIfExists(lockFile);
                }
            }
        }
    }

    private static boolean isFree(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void release(Path staging) throws IOException {
        FileChannel channel = HELD.remove(staging.toAbsolutePath().normalize());
        if (channel != null) {
            channel.close();
            Files.deleteIfExists(lockFileOf(staging));
        }
    }

    private static Path lockFileOf(Path staging) {
        String name = staging.getFileName().toString();
        return staging.resolveSibling(name.substring(0, name.length() - ".tmp".length()) + ".lock");
    }
}
