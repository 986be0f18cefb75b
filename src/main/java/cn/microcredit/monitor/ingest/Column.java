package cn.microcredit.monitor.ingest;

import java.util.List;

/** A column of an input CSV: its English key, its accepted header names and whether the file must have it. */
public interface Column {

    /** What a column is: its English name (also the first alias), its Chinese header, whether it is required. */
    record Spec(String key, String chinese, boolean required) {
    }

    Spec spec();

    /** The English name, as in SPEC. */
    default String key() {
        return spec().key();
    }

    /** Header names that mean this column, compared trimmed and case-insensitively. */
    default List<String> aliases() {
        return List.of(spec().key(), spec().chinese());
    }

    default boolean required() {
        return spec().required();
    }

    /** How a person reads the column in a message: {@code 贷款金额(amount)}. */
    default String display() {
        return spec().chinese() + "(" + spec().key() + ")";
    }
}
