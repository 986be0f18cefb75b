package cn.microcredit.monitor;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import cn.microcredit.monitor.cli.AsOfCheck;
import cn.microcredit.monitor.cli.CommandLineOptions;
import cn.microcredit.monitor.cli.HistoryCommands;
import cn.microcredit.monitor.cli.MonitorRunner;
import cn.microcredit.monitor.cli.UsageException;
import cn.microcredit.monitor.ops.FastStart;
import cn.microcredit.monitor.ops.QuickCompilation;
import cn.microcredit.monitor.ops.RunGuard;
import cn.microcredit.monitor.ops.RunLockFile;
import cn.microcredit.monitor.ops.StopOnSignal;
import cn.microcredit.monitor.validate.InputValidation;




/**
 * Entry point. Checks the command line before Spring starts (so {@code --help} and usage errors are instant), then
 * runs the job once and exits with the code of SPEC 2 so that cron sees failures.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MonitorApplication {

    private static final String POSTGRESQL_URL = "jdbc:postgresql:";
    /** The settings of application-postgresql.properties: user, batch schema, bulk inserts, fetch size. */
    private static final String POSTGRESQL_PROFILE = "postgresql";

    public static void main(String[] args) {
        // A plain java -jar: the run goes to a JVM that starts faster (ops/FastStart), unless the command line is only
        // to be answered (--help, a usage error).
        OptionalInt secondJvm = launch(args)
                .map(fullRun -> FastStart.runInSecondJvm(args, fullRun)).orElse(OptionalInt.empty());
        if (secondJvm.isPresent()) {
            System.exit(secondJvm.getAsInt());
        }
        FastStart.watchFirstJvm();
        QuickCompilation.startIfFewCores();
        int exitCode = run(args, System.out, System.err);
        // After a SIGTERM the JVM is already shutting down: the stop hook exits with this code.
        StopOnSignal.runEnded(exitCode);
        System.exit(exitCode);
    }

    /**
     * What the command line starts: nothing for --help or a usage error (answered at once by {@link #run}); else
     * whether it is the run of a date.
     */
    private static Optional<Boolean> launch(String[] args) {
        try {
            CommandLineOptions options = CommandLineOptions.parse(args);
            return options.help() ? Optional.empty() : Optional.of(options.input() != null && !options.validateOnly()
                    && CommandLineOptions.deleteDate(args) == null);
        } catch (UsageException e) {
            return Optional.empty();
        }
    }

    /** Runs the whole job as the command line would; returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options;
        try {
            options = CommandLineOptions.parse(args);
        } catch (UsageException e) {
            err.println("参数错误 (usage error): " + e.getMessage());
            err.println("运行 --help 查看用法 (see --help)");
            return 2;
        }
        if (options.help()) {
            out.print(CommandLineOptions.usage());
            return 0;
        }
        LocalDate deleteDate;
        try {
            deleteDate = CommandLineOptions.deleteDate(args);
        } catch (UsageException e) {
            err.println("参数错误 (usage error): " + e.getMessage());
            return 2;
        }
        if (options.validateOnly()) {
            try {
                return InputValidation.run(options, out);
            } catch (AsOfCheck.Contradicted e) {
                err.println("参数错误 (usage error): " + e.getMessage());
                return 2;
            } catch (Exception e) {
                err.println("失败 FAILED: 输入检查未完成 (validation could not complete): " + MonitorRunner.rootMessage(e));
                return 1;
            }
        }
        try {
            prepareEmbeddedDatabaseFolder(options.dbUrl());
        } catch (UsageException e) {
            err.println("参数错误 (usage error): " + e.getMessage());
            return 2;
        }
        RunLockFile runLock;
        try {
            runLock = RunLockFile.acquire(options.dbUrl(), deleteDate != null
                    ? "--delete-date=" + deleteDate + " (" + RunLockFile.describe("deleting a date") + ")"
                    : launchDescription(options));
        } catch (UsageException e) {
            err.println("参数错误 (usage error): " + e.getMessage());
            return 2;
        } catch (RunGuard.RunInProgressException e) {
            err.println("失败 FAILED: " + e.getMessage() + "；本次未启动 (not started)");
            return 1;
        } catch (IllegalStateException e) {
            err.println("失败 FAILED: 未发布任何结果 (nothing published): " + e.getMessage());
            return 1;
        }
        SpringApplication app = new SpringApplication(MonitorApplication.class);
        if (options.dbUrl().startsWith(POSTGRESQL_URL)) {
            app.setAdditionalProfiles(POSTGRESQL_PROFILE);
        }
        // The lock is released after the context, that is after H2 has closed the database.
        try (RunLockFile lock = runLock; ConfigurableApplicationContext context = app.run(options.springArguments())) {
            restrictEmbeddedDatabaseFiles(options.dbUrl(), err);
            restrictLogFiles(options.logDir(), err);
            if (options.history()) {
                return context.getBean(HistoryCommands.class).printHistory(out);
            }
            if (options.purgeBefore() != null) {
                return context.getBean(HistoryCommands.class).purge(options.purgeBefore(), out);
            }
            if (deleteDate != null) {
                return context.getBean(HistoryCommands.class).deleteDate(deleteDate, out);
            }
            if (options.exportLoans() != null) {
                return context.getBean(HistoryCommands.class).exportLoans(options.exportLoans(), options.output(), out,
                        err);
            }
            return context.getBean(MonitorRunner.class).run(options, out);
        } catch (UsageException e) {
            err.println("参数错误 (usage error): " + e.getMessage());
            return 2;
        } catch (Exception e) {
            String message = MonitorRunner.rootMessage(e);
            if (isBindingFailure(e)) {
                err.println("配置错误 (configuration error): " + message);
                return 2;
            }
            if (message.contains("file is locked") || message.contains("already in use")) {
                message = "数据库正被另一个进程使用，可能是仍在运行的另一次任务；本次未运行 (the embedded database is in use by "
                        + "another process, probably a run still going): " + message;
            }
            err.println("失败 FAILED: 未发布任何结果 (nothing published): " + message);
            return 1;
        }
    }

    /** What this launch is, for a second launch to name while this one holds the database. */
    private static String launchDescription(CommandLineOptions options) {
        if (options.history()) {
            return "--history (" + RunLockFile.describe("listing the runs") + ")";
        }
        if (options.purgeBefore() != null) {
            return "--purge-before=" + options.purgeBefore() + " (" + RunLockFile.describe("purging") + ")";
        }
        if (options.exportLoans() != null) {
            return "--export-loans=" + options.exportLoans() + " (" + RunLockFile.describe("exporting") + ")";
        }
        return "a run starting (" + RunLockFile.describe("as-of " + options.asOf()) + ")";
    }

    /**
     * The H2 file holds personal data: its folder is created readable by the owner and group only. H2 runs embedded,
     * in this process: no TCP server and no web console is ever started.
     */
    private static void prepareEmbeddedDatabaseFolder(String dbUrl) {
        if (!dbUrl.startsWith("jdbc:h2:file:")) {
            return;
        }
        String path = dbUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        java.nio.file.Path folder = java.nio.file.Path.of(path).toAbsolutePath().getParent();
        if (folder == null || java.nio.file.Files.exists(folder)) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(folder);
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                java.nio.file.Files.setPosixFilePermissions(folder,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
            }
        } catch (java.io.IOException e) {
            throw new UsageException("--db: 无法创建数据库文件夹 " + folder + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The H2 files themselves too, once H2 has created them with the process umask: no access for others even where
     * the folder already existed and others may enter it. A file that only its owner may change (another analyst's,
     * on a shared server) is named on the console instead. No-op where POSIX permissions are absent.
     */
    private static void restrictEmbeddedDatabaseFiles(String dbUrl, PrintStream err) throws java.io.IOException {
        if (!dbUrl.startsWith("jdbc:h2:file:")) {
            return;
        }
        Path base = Path.of(dbUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath();
        Path folder = base.getParent();
        if (folder == null || !folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        String prefix = base.getFileName() + ".";
        try (var files = Files.list(folder)) {
            restrictFiles(files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".db")).toList(), "数据库文件", "database file", err);
        }
    }

    /**
     * The log names files, banks and counties with their figures: owner and group only too, whatever the umask
     * (the log file is created by the logging system as the context starts; files rolled by earlier runs are covered
     * here as well). A file that cannot be changed (another analyst's) is named on the console instead.
     */
    private static void restrictLogFiles(Path logDir, PrintStream err) throws java.io.IOException {
        if (logDir == null || !Files.isDirectory(logDir)
                || !logDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (var files = Files.list(logDir)) {
            restrictFiles(files.filter(f -> f.getFileName().toString().startsWith("microcredit-monitor.log")
                    && Files.isRegularFile(f)).toList(), "日志文件", "log file", err);
        }
    }

    /** rw-r----- for each file that others may read or write; one that cannot be changed is named on the console. */
    private static void restrictFiles(java.util.List<Path> files, String kindZh, String kindEn, PrintStream err)
            throws java.io.IOException {
        for (Path f : files) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(f);
            if (now.contains(PosixFilePermission.OTHERS_READ) || now.contains(PosixFilePermission.OTHERS_WRITE)) {
                try {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
                } catch (java.io.IOException e) {
                    err.println("警告 WARNING: " + kindZh + "对其他用户可读，且无法更改 (the " + kindEn + " is readable by "
                            + "others and its permissions cannot be changed): " + f);
                }
            }
        }
    }

    private static boolean isBindingFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().contains("BindException")) {
                return true;
            }
        }
        return false;
    }
}
