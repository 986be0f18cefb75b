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
 * An upgrade from an earlier release: a database whose previous date was stored in format version 1 (the release of
 * c072f04) or version 2 (the releases up to 3fcba8a) gives the next date exactly the figures, exceptions and rejects
 * that a database written wholly by this release gives. The first date of the sample data is run once; copies of its
 * database have every loan and roster chunk written again as c072f04 wrote it ({@link V1ChunkWriter}) and as version 2
 * did; the second date, whose RATE_CHANGED and LENDING_AFTER_PAUSE need the first date's loans, is run on each.
 */
class ChunkFormatUpgradeFunctionalTests {

    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    Path work;

    @Test
    void theSecondDateOnVersionOneOrTwoChunksIsByteForByteTheSecondDateOnTheCurrentVersion() throws Exception {
        Path current = work.resolve("current/db");
        assertThat(run("2026-09-30", current, work.resolve("out-first"))).isEqualTo(3);
        Path v1 = copy(current, "v1");
        Path v2 = copy(current, "v2");

        assertThat(rewrite(v1, 1)).as("loan and roster chunks of the first date").isGreaterThanOrEqualTo(2);
        assertThat(rewrite(v2, 2)).as("loan and roster chunks of the first date").isGreaterThanOrEqualTo(2);
        assertThat(run("2026-10-31", current, work.resolve("out-current"))).isEqualTo(3);
        assertThat(run("2026-10-31", v1, work.resolve("out-v1"))).isEqualTo(3);
        assertThat(run("2026-10-31", v2, work.resolve("out-v2"))).isEqualTo(3);
        Path a = work.resolve("out-current/2026-10-31");
        List<String> files;
        try (Stream<Path> list = Files.list(a)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).contains("county_metrics.csv", "bank_county_metrics.csv", "bank_metrics.csv",
                "county_ageing.csv", "exceptions.csv", "rejects.csv", "run_summary.json");
        for (String version : List.of("v1", "v2")) {
            Path b = work.resolve("out-" + version + "/2026-10-31");
            for (String f : files) {
                assertThat(Files.readAllBytes(b.resolve(f))).as(version + " " + f)
                        .isEqualTo(Files.readAllBytes(a.resolve(f)));
            }
            // The history rules did read the first date's loans (sample-data/expected-problems.csv, S14 and S18).
            String exceptions = Files.readString(b.resolve("exceptions.csv"), StandardCharsets.UTF_8);
            assertThat(exceptions).as(version).contains(",LNRCB,NS20250415000299,").contains("RATE_CHANGED")
                    .contains(",LNRCB,NS20261015000600,").contains("LENDING_AFTER_PAUSE");
        }
    }

    private Path copy(Path db, String name) throws IOException {
        Path copy = work.resolve(name + "/db");
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of(db + ".mv.db"), Path.of(copy + ".mv.db"));
        return copy;
    }

    private int run(String date, Path db, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return MonitorApplication.run(new String[] {"--input=" + SAMPLE.resolve(date), "--output=" + out,
                "--db=jdbc:h2:file:" + db.toAbsolutePath()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Writes every loan and roster chunk again in format version 1 or 2; returns how many. */
    private static int rewrite(Path db, int version) throws SQLException {
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
                assertThat(payload[4]).as("written as version 3").isEqualTo((byte) ChunkFormat.V3);
                byte[] old;
                if (version == 2) {
                    old = versionTwo(payload);
                } else if (rs.getString(2).equals("L")) {
                    List<StoredLoan> loans = new ArrayList<>();
                    LoanCodec.read(payload, rs.getInt(3), loans::add);
                    old = V1ChunkWriter.loans(loans);
                } else {
                    List<RosterPeriod> periods = new ArrayList<>();
                    RosterCodec.read(payload, periods::add);
                    old = V1ChunkWriter.roster(periods);
                }
                assertThat(version == 1 ? old[0] & 0x80 : old[4]).as("version %d", version)
                        .isEqualTo(version == 1 ? 0 : 2);
                update.setBytes(1, old);
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

    /**
     * A version 3 payload as version 2 wrote the same rows: the same header with version 2, the rows deflated (at
     * zlib's fastest level, as that release did) instead of LZ4, the checksum over them.
     */
    static byte[] versionTwo(byte[] v3) {
        byte[] raw = ChunkIn.of(v3, ChunkKind.ofCode(v3[5])).rawRows();
        byte[] deflated = V1ChunkWriter.deflate(raw);
        byte[] v2 = new byte[ChunkFormat.HEADER_BYTES + deflated.length];
        System.arraycopy(v3, 0, v2, 0, ChunkFormat.HEADER_BYTES);
        v2[4] = 2;
        System.arraycopy(deflated, 0, v2, ChunkFormat.HEADER_BYTES, deflated.length);
        ChunkFormat.seal(v2);
        return v2;
    }
}
