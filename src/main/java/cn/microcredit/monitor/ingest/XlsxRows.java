package cn.microcredit.monitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an {@code .xlsx} ledger as rows, streaming (POI's SAX event API: a million-row sheet costs no more heap than
 * a CSV). The ledger is the first sheet whose first non-empty row is a ledger header; without one, the sheet whose
 * first row comes closest (so that the header problem reported is the real one). Cells as banks have them: numbers as plain digits ({@code 211382}, not
 * {@code 211382.0}), date cells as {@code yyyy-MM-dd}, formulas by their cached value, missing cells as empty fields.
 * Rows are numbered as Excel numbers them, so a reject points at the row a person sees.
 */
public final class XlsxRows {

    private static final Logger log = LoggerFactory.getLogger(XlsxRows.class);

    private XlsxRows() {
    }

    /** Thrown to stop reading a sheet once its first row is known. */
    private static final class FirstRowSeen extends RuntimeException {
        FirstRowSeen() {
            super(null, null, false, false);
        }
    }

    /** Carries a failure of the row handler past the catch-all that turns workbook problems into IOExceptions. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * @param missingColumns how many required columns a sheet's first non-empty row lacks to be a ledger header
     */
    public static void read(Path file, ToIntFunction<List<String>> missingColumns, CsvRows.Handler handler)
            throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            int chosen = 0;
            int fewestMissing = Integer.MAX_VALUE;
            List<String> names = new ArrayList<>();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int i = 0; sheets.hasNext(); i++) {
                List<CsvRows.Row> first = new ArrayList<>(1);
                try (InputStream sheet = sheets.next()) {
                    names.add(sheets.getSheetName());
                    parse(sheet, styles, strings, row -> {
                        first.add(row);
                        throw new FirstRowSeen();
                    });
                } catch (FirstRowSeen e) {
                    // The first row is all that was needed of this sheet.
                }
                int missing = first.isEmpty() ? Integer.MAX_VALUE : missingColumns.applyAsInt(first.get(0).values());
                if (missing < fewestMissing) {
                    fewestMissing = missing;
                    chosen = i;
                }
            }
            if (names.isEmpty()) {
                return;
            }
            int index = chosen;
            if (names.size() > 1) {
                log.info("{}: ledger read from sheet '{}'; other sheets ignored: {}", file.getFileName(),
                        names.get(index), names.stream().filter(n -> !n.equals(names.get(index))).toList());
            }
            XSSFReader.SheetIterator again = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int i = 0; again.hasNext(); i++) {
                try (InputStream sheet = again.next()) {
                    if (i == index) {
                        parse(sheet, styles, strings, row -> {
                            try {
                                handler.row(row);
                            } catch (RuntimeException e) {
                                throw new HandlerFailure(e);
                            }
                        });
                        return;
                    }
                }
            }
        } catch (HandlerFailure e) {
            // The rows' consumer failed (the database, a stop request): not a fault of the workbook.
            throw e.getCause();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("不是可读的 .xlsx 工作簿（可能已加密或损坏）: " + e.getMessage(), e);
        }
    }

    /**
     * POI holds the shared-strings table whole: it is read through a stream that refuses more than the limit of
     * {@link InputLimits} (issue 17, item 3).
     */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        try (InputStream in = InputLimits.bounded(parts.get(0).getInputStream(), InputLimits.sharedStringsBytes(),
                "共享字符串表 (sharedStrings.xml)")) {
            return new ReadOnlySharedStringsTable(in, false);
        } catch (SAXException e) {
            InputLimits.Exceeded exceeded = InputLimits.exceeded(e.getException());
            throw exceeded != null ? exceeded : e;
        }
    }

    private static void parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
                              CsvRows.Handler handler) throws Exception {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new RowCollector(handler),
                new PlainFormatter(), false));
        try {
            parser.parse(new InputSource(sheet));
        } catch (SAXException e) {
            if (e.getException() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Collects the cells of a row by column letter, so that missing cells become empty fields; a sheet stores no cell
     * for an empty one at the end of a row either, so every row is padded to the width of the first (the header).
     */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CsvRows.Handler handler;
        private final List<String> values = new ArrayList<>();
        private int width = -1;

        RowCollector(CsvRows.Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            values.clear();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = reference == null ? values.size() : new CellReference(reference).getCol();
            while (values.size() < col) {
                values.add("");
            }
            values.add(formattedValue == null ? "" : formattedValue);
        }

        @Override
        public void endRow(int rowNum) {
            if (values.stream().allMatch(String::isBlank)) {
                return;
            }
            if (width < 0) {
                width = values.size();
            }
            while (values.size() < width) {
                values.add("");
            }
            handler.row(new CsvRows.Row(rowNum + 1L, List.copyOf(values), null));
        }
    }

    /** Numbers in plain digits and date cells as ISO dates, whatever display format the bank's sheet used. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
