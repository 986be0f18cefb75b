package cn.microcredit.monitor.report;

import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streamed workbook whose sheets are compressed at deflate's fastest level rather than its default. Compressing the
 * breach sheets was most of the report step's time at a million loans (docs/benchmarks.md); the files come out
 * somewhat larger, the content is the same.
 */
final class FastZipWorkbook extends SXSSFWorkbook {

    FastZipWorkbook(int rowAccessWindowSize) {
        super(rowAccessWindowSize);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
