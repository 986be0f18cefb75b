package cn.microcredit.monitor.report.excel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Saves a workbook whose large tables were {@link SheetTable#streamed streamed}: POI writes the workbook with those
 * sheets holding their header row only, into a temp file; the file is then copied entry by entry into the workbook's
 * own file, with each streamed sheet's rows put in after its header row, before {@code </sheetData>}.
 */
public final class WorkbookFile {

    private static final byte[] END_OF_DATA = "</sheetData>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_DATA = "<sheetData/>".getBytes(StandardCharsets.US_ASCII);
    /**
     * Deflate level of the saved file. The breach sheets are most of a report step's bytes (220 MB of sheet XML at 1 M
     * loans) and deflating them at zlib's default level 6 was about 40 % of the workbook threads' time (JFR's native
     * samples). The province's 74 MB breach sheet: level 6 1.10 s and 8.5 % of its size, level 2 0.25 s and 10.4 %,
     * level 1 0.34 s and 10.7 % (java.util.zip, one thread). Files are about a fifth larger.
     */
    static final int DEFLATE_LEVEL = 2;

    private WorkbookFile() {
    }

    /** Writes {@code wb} to {@code file} with the rows of the streamed {@code tables} (finished) in their sheets. */
    public static void write(SXSSFWorkbook wb, List<SheetTable> tables, Path file) throws IOException {
        Map<String, StreamedRows> rowsOfPart = new HashMap<>();
        Path folder = null;
        for (SheetTable t : tables) {
            for (StreamedRows rows : t.streamedSheets()) {
                String part = wb.getXSSFWorkbook().getSheet(rows.sheet().getSheetName()).getPackagePart()
                        .getPartName().getName();
                rowsOfPart.put(part.substring(1), rows);
                folder = rows.folder();
            }
        }
        if (rowsOfPart.isEmpty()) {
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return;
        }
        Path poi = Files.createTempFile(folder, "workbook-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(poi)) {
                wb.write(out);
            }
            int spliced = 0;
            try (ZipFile in = new ZipFile(poi.toFile());
                 ZipOutputStream out = new ZipOutputStream(
                         new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                out.setLevel(DEFLATE_LEVEL);
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    StreamedRows rows = rowsOfPart.get(entry.getName());
                    try (InputStream data = in.getInputStream(entry)) {
                        if (rows == null) {
                            data.transferTo(out);
                        } else {
                            splice(data.readAllBytes(), rows, out, entry.getName());
                            spliced++;
                        }
                    }
                    out.closeEntry();
                }
            }
            if (spliced != rowsOfPart.size()) {
                throw new IllegalStateException("POI's workbook lacks " + (rowsOfPart.size() - spliced)
                        + " of the streamed sheets " + rowsOfPart.keySet() + " for " + file);
            }
        } finally {
            Files.deleteIfExists(poi);
        }
    }

    /** The sheet's XML with the rows put in at the end of its {@code sheetData}. */
    private static void splice(byte[] xml, StreamedRows rows, OutputStream out, String part) throws IOException {
        int end = indexOf(xml, END_OF_DATA);
        if (end >= 0) {
            out.write(xml, 0, end);
            rows.copyTo(out);
            out.write(xml, end, xml.length - end);
            return;
        }
        int empty = indexOf(xml, EMPTY_DATA);
        if (empty < 0) {
            throw new IllegalStateException("no sheetData in " + part);
        }
        out.write(xml, 0, empty);
        out.write("<sheetData>".getBytes(StandardCharsets.US_ASCII));
        rows.copyTo(out);
        out.write(END_OF_DATA);
        out.write(xml, empty + EMPTY_DATA.length, xml.length - empty - EMPTY_DATA.length);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
