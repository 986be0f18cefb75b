package cn.microcredit.monitor.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A plain {@code java -jar microcredit-monitor.jar ...} runs the job in a second JVM that starts in a fraction of the
 * time: one that maps the classes of Spring, H2 and POI from a class data sharing archive (the JDK's AppCDS) instead
 * of reading, parsing and verifying some 10,000 of them out of the jar's nested jars, and that, on one or two cores,
 * compiles with C1 only from its first method ({@code -XX:TieredStopAtLevel=1}, which {@link QuickCompilation} can only
 * approach from inside). Java 17 takes neither from a jar: both are options of the {@code java} command, so this JVM
 * starts that one. Measured (docs/benchmarks.md, issue 16): a sample date in 4.8-5.4 s against 6.7-7.6 s, a 1 M-loan
 * date about 2 s faster.
 * <p>
 * The second JVM runs the jar as Spring Boot extracts it ({@code java -Djarmode=tools -jar ... extract}: the
 * application's classes in a plain jar, its libraries beside it), which class data sharing needs. The extracted jar and
 * the archive are kept per jar (its name, size and time) and Java version, under {@code fast-start/} beside the jar,
 * or under {@code ~/.cache/microcredit-monitor/} when that folder cannot be written; made the first time a jar runs
 * (the extraction takes about a second, and writing the archive when that run exits about five more: the first sample
 * date after a build takes 13 s), replaced when the jar is. A run that finds them missing or unusable loses only their speed: the JVM ignores an archive it
 * cannot use, and whatever fails in preparing them leaves the job to run in this JVM.
 * <p>
 * The first JVM only waits: the second has its console, its JVM options (the heap, {@code -D} settings) and the exit
 * code. A SIGTERM to the first is passed on and the first exits with the second's code once it has stopped (see
 * {@link StopOnSignal}); should the first be killed outright ({@code kill -9}), the second halts as well, as if it had
 * been killed, so no run goes on unseen. Not done: with {@code -Dmonitor.fast-start=off}; when the JVM has an agent,
 * a debugger or a flight recording (they would watch the waiting JVM); when not run as a Spring Boot jar (tests, the
 * cron wrapper, which prepares the same things itself).
 */
public final class FastStart {

    /** System property: {@code off} runs the job in the JVM started by {@code java -jar}. */
    public static final String PROPERTY = "monitor.fast-start";
    /** System property given to the second JVM: the first one's process id. */
    static final String PARENT_PROPERTY = "monitor.fast-start.parent";
    static final String ARCHIVE = "classes.jsa";
    private static final long WATCH_MILLIS = 200;
    /** JVM options that mean someone watches this JVM: the job then stays in it. */
    private static final List<String> WATCHING = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xdebug",
            "-Xrunjdwp", "-XX:StartFlightRecording", "-XX:+FlightRecorder");
    /** Options of the first JVM that the second does not inherit: they are about class data sharing, set here. */
    private static final List<String> NOT_PASSED = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-Xshare", "-XX:+AutoCreateSharedArchive", "-Xlog:cds");

    private FastStart() {
    }

    /**
     * Runs the job in a second JVM if this one is a plain {@code java -jar} of the Spring Boot jar; returns that JVM's
     * exit code, or nothing when the job is to run here. Only a run of a date ({@code fullRun}) writes the archive
     * when there is none: it loads every class a run needs, where {@code --history} loads a third of them.
     */
    public static OptionalInt runInSecondJvm(String[] args, boolean fullRun) {
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY)) || System.getProperty(PARENT_PROPERTY) != null) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = bootJar(System.getProperty("java.class.path"));
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jar.isEmpty() || jvmOptions.stream().anyMatch(FastStart::watching)) {
            return OptionalInt.empty();
        }
        Prepared prepared;
        try {
            prepared = prepare(jar.get());
        } catch (IOException | UncheckedIOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.err.println("microcredit-monitor: fast start not prepared (" + e.getMessage()
                    + "); running in this JVM");
            return OptionalInt.empty();
        }
        List<String> command = command(javaCommand(), jvmOptions, Runtime.getRuntime().availableProcessors(),
                prepared, fullRun, ProcessHandle.current().pid(), args);
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            System.err.println("microcredit-monitor: cannot start the second JVM (" + e.getMessage()
                    + "); running in this JVM");
            return OptionalInt.empty();
        }
        int exitCode = waitFor(process);
        prepared.keepArchive(exitCode);
        return OptionalInt.of(exitCode);
    }

    /**
     * In the second JVM: halts it when the first is gone before it, which is only when the first was killed outright.
     */
    public static void watchFirstJvm() {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent == null) {
            return;
        }
        Optional<ProcessHandle> first;
        try {
            first = ProcessHandle.of(Long.parseLong(parent));
        } catch (NumberFormatException e) {
            return;
        }
        // Polled: the JDK's onExit() of a process that is not this one's child does not fire on Linux.
        Thread watch = new Thread(() -> {
            try {
                while (first.map(ProcessHandle::isAlive).orElse(false)) {
                    Thread.sleep(WATCH_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("microcredit-monitor: the launching JVM (process " + parent + ") was killed; "
                    + "stopping at once, as if this one had been");
            Runtime.getRuntime().halt(1);
        }, "fast-start-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Waits for the second JVM; a SIGTERM to this one is passed on, and this one then exits with its code. */
    static int waitFor(Process process) {
        Thread passOn = new Thread(() -> {
            if (process.isAlive()) {
                process.toHandle().destroy(); // SIGTERM: the second JVM stops its run cleanly
                try {
                    process.waitFor();
                    Runtime.getRuntime().halt(process.exitValue());
                } catch (InterruptedException e) {
                    Runtime.getRuntime().halt(1);
                }
            }
        }, "fast-start-stop");
        Runtime.getRuntime().addShutdownHook(passOn);
        boolean interrupted = false;
        while (true) {
            try {
                int exitCode = process.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(passOn);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and ends the process with this same code
                }
                return exitCode;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** The Spring Boot jar this JVM was started with by {@code java -jar}, if it was. */
    static Optional<Path> bootJar(String classPath) {
        if (classPath == null || classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator)
                || !classPath.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/lib/") != null || file.getEntry("BOOT-INF/classes/") != null
                    ? Optional.of(jar) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean watching(String jvmOption) {
        return WATCHING.stream().anyMatch(jvmOption::startsWith);
    }

    /** The command of the second JVM. */
    static List<String> command(String java, List<String> jvmOptions, int cores, Prepared prepared, boolean fullRun,
                                long parentPid, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String option : jvmOptions) {
            if (NOT_PASSED.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        boolean compilerChosen = jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")
                || o.equals("-XX:-TieredCompilation") || o.startsWith("-D" + QuickCompilation.PROPERTY + "="));
        if (!compilerChosen && QuickCompilation.wanted(cores, null)) {
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-D" + QuickCompilation.PROPERTY + "=" + QuickCompilation.BY_OPTION);
        }
        if (prepared.archiveExists()) {
            command.add("-XX:SharedArchiveFile=" + prepared.archive());
        } else if (fullRun) {
            command.add("-XX:ArchiveClassesAtExit=" + prepared.newArchive());
        }
        command.add("-Xshare:auto");
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-D" + PARENT_PROPERTY + "=" + parentPid);
        command.add("-jar");
        command.add(prepared.jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The extracted jar, and its archive or where a new one is to be written (its final name once the run that
     * writes it has ended: {@link #keepArchive}).
     */
    record Prepared(Path folder, Path jar, Path newArchive) {

        Path archive() {
            return folder.resolve(ARCHIVE);
        }

        boolean archiveExists() {
            return Files.isRegularFile(archive());
        }

        /**
         * After the run: the archive it wrote, if any, becomes the one later runs use, if the run got as far as
         * publishing (exit 0 or 3), so that the archive holds the classes of the reports too.
         */
        void keepArchive(int exitCode) {
            try {
                if ((exitCode == 0 || exitCode == 3) && !archiveExists() && Files.isRegularFile(newArchive)
                        && Files.size(newArchive) > 0) {
                    Files.move(newArchive, archive(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // the next run writes one again
            } finally {
                try {
                    Files.deleteIfExists(newArchive);
                } catch (IOException e) {
                    // left for the next preparation to remove
                }
            }
        }
    }

    /** Finds or makes the extracted jar for this jar and Java version. */
    static Prepared prepare(Path jar) throws IOException, InterruptedException {
        Path home = writableHome(jar);
        String name = jar.getFileName().toString();
        String stamp = stamp(jar);
        Path folder = home.resolve(stamp);
        Path extracted = folder.resolve(name);
        if (!Files.isRegularFile(extracted)) {
            extract(jar, home, folder);
            removeOtherVersions(home, name, stamp);
        }
        removeAbandonedArchives(folder);
        long pid = ProcessHandle.current().pid();
        return new Prepared(folder, extracted, folder.resolve(ARCHIVE + ".new-" + pid));
    }

    /** Archives being written by runs whose first JVM is gone (killed before it could keep or remove them). */
    private static void removeAbandonedArchives(Path folder) {
        String prefix = ARCHIVE + ".new-";
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().startsWith(prefix)).filter(p -> {
                try {
                    long pid = Long.parseLong(p.getFileName().toString().substring(prefix.length()));
                    return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                } catch (NumberFormatException e) {
                    return true;
                }
            }).forEach(FastStart::deleteTree);
        } catch (IOException | UncheckedIOException e) {
            // left for a later run
        }
    }

    /** The folder name of a build of the jar on this Java: the jar's name, size and time, and the Java version. */
    static String stamp(Path jar) throws IOException {
        Runtime.Version java = Runtime.version();
        return jar.getFileName() + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-java"
                + java.feature() + "." + java.interim() + "." + java.update();
    }

    /** fast-start/ beside the jar, else under the user's cache folder. */
    private static Path writableHome(Path jar) throws IOException {
        Path besideJar = jar.resolveSibling("fast-start");
        if (writable(besideJar)) {
            return besideJar;
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path userCache = (cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache")).resolve("microcredit-monitor");
        if (writable(userCache)) {
            return userCache;
        }
        throw new IOException("neither " + besideJar + " nor " + userCache + " can be written");
    }

    private static boolean writable(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.isWritable(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /** Extracts into a folder of this process, then renames it: a run never sees half an extraction. */
    private static void extract(Path jar, Path home, Path folder) throws IOException, InterruptedException {
        Path partial = home.resolve(".partial-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Path log = home.resolve(partial.getFileName() + ".log");
        try {
            Process extraction = new ProcessBuilder(javaCommand(), "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", partial.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!extraction.waitFor(2, TimeUnit.MINUTES)) {
                extraction.destroyForcibly();
                throw new IOException("extracting " + jar + " took over two minutes");
            }
            if (extraction.exitValue() != 0) {
                throw new IOException("extracting " + jar + " failed: "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another run extracted the same jar first
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + partial + " to " + folder, e);
            }
        } finally {
            deleteTree(partial);
            Files.deleteIfExists(log);
        }
    }

    /** The folders of earlier builds of the same jar (and leftovers of interrupted extractions). */
    private static void removeOtherVersions(Path home, String name, String stamp) {
        try (Stream<Path> entries = Files.list(home)) {
            entries.filter(p -> {
                String n = p.getFileName().toString();
                return !n.equals(stamp) && (n.startsWith(name + "-") || isStalePartial(p, n));
            }).forEach(FastStart::deleteTree);
        } catch (IOException | UncheckedIOException e) {
            // left for a later run
        }
    }

    private static boolean isStalePartial(Path p, String n) {
        try {
            return n.startsWith(".partial-")
                    && Files.getLastModifiedTime(p).toMillis() < System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes a folder and what it holds, as far as it can; what cannot be removed is left. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left behind
        }
    }
}
