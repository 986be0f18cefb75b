package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.tools.SampleDataGenerator;

/**
 * Whatever happens to a ledger on its way from the bank (a row dropped or doubled, a field cut short, bytes flipped,
 * two columns swapped, the file cut off mid-row), the job ends with a documented exit code and accounts for every row:
 * per file, rows read = accepted + rejected, and rejects.csv holds one line per rejected row (one for a file rejected
 * whole).
 * <p>
 * A property checked on random mutations of the generated ledgers of one date (five banks, UTF-8, UTF-8 with BOM,
 * GB18030, CRLF, quoted money): {@value #VALIDATE_ONLY_TRIES} tries through {@code --validate-only} (the same reader
 * and checks, no database: fast) and {@value #FULL_JOB_TRIES} through the whole job. A failure names the seed of its
 * try and of the run; {@code -Dmutations.seed=N} replays the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutatedLedgerTests {

    static final int VALIDATE_ONLY_TRIES = 500;
    static final int FULL_JOB_TRIES = 4;
    private static final String AS_OF = "2026-10-31";

    @TempDir
    static Path work;

    private Path original;

    @BeforeAll
    void generateLedgers() {
        SampleDataGenerator.main(new String[] {"--out=" + work.resolve("generated"), "--loans=100"});
        original = work.resolve("generated").resolve(AS_OF);
    }

    @Test
    void validationAccountsForEveryRowOfAMutatedLedger() throws IOException {
        tries(VALIDATE_ONLY_TRIES, false);
    }

    @Test
    void theWholeJobAccountsForEveryRowOfAMutatedLedger() throws IOException {
        tries(FULL_JOB_TRIES, true);
    }

    private void tries(int count, boolean fullJob) throws IOException {
        long seed = Long.getLong("mutations.seed", System.nanoTime());
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            long trySeed = seeds.nextLong();
            try {
                check(trySeed, fullJob);
            } catch (AssertionError e) {
                throw new AssertionError("try " + (i + 1) + " of " + count + " (seed " + trySeed
                        + "; replay the tries with -Dmutations.seed=" + seed + "): " + e.getMessage(), e);
            }
        }
    }

    private void check(long seed, boolean fullJob) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path input = copyOfTheInput();
        List<Path> ledgers;
        try (Stream<Path> files = Files.list(input.resolve("ledgers"))) {
            ledgers = files.sorted().toList();
        }
        List<String> applied = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            Path ledger = ledgers.get(random.nextInt(ledgers.size()));
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            Files.write(ledger, m.apply(Files.readAllBytes(ledger), random));
            applied.add(m + " " + ledger.getFileName());
        }

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + work.resolve("out")));
        args.add(fullJob ? "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath() : "--validate-only");
        int code = MonitorApplication.run(args.toArray(String[]::new), print, print);

        String what = applied + "\n" + console.toString(StandardCharsets.UTF_8);
        assertThat(code).as(what).isIn(0, 3);
        Path results = work.resolve("out").resolve(AS_OF);
        if (!fullJob) {
            results = results.resolve("validation");
        }
        JsonNode summary = new ObjectMapper().readTree(results.resolve("run_summary.json").toFile());
        assertThat(summary.get("exit_code").asInt()).as(what).isEqualTo(code);
        Map<String, Long> rejectLines = rejectLinesPerFile(results.resolve("rejects.csv"));
        assertThat(summary.get("files")).as(what).hasSize(ledgers.size() + 1);
        for (JsonNode f : summary.get("files")) {
            String file = f.get("file").asText();
            long read = f.get("rows_read").asLong();
            long accepted = f.get("rows_accepted").asLong();
            long rejected = f.get("rows_rejected").asLong();
            assertThat(read).as(file + ": read = accepted + rejected; " + what).isEqualTo(accepted + rejected);
            long expectedLines = f.get("rejected_whole").isNull() ? rejected : 1;
            assertThat(rejectLines.getOrDefault(file, 0L)).as(file + ": lines in rejects.csv; " + what)
                    .isEqualTo(expectedLines);
        }
    }

    private Path copyOfTheInput() throws IOException {
        Path input = work.resolve("in").resolve(AS_OF);
        if (Files.exists(input)) {
            try (Stream<Path> old = Files.walk(input)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(input.getParent());
        try (Stream<Path> paths = Files.walk(original)) {
            for (Path p : paths.toList()) {
                Files.copy(p, input.resolve(original.relativize(p).toString()));
            }
        }
        return input;
    }

    private static Map<String, Long> rejectLinesPerFile(Path rejects) throws IOException {
        Map<String, Long> lines = new HashMap<>();
        try (Reader in = Files.newBufferedReader(rejects, StandardCharsets.UTF_8)) {
            in.skip(1); // BOM
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                lines.merge(r.get("file"), 1L, Long::sum);
            }
        }
        return lines;
    }

    /** What can happen to a file on its way: each works on bytes, as a broken transfer or a careless edit would. */
    enum Mutation {
        DROP_ROW {
            @Override
            byte[] apply(byte[] file, SplittableRandom random) {
                List<byte[]> lines = lines(file);
                lines.remove(random.nextInt(lines.size()));
                return join(lines);
            }
        },
        DUPLICATE_ROW {
            @Override
            byte[] apply(byte[] file, SplittableRandom random) {
                List<byte[]> lines = lines(file);
                lines.add(random.nextInt(lines.size() + 1), lines.get(random.nextInt(lines.size())));
                return join(lines);
            }
        },
        TRUNCATE_FIELD {
            @Override
            byte[] apply(byte[] file, SplittableRandom random) {
                List<byte[]> lines = lines(file);
                int i = random.nextInt(lines.size());
                byte[] line = lines.get(i);
                List<Integer> commas = new ArrayList<>(List.of(-1));
                for (int k = 0; k < line.length; k++) {
                    if (line[k] == ',') {
                        commas.add(k);
                    }
                }
                int field = random.nextInt(commas.size());
                int start = commas.get(field) + 1;
                int end = field + 1 < commas.size() ? commas.get(field + 1) : line.length;
                if (end > start) {
                    int keep = start + random.nextInt(end - start);
                    byte[] cut = new byte[line.length - (end - keep)];
                    System.arraycopy(line, 0, cut, 0, keep);
                    System.arraycopy(line, end, cut, keep, line.length - end);
                    lines.set(i, cut);
                }
                return join(lines);
            }
        },
        FLIP_BYTES {
            @Override
            byte[] apply(byte[] file, SplittableRandom random) {
                byte[] flipped = file.clone();
                for (int n = 1 + random.nextInt(4); n > 0 && flipped.length > 0; n--) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return flipped;
            }
        },
        SWAP_COLUMNS {
            @Override
            byte[] apply(byte[] file, SplittableRandom random) {
                List<byte[]> lines = lines(file);
                int a = random.nextInt(20);
                int b = random.nextInt(20);
                List<byte[]> swapped = new ArrayList<>();
                for (byte[] line : lines) {
                    String[] fields = new String(line, StandardCharsets.ISO_8859_1).split(",", -1);
                    if (a < fields.length && b < fields.length) {
                        String t = fields[a];
                        fields[a] = fields[b];
                        fields[b] = t;
                    }
                    swapped.add(String.join(",", fields).getBytes(StandardCharsets.ISO_8859_1));
                }
                return join(swapped);
            }
        },
        CUT_MID_ROW {
            @Override
            byte[] apply(byte[] file, SplittableRandom random) {
                return file.length == 0 ? file : Arrays.copyOf(file, random.nextInt(file.length));
            }
        };

        abstract byte[] apply(byte[] file, SplittableRandom random);

        /** Split after each '\n', which stays with its line (and a '\r' before it too). */
        static List<byte[]> lines(byte[] file) {
            List<byte[]> lines = new ArrayList<>();
            int start = 0;
            for (int k = 0; k < file.length; k++) {
                if (file[k] == '\n') {
                    lines.add(Arrays.copyOfRange(file, start, k + 1));
                    start = k + 1;
                }
            }
            if (start < file.length || lines.isEmpty()) {
                lines.add(Arrays.copyOfRange(file, start, file.length));
            }
            return lines;
        }

        static byte[] join(List<byte[]> lines) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lines.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }
}
