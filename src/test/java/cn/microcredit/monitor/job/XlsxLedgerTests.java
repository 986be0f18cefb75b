package cn.microcredit.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.microcredit.monitor.MonitorApplication;
import cn.microcredit.monitor.ingest.CsvRows;
import cn.microcredit.monitor.ingest.TextEncoding;

/**
 * The same ledgers as {@code .xlsx} give the same results as their CSV originals. The conversion stores cells as a bank's
 * spreadsheet would: numbers as number cells (county codes, amounts, rates, days), ISO dates as date cells with a
 * display format of their own, everything else as text; each CSV line on the Excel row of the same number, and a
 * notes sheet before the ledger that must be skipped.
 */
class XlsxLedgerTests {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    Path work;

    @Test
    void xlsxLedgersGiveTheFiguresAndRejectsOfTheirCsvOriginals() throws IOException {
        for (String date : List.of("2026-06-30", "2026-07-31")) {
            Path csvInput = Path.of("src/test/resources/e2e", date);
            Path xlsxInput = work.resolve("xlsx").resolve(date);
            Files.createDirectories(xlsxInput.resolve("ledgers"));
            Files.copy(csvInput.resolve("banks.csv"), xlsxInput.resolve("banks.csv"));
            try (Stream<Path> ledgers = Files.list(csvInput.resolve("ledgers"))) {
                for (Path csv : ledgers.toList()) {
                    String name = csv.getFileName().toString().replace(".csv", ".xlsx");
                    convert(csv, xlsxInput.resolve("ledgers").resolve(name));
                }
            }
            assertThat(run(csvInput, "csv")).isEqualTo(run(xlsxInput, "xlsx"));
            for (String file : List.of("county_metrics.csv", "bank_county_metrics.csv", "bank_metrics.csv",
                    "county_ageing.csv", "exceptions.csv")) {
                assertThat(work.resolve("out-xlsx").resolve(date).resolve(file)).as(date + " " + file)
                        .hasSameBinaryContentAs(work.resolve("out-csv").resolve(date).resolve(file));
            }
            assertThat(Files.readString(work.resolve("out-xlsx").resolve(date).resolve("rejects.csv"))
                    .replace(".xlsx", ".csv"))
                    .isEqualTo(Files.readString(work.resolve("out-csv").resolve(date).resolve("rejects.csv")));
        }
    }

    @Test
    void oldXlsAndCorruptWorkbooksAreRejectedWholeAndTheOthersGoOn() throws IOException {
        Path input = work.resolve("bad/2026-06-30");
        Files.createDirectories(input.resolve("ledgers"));
        Files.copy(Path.of("src/test/resources/e2e/2026-06-30/banks.csv"), input.resolve("banks.csv"));
        convert(Path.of("src/test/resources/e2e/2026-06-30/ledgers/b1.csv"), input.resolve("ledgers/b1.xlsx"));
        Files.write(input.resolve("ledgers/old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        Files.writeString(input.resolve("ledgers/broken.xlsx"), "not a zip at all");

        int code = MonitorApplication.run(new String[] {"--input=" + input, "--output=" + work.resolve("out-bad"),
                "--db=jdbc:h2:file:" + work.resolve("db-bad/m").toAbsolutePath()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isEqualTo(3);
        String rejects = Files.readString(work.resolve("out-bad/2026-06-30/rejects.csv"));
        assertThat(rejects).contains("ledgers/broken.xlsx,1,,,UNREADABLE_FILE,", "ledgers/old.xls,1,,,UNREADABLE_FILE,");
        assertThat(Files.readString(work.resolve("out-bad/2026-06-30/run_summary.json")))
                .contains("\"file\": \"ledgers/b1.xlsx\"", "\"rows_accepted\": 4");
    }

    @Test
    void emptyCellsAreEmptyFieldsWhereverTheyAre() throws IOException {
        Path input = work.resolve("gaps/2026-06-30");
        Files.createDirectories(input.resolve("ledgers"));
        Files.copy(Path.of("src/test/resources/e2e/2026-06-30/banks.csv"), input.resolve("banks.csv"));
        Path csv = work.resolve("gaps.csv");
        Files.writeString(csv, """
                loan_id,bank_code,county_code,household_id,borrower_name,borrower_id_number,issue_date,maturity_date,amount,balance,annual_rate,overdue_days,classification,guarantee,large_need
                G1,B1,210123,H1,张三,11010519491231002X,2025-06-01,2027-06-01,30000,30000,4.35,0,NORMAL,,
                G2,B1,210123,,李四,11010519491231002X,2025-06-01,2027-06-01,30000,30000,4.35,0,NORMAL,信用,N
                """);
        convert(csv, input.resolve("ledgers/gaps.xlsx"));

        int code = MonitorApplication.run(new String[] {"--input=" + input, "--output=" + work.resolve("out-gaps"),
                "--db=jdbc:h2:file:" + work.resolve("db-gaps/m").toAbsolutePath()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).as("B2 of banks.csv sent nothing").isEqualTo(3);
        assertThat(Files.readString(work.resolve("out-gaps/2026-06-30/rejects.csv")).replace("\uFEFF", "").lines())
                .containsExactly("file,line,bank_code,loan_id,reason,detail",
                        "ledgers/gaps.xlsx,3,B1,G2,MISSING_FIELD,户编号(household_id): 必填字段为空");
        assertThat(Files.readString(work.resolve("out-gaps/2026-06-30/run_summary.json")))
                .contains("\"rows_accepted\": 1", "\"rows_rejected\": 1");
    }

    private int run(Path input, String kind) {
        return MonitorApplication.run(new String[] {"--input=" + input, "--output=" + work.resolve("out-" + kind),
                "--db=jdbc:h2:file:" + work.resolve("db-" + kind + "/m").toAbsolutePath()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private static void convert(Path csv, Path xlsx) throws IOException {
        List<CsvRows.Row> rows = new ArrayList<>();
        CsvRows.read(csv, TextEncoding.detect(csv), rows::add);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("本表为帮扶小额信贷台账");
            Sheet sheet = wb.createSheet("台账");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle moneyStyle = wb.createCellStyle();
            moneyStyle.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            for (CsvRows.Row row : rows) {
                Row r = sheet.createRow((int) row.line() - 1);
                for (int c = 0; c < row.values().size(); c++) {
                    String v = row.values().get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    var cell = r.createCell(c);
                    if (row.line() > 1 && ISO_DATE.matcher(v).matches()) {
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(dateStyle);
                    } else if (row.line() > 1 && GROUPED.matcher(v).matches()) {
                        cell.setCellValue(Double.parseDouble(v.replace(",", "")));
                        cell.setCellStyle(moneyStyle);
                    } else if (row.line() > 1 && NUMBER.matcher(v).matches()) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
    }

}
