package cn.microcredit.monitor.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each known column sits in a file's header. Names are matched trimmed and case-insensitively against each
 * column's aliases; order is free and unknown columns are ignored.
 */
public final class HeaderMapping<C extends Enum<C> & Column> {

    private final int[] index;
    private final List<C> missing;
    private final List<String> duplicates;
    private final int width;

    private HeaderMapping(int[] index, List<C> missing, List<String> duplicates, int width) {
        this.index = index;
        this.missing = missing;
        this.duplicates = duplicates;
        this.width = width;
    }

    public static <C extends Enum<C> & Column> HeaderMapping<C> of(List<String> header, Class<C> columnType) {
        C[] columns = columnType.getEnumConstants();
        Map<String, C> byAlias = new LinkedHashMap<>();
        for (C c : columns) {
            for (String alias : c.aliases()) {
                byAlias.put(normalise(alias), c);
            }
        }
        int[] index = new int[columns.length];
        java.util.Arrays.fill(index, -1);
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            C c = byAlias.get(normalise(header.get(i)));
            if (c == null) {
                continue;
            }
            if (index[c.ordinal()] >= 0) {
                duplicates.add(c.display());
            } else {
                index[c.ordinal()] = i;
            }
        }
        List<C> missing = new ArrayList<>();
        for (C c : columns) {
            if (c.required() && index[c.ordinal()] < 0) {
                missing.add(c);
            }
        }
        return new HeaderMapping<>(index, List.copyOf(missing), List.copyOf(duplicates), header.size());
    }

    /** Trimmed, lower case, without a BOM and without a trailing unit such as {@code (元)} or {@code （%）}. */
    private static String normalise(String name) {
        String n = name.replace("\uFEFF", "").trim();
        n = UNIT_SUFFIX.matcher(n).replaceFirst("").trim();
        return n.toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern UNIT_SUFFIX = java.util.regex.Pattern.compile(
            "[(（](元|万元|%|％|天|日|次|yuan|pct|days)[)）]$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Required columns the header lacks. */
    public List<C> missing() {
        return missing;
    }

    /** Columns named more than once (by any of their aliases). */
    public List<String> duplicates() {
        return duplicates;
    }

    /** Number of header cells. */
    public int width() {
        return width;
    }

    public boolean has(C column) {
        return index[column.ordinal()] >= 0;
    }

    /** Where a column is in a row (from 0), or -1 when the file lacks it. */
    public int index(C column) {
        return index[column.ordinal()];
    }

    /** The trimmed value of a column in a row, or "" when the file lacks the column. */
    public String get(List<String> row, C column) {
        int i = index[column.ordinal()];
        return i < 0 || i >= row.size() ? "" : row.get(i).trim();
    }

    public String describeMissing() {
        return missing.stream().map(Column::display).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
