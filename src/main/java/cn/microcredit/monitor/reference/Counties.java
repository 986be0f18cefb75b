package cn.microcredit.monitor.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The county reference: built in, every county-level division of Liaoning by its current GB/T 2260 code (SPEC 3.4),
 * or a replacement given with {@code --counties}.
 */
public final class Counties {

    static final String BUILT_IN = "/reference/liaoning-counties.csv";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final Map<String, County> byCode;

    private Counties(Map<String, County> byCode) {
        this.byCode = byCode;
    }

    public static Counties builtIn() {
        try (InputStream in = Counties.class.getResourceAsStream(BUILT_IN)) {
            Path copy = Files.createTempFile("counties", ".csv");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return read(copy, "built-in " + BUILT_IN);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new ReferenceException("built-in county reference unreadable: " + e.getMessage());
        }
    }

    public static Counties read(Path file) {
        return read(file, file.toString());
    }

    private static Counties read(Path file, String shownAs) {
        Map<String, County> map = new LinkedHashMap<>();
        ReferenceCsv.read(file, CountyColumn.class, (row, header) -> {
            String code = ReferenceCsv.required(file, row, header, CountyColumn.COUNTY_CODE);
            if (!CODE.matcher(code).matches()) {
                throw new ReferenceException(shownAs + " 第" + row.line() + "行 county_code: '" + code + "' 不是6位数字");
            }
            County county = new County(code,
                    ReferenceCsv.required(file, row, header, CountyColumn.COUNTY_NAME),
                    ReferenceCsv.required(file, row, header, CountyColumn.CITY_CODE),
                    ReferenceCsv.required(file, row, header, CountyColumn.CITY_NAME),
                    ReferenceCsv.required(file, row, header, CountyColumn.SUB_BUREAU));
            if (map.putIfAbsent(code, county) != null) {
                throw new ReferenceException(shownAs + " 第" + row.line() + "行 county_code: '" + code + "' 重复");
            }
        });
        return new Counties(map);
    }

    public County get(String code) {
        return byCode.get(code);
    }

    public Set<String> codes() {
        return byCode.keySet();
    }

    public Collection<County> all() {
        return byCode.values();
    }
}
