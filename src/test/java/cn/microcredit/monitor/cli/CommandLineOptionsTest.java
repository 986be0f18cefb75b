package cn.microcredit.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineOptionsTest {

    @TempDir
    Path dir;

    private Path periodFolder;

    @BeforeEach
    void createPeriodFolder() throws IOException {
        periodFolder = Files.createDirectory(dir.resolve("2026-06-30"));
    }

    @Test
    void helpNeedsNoOtherArgument() {
        CommandLineOptions options = CommandLineOptions.parse("--help");

        assertThat(options.help()).isTrue();
        assertThat(CommandLineOptions.usage()).contains("--input=DIR", "--as-of=YYYY-MM-DD",
                "--monitor.rules.NAME=VALUE", "npl-margin-pp");
    }

    @Test
    void missingInputIsNamed() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--as-of=2026-06-30"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--input");
    }

    @Test
    void emptyInputIsMissing() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input="))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--input");
    }

    @Test
    void inputFolderThatDoesNotExistIsNamedWithItsPath() {
        Path absent = dir.resolve("2026-07-31");

        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + absent))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--input")
                .hasMessageContaining(absent.toAbsolutePath().normalize().toString());
    }

    @Test
    void inputThatIsAFileIsNotAFolder() throws IOException {
        Path file = Files.createFile(dir.resolve("2026-07-31"));

        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + file))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void unknownOptionIsNamed() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--foo=1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--foo");
    }

    @Test
    void argumentWithoutValueIsRejected() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--verbose"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--verbose");
    }

    @Test
    void optionGivenTwiceIsRejected() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--input=" + periodFolder))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--input");
    }

    @Test
    void asOfDefaultsToTheInputFolderName() {
        CommandLineOptions options = CommandLineOptions.parse("--input=" + periodFolder);

        assertThat(options.help()).isFalse();
        assertThat(options.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(options.input()).isEqualTo(periodFolder.toAbsolutePath().normalize());
    }

    @Test
    void asOfDefaultsToTheFolderNameEvenWithATrailingSlash() {
        CommandLineOptions options = CommandLineOptions.parse("--input=" + periodFolder + "/");

        assertThat(options.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void givenAsOfWinsOverTheFolderName() {
        CommandLineOptions options = CommandLineOptions.parse("--input=" + periodFolder, "--as-of=2026-07-01");

        assertThat(options.asOf()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void folderNameThatIsNotADateNeedsAsOf() throws IOException {
        Path latest = Files.createDirectory(dir.resolve("latest"));

        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + latest))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--as-of")
                .hasMessageContaining("'latest'");
        assertThat(CommandLineOptions.parse("--input=" + latest, "--as-of=2026-06-30").asOf())
                .isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void filesystemRootAsInputNeedsAsOf() {
        Path root = dir.getRoot();

        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + root))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--as-of");
    }

    @Test
    void badAsOfIsNamedWithItsValue() {
        for (String bad : new String[] {"2026-02-30", "2026/06/30", "20260630", "yesterday"}) {
            assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--as-of=" + bad))
                    .as(bad)
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--as-of")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void defaultsForOutputAndDatabase() {
        CommandLineOptions options = CommandLineOptions.parse("--input=" + periodFolder);

        assertThat(options.output()).isEqualTo(Path.of("out").toAbsolutePath().normalize());
        assertThat(options.dbUrl()).isEqualTo(CommandLineOptions.DEFAULT_DB);
        assertThat(options.counties()).isNull();
        assertThat(options.ruleOverrides()).isEmpty();
    }

    @Test
    void databaseMustBeAJdbcUrl() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--db=data/monitor"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--db");
    }

    @Test
    void countiesFileMustExist() {
        Path absent = dir.resolve("counties.csv");

        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--counties=" + absent))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--counties")
                .hasMessageContaining(absent.toString());
    }

    @Test
    void ruleParameterOverrideIsAcceptedAndPassedToSpring() {
        CommandLineOptions options = CommandLineOptions.parse("--input=" + periodFolder,
                "--monitor.rules.npl-margin-pp=2.5", "--db=jdbc:h2:mem:test");

        assertThat(options.ruleOverrides()).isEqualTo(Map.of("npl-margin-pp", "2.5"));
        assertThat(options.springArguments()).containsExactly("--spring.datasource.url=jdbc:h2:mem:test",
                "--monitor.rules.npl-margin-pp=2.5");
    }

    @Test
    void loanTableSettingIsTrueOrFalseAndPassedToSpringOnlyWhenGiven() {
        assertThat(CommandLineOptions.parse("--input=" + periodFolder, "--db=jdbc:h2:mem:test").springArguments())
                .containsExactly("--spring.datasource.url=jdbc:h2:mem:test");
        CommandLineOptions on = CommandLineOptions.parse("--input=" + periodFolder, "--db=jdbc:h2:mem:test",
                "--monitor.store.loan-table=true");
        assertThat(on.loanTable()).isTrue();
        assertThat(on.springArguments()).containsExactly("--spring.datasource.url=jdbc:h2:mem:test",
                "--monitor.store.loan-table=true");
        assertThat(CommandLineOptions.parse("--input=" + periodFolder, "--monitor.store.loan-table=false").loanTable())
                .isFalse();
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--monitor.store.loan-table=yes"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--monitor.store.loan-table")
                .hasMessageContaining("'yes'");
    }

    @Test
    void exportLoansTakesADateAndTheOutputFolderAndNothingOfARun() {
        CommandLineOptions options = CommandLineOptions.parse("--export-loans=2026-10-31", "--output=" + dir,
                "--db=jdbc:h2:mem:test");

        assertThat(options.exportLoans()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(options.output()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(options.input()).isNull();
        assertThat(options.history()).isFalse();
        assertThat(CommandLineOptions.parse("--export-loans=2026-10-31").output())
                .isEqualTo(Path.of("out").toAbsolutePath().normalize());
    }

    @Test
    void exportLoansWithABadDateIsAUsageErrorNamingTheValue() {
        for (String bad : List.of("2026-13-01", "2026-10-32", "20261031", "")) {
            assertThatThrownBy(() -> CommandLineOptions.parse("--export-loans=" + bad)).as(bad)
                    .isInstanceOf(UsageException.class).hasMessageContaining("--export-loans")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void exportLoansIsUsedAlone() {
        for (String other : List.of("--input=" + periodFolder, "--history", "--purge-before=2026-01-01",
                "--validate-only")) {
            assertThatThrownBy(() -> CommandLineOptions.parse("--export-loans=2026-10-31", other)).as(other)
                    .isInstanceOf(UsageException.class).hasMessageContaining("--export-loans");
        }
    }

    @Test
    void anH2FileDatabaseIsKeptOpenForTheStoppingRunAndWritesEachCommitAtOnceUnlessTheUrlSaysOtherwise() {
        long gb = 1L << 30;
        assertThat(CommandLineOptions.withH2Settings("jdbc:h2:file:./data/m", gb))
                .isEqualTo("jdbc:h2:file:./data/m;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0"
                        + ";MAX_MEMORY_ROWS=150000");
        assertThat(CommandLineOptions.withH2Settings(
                "jdbc:h2:file:./data/m;write_delay=500;TRACE_LEVEL_FILE=1;max_memory_rows=1000", gb))
                .isEqualTo("jdbc:h2:file:./data/m;write_delay=500;TRACE_LEVEL_FILE=1;max_memory_rows=1000"
                        + ";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(CommandLineOptions.withH2Settings("jdbc:postgresql://localhost/test", gb))
                .isEqualTo("jdbc:postgresql://localhost/test");
    }

    /** H2 sorts in memory up to 150,000 rows a GB of heap: the breaches of 1 M loans (72,466) at 512 MB. */
    @Test
    void h2KeepsMoreRowsInMemoryTheLargerTheHeapButNeverFewerThanItsOwnDefault() {
        assertThat(CommandLineOptions.withH2Settings("jdbc:h2:file:m", 512L << 20)).endsWith(";MAX_MEMORY_ROWS=75000");
        assertThat(CommandLineOptions.withH2Settings("jdbc:h2:file:m", 6L << 30)).endsWith(";MAX_MEMORY_ROWS=900000");
        assertThat(CommandLineOptions.withH2Settings("jdbc:h2:file:m", 64L << 20)).endsWith(";MAX_MEMORY_ROWS=40000");
        assertThat(CommandLineOptions.withH2Settings("jdbc:h2:file:m", Long.MAX_VALUE))
                .endsWith(";MAX_MEMORY_ROWS=" + Integer.MAX_VALUE);
    }

    @Test
    void anH2ServerUrlIsRefusedForNothingWouldKeepTwoRunsApart() {
        for (String url : List.of("jdbc:h2:tcp://localhost/./data/m", "jdbc:h2:ssl://db.example/m")) {
            assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--db=" + url))
                    .as(url).isInstanceOf(UsageException.class).hasMessageContaining("jdbc:h2:file:");
        }
    }

    @Test
    void anH2UrlThatWouldStartATcpServerIsRefused() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder,
                "--db=jdbc:h2:file:./data/m;AUTO_SERVER=TRUE"))
                .isInstanceOf(UsageException.class).hasMessageContaining("AUTO_SERVER=TRUE");
    }

    @Test
    void everyRuleParameterOfMonitorRulesCanBeOverridden() {
        assertThat(CommandLineOptions.RULE_NAMES).containsExactlyInAnyOrder("npl-margin-pp", "warn-band-pp",
                "growth-pp", "subsidy-share", "subsidy-max-pp", "subsidy-cap-yuan", "subsidy-large-cap-yuan",
                "amount-limit-yuan", "legacy-amount-limit-yuan", "max-term-years", "min-age", "max-age",
                "max-renewals", "household-limit-yuan", "comparison-basis");
    }

    @Test
    void comparisonBasisTakesEitherOfItsTwoNames() {
        assertThat(CommandLineOptions.parse("--input=" + periodFolder, "--monitor.rules.comparison-basis=month-end")
                .ruleOverrides()).isEqualTo(Map.of("comparison-basis", "month-end"));
        assertThat(CommandLineOptions.parse("--input=" + periodFolder,
                "--monitor.rules.comparison-basis=previous-run").springArguments())
                .contains("--monitor.rules.comparison-basis=previous-run");
    }

    @Test
    void anyOtherComparisonBasisIsAUsageErrorNamingTheArgument() {
        for (String bad : List.of("monthly", "MONTH_END", "previous", "", "1")) {
            assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder,
                    "--monitor.rules.comparison-basis=" + bad))
                    .as(bad).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--monitor.rules.comparison-basis")
                    .hasMessageContaining("month-end").hasMessageContaining("previous-run")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void wholeNumberRuleParameterRejectsAFraction() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--monitor.rules.max-age=65.5"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--monitor.rules.max-age");
    }

    @Test
    void unknownRuleParameterIsNamed() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--monitor.rules.npl-margin=2"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--monitor.rules.npl-margin");
    }

    @Test
    void nonNumericRuleValueIsNamed() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder, "--monitor.rules.growth-pp=abc"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--monitor.rules.growth-pp")
                .hasMessageContaining("'abc'");
    }

    @Test
    void negativeRuleValueIsRejected() {
        assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + periodFolder,
                "--monitor.rules.warn-band-pp=-1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--monitor.rules.warn-band-pp");
    }
}
