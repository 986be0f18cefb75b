package cn.microcredit.monitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A streamed workbook whose sheets are written without a lock per character ({@link FastSheetDataWriter}) and
 * compressed at deflate's fastest level rather than its default: writing and compressing the breach sheets were most
 * of the report step's time at a million loans (docs/benchmarks.md). The files come out somewhat larger, the content
 * is the same.
 */
final class FastZipWorkbook extends SXSSFWorkbook {

    FastZipWorkbook(int rowAccessWindowSize) {
        super(rowAccessWindowSize);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastSheetDataWriter();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
