package cn.microcredit.monitor.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of a bank's feedback workbook name that stands for its code: one per bank, never shared (issue 17, item 7).
 * A code is written as it is where it can be; characters a file name cannot hold become {@code _}, and then the name
 * carries 8 hex digits of the SHA-256 of the raw code, so that {@code X/1} ({@code X_1-1b5e…}) and {@code X_1} no
 * longer write one file from two threads (one bank's workbook lost, or a corrupt zip). Names that still clash,
 * compared without case as Windows and macOS shares compare them, all get the hash, and, should hashes clash too, a
 * number.
 */
public final class BankFileNames {

    private BankFileNames() {
    }

    /** Each code's name part, for the codes of one run. */
    public static Map<String, String> of(Collection<String> codes) {
        Map<String, String> names = new TreeMap<>();
        for (String code : new TreeSet<>(codes)) {
            String safe = safe(code);
            names.put(code, safe.equals(code) ? code : safe + "-" + hash(code));
        }
        for (int round = 0; round < 2; round++) {
            Map<String, List<String>> byName = new HashMap<>();
            names.forEach((code, name) -> byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(code));
            boolean clash = false;
            for (List<String> same : byName.values()) {
                if (same.size() > 1) {
                    clash = true;
                    for (int i = 0; i < same.size(); i++) {
                        String code = same.get(i);
                        names.put(code, round == 0 ? safe(code) + "-" + hash(code) : names.get(code) + "-" + (i + 1));
                    }
                }
            }
            if (!clash) {
                break;
            }
        }
        return names;
    }

    static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
    }

    private static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
