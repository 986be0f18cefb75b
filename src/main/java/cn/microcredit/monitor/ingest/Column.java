package cn.microcredit.monitor.ingest;

import java.util.List;

/** A column of an input CSV: its English key, its accepted header names and whether the file must have it. */
public interface Column {

    /** The English name, as in SPEC (also the first alias). */
    String key();

    /** Header names that mean this column, compared trimmed and case-insensitively. */
    List<String> aliases();

    boolean required();

    /** How a person reads the column in a message: {@code 贷款金额(amount)}. */
    default String display() {
        return aliases().size() > 1 ? aliases().get(1) + "(" + key() + ")" : key();
    }
}
