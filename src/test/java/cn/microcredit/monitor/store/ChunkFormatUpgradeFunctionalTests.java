package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.reference.RosterPeriod;

/**
 * An upgrade from the release of c072f04: a database whose previous date was stored in format version 1 gives the
 * next date exactly the figures, exceptions and rejects that a database written wholly by this release gives. The
 * first date of the sample data is run once; a copy of its database has every loan and roster chunk written again as
 * c072f04 wrote it ({@link V1ChunkWriter}); the second date, whose RATE_CHANGED and LENDING_AFTER_PAUSE need the first
 * date's loans, is run on both.
 */
class ChunkFormatUpgradeFunctionalTests {

    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    Path work;

    @Test
    void theSecondDateOnVersionOneChunksIsByteForByteTheSecondDateOnVersionTwo() throws Exception {
        Path current = work.resolve("current/db");
        Path upgraded = work.resolve("upgraded/db");
        assertThat(run("2026-09-30", current, work.resolve("out-first"))).isEqualTo(3);
        Files.createDirectories(upgraded.getParent());
        Files.copy(Path.of(current + ".mv.db"), Path.of(upgraded + ".mv.db"));

        int rewritten = rewriteAsVersionOne(upgraded);

        assertThat(rewritten).as("loan and roster chunks of the first date").isGreaterThanOrEqualTo(2);
        assertThat(run("2026-10-31", current, work.resolve("out-current"))).isEqualTo(3);
        assertThat(run("2026-10-31", upgraded, work.resolve("out-upgraded"))).isEqualTo(3);
        Path a = work.resolve("out-current/2026-10-31");
        Path b = work.resolve("out-upgraded/2026-10-31");
        List<String> files;
        try (Stream<Path> list = Files.list(a)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).contains("county_metrics.csv", "bank_county_metrics.csv", "bank_metrics.csv",
                "county_ageing.csv", "exceptions.csv", "rejects.csv", "run_summary.json");
        for (String f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        // The history rules did read the first date's loans (sample-data/expected-problems.csv, S14 and S18).
        String exceptions = Files.readString(b.resolve("exceptions.csv"), StandardCharsets.UTF_8);
        assertThat(exceptions).contains(",LNRCB,NS20250415000299,").contains("RATE_CHANGED")
                .contains(",LNRCB,NS20261015000600,").contains("LENDING_AFTER_PAUSE");
    }

    private int run(String date, Path db, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return MonitorApplication.run(new String[] {"--input=" + SAMPLE.resolve(date), "--output=" + out,
                "--db=jdbc:h2:file:" + db.toAbsolutePath()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Writes every loan and roster chunk again in format version 1; returns how many. */
    private static int rewriteAsVersionOne(Path db) throws SQLException {
        int rewritten = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             PreparedStatement select = c.prepareStatement(
                     "SELECT run_id, kind, file_seq, chunk_seq, payload FROM run_chunk WHERE kind IN ('L', 'R')");
             PreparedStatement update = c.prepareStatement("""
                     UPDATE run_chunk SET payload = ?
                     WHERE run_id = ? AND kind = ? AND file_seq = ? AND chunk_seq = ?""");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                byte[] payload = rs.getBytes(5);
                assertThat(payload[0]).as("written as version 2").isEqualTo(ChunkFormat.MAGIC[0]);
                byte[] v1;
                if (rs.getString(2).equals("L")) {
                    List<StoredLoan> loans = new ArrayList<>();
                    LoanCodec.read(payload, rs.getInt(3), loans::add);
                    v1 = V1ChunkWriter.loans(loans);
                } else {
                    List<RosterPeriod> periods = new ArrayList<>();
                    RosterCodec.read(payload, periods::add);
                    v1 = V1ChunkWriter.roster(periods);
                }
                assertThat(v1[0] & 0x80).as("version 1 has no magic").isZero();
                update.setBytes(1, v1);
                update.setLong(2, rs.getLong(1));
                update.setString(3, rs.getString(2));
                update.setInt(4, rs.getInt(3));
                update.setInt(5, rs.getInt(4));
                assertThat(update.executeUpdate()).isEqualTo(1);
                rewritten++;
            }
        }
        return rewritten;
    }
}
