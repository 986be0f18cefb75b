package cn.microcredit.monitor.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import cn.microcredit.monitor.ingest.Column;
import cn.microcredit.monitor.ingest.CsvRows;
import cn.microcredit.monitor.ingest.HeaderMapping;
import cn.microcredit.monitor.ingest.TextEncoding;

/** Reads a small reference CSV whose every row must be right: the first problem stops the run with its place. */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    static <C extends Enum<C> & Column> void read(Path file, Class<C> columns,
                                                   BiConsumer<CsvRows.Row, HeaderMapping<C>> rowHandler) {
        List<CsvRows.Row> rows = new ArrayList<>();
        try {
            CsvRows.read(file, TextEncoding.detect(file), rows::add);
        } catch (IOException e) {
            throw new ReferenceException(file + ": 无法读取 (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new ReferenceException(file + ": 文件为空，缺少表头");
        }
        HeaderMapping<C> header = HeaderMapping.of(rows.get(0).values(), columns);
        if (!header.missing().isEmpty()) {
            throw new ReferenceException(file + " 第1行: 表头缺少必需列 " + header.describeMissing());
        }
        if (!header.duplicates().isEmpty()) {
            throw new ReferenceException(file + " 第1行: 表头列名重复 " + String.join(", ", header.duplicates()));
        }
        if (rows.size() == 1) {
            throw new ReferenceException(file + ": 只有表头，没有数据行");
        }
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.isMalformed()) {
                throw new ReferenceException(file + " 第" + row.line() + "行: " + row.malformed());
            }
            rowHandler.accept(row, header);
        }
    }

    static <C extends Enum<C> & Column> String required(Path file, CsvRows.Row row, HeaderMapping<C> header, C column) {
        String value = header.get(row.values(), column);
        if (value.isEmpty()) {
            throw new ReferenceException(file + " 第" + row.line() + "行 " + column.display() + ": 必填字段为空");
        }
        return value;
    }
}
