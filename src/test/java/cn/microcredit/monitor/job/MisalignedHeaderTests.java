package cn.microcredit.monitor.job;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;

/**
 * Issue 17, item 4: a ledger whose header labels are misaligned (the ID number under the county's label, the name under
 * the classification's) is rejected row by row, and no output, CSV or workbook, carries the ID number or the name.
 */
class MisalignedHeaderTests {

    private static final Path E2E = Path.of("src/test/resources/e2e/2026-06-30");

    @TempDir
    Path work;

    @Test
    void noOutputCarriesAFullIdNumberOrNameFromAMisalignedLedger() throws IOException {
        Path in = work.resolve("in/2026-06-30");
        Files.createDirectories(in.resolve("ledgers"));
        Files.copy(E2E.resolve("banks.csv"), in.resolve("banks.csv"), REPLACE_EXISTING);
        Files.copy(E2E.resolve("ledgers/b1.csv"), in.resolve("ledgers/b1.csv"), REPLACE_EXISTING);
        // The labels of county_code and borrower_id_number swapped, and those of borrower_name and classification.
        Files.writeString(in.resolve("ledgers/b2.csv"), "loan_id,bank_code,borrower_id_number,household_id,"
                + "classification,county_code,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,"
                + "borrower_name\n"
                + "M1,B2,210123,HM1,欧阳娜娜,210123197102111010,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n"
                + "M2,B2,210123,HM2,王五,11010519491231002X,2026-01-01,2027-01-01,1000,1000,3.85,0,NORMAL\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        int code = MonitorApplication.run(new String[] {"--input=" + in, "--output=" + work.resolve("out"),
                "--db=jdbc:h2:file:" + work.resolve("db/m").toAbsolutePath(), "--log-dir=" + work.resolve("logs")},
                print, print);
        int validated = MonitorApplication.run(new String[] {"--input=" + in, "--output=" + work.resolve("out"),
                "--validate-only"}, print, print);

        // Bank B2's rows were read (and rejected): not a bank without rows, so exit 0.
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(validated).isZero();
        String rejects = Files.readString(work.resolve("out/2026-06-30/rejects.csv"));
        assertThat(rejects).contains("ledgers/b2.csv,2,B2,M1,UNKNOWN_CODE,五级分类(classification): '欧*' 不是可识别的代码; "
                + "县区代码(county_code): '210123********1010' 不在县区代码表中");
        List<String> texts = new ArrayList<>();
        texts.add(out.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(work.resolve("out"));
             Stream<Path> logs = Files.walk(work.resolve("logs"))) {
            for (Path f : Stream.concat(files, logs).filter(Files::isRegularFile).toList()) {
                texts.add(f.toString().endsWith(".xlsx") ? unzipped(f) : Files.readString(f));
            }
        }
        assertThat(texts).hasSizeGreaterThan(10);
        assertThat(texts).noneMatch(t -> t.contains("210123197102111010") || t.contains("11010519491231002X")
                || t.contains("欧阳") || t.contains("王五"));
    }

    /** Every part of a workbook as text: its cells are in sharedStrings.xml or inline in the sheets. */
    private static String unzipped(Path xlsx) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
