package cn.microcredit.monitor.store;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Turns a stored enum code back into its constant: by array index, as fast as the ordinal lookup it replaces, and a
 * {@link StoreException} for a code that means nothing (never a neighbouring constant, never an index error).
 */
final class CodeTable<E extends Enum<E>> {

    private final String what;
    private final Object[] byCode;

    private CodeTable(String what, Object[] byCode) {
        this.what = what;
        this.byCode = byCode;
    }

    /** Constants listed in the order of their codes: the first is code 0 (how version 1 stored ordinals). */
    static <E extends Enum<E>> CodeTable<E> inOrder(String what, List<E> constants) {
        return new CodeTable<>(what, constants.toArray());
    }

    /** Each constant of {@code type} under the code {@code codeOf} gives it; two constants on one code are refused. */
    static <E extends Enum<E>> CodeTable<E> byCode(String what, Class<E> type, ToIntFunction<E> codeOf) {
        E[] constants = type.getEnumConstants();
        int max = 0;
        for (E e : constants) {
            max = Math.max(max, codeOf.applyAsInt(e));
        }
        Object[] byCode = new Object[max + 1];
        for (E e : constants) {
            int code = codeOf.applyAsInt(e);
            if (code < 0 || byCode[code] != null) {
                throw new IllegalStateException(what + " code " + code + " of " + e + " is negative or taken");
            }
            byCode[code] = e;
        }
        return new CodeTable<>(what, byCode);
    }

    @SuppressWarnings("unchecked")
    E of(int code) {
        Object e = code >= 0 && code < byCode.length ? byCode[code] : null;
        if (e == null) {
            throw new StoreException("stored chunk holds " + what + " code " + code + ", which no release has written");
        }
        return (E) e;
    }
}
