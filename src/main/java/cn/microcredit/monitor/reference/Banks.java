package cn.microcredit.monitor.reference;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.microcredit.monitor.ingest.FieldException;
import cn.microcredit.monitor.ingest.Values;

/** The banks of one as-of date, from {@code banks.csv} (SPEC 3.2): codes unique, every rate a percentage. */
public final class Banks {

    private final Map<String, Bank> byCode;

    private Banks(Map<String, Bank> byCode) {
        this.byCode = byCode;
    }

    public static Banks of(Collection<Bank> banks) {
        Map<String, Bank> map = new LinkedHashMap<>();
        banks.forEach(b -> map.put(b.code(), b));
        return new Banks(map);
    }

    public static Banks read(Path file) {
        if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ReferenceException(file + ": 文件不存在（banks.csv 为必需输入，列出各机构全部贷款不良率）");
        }
        String notRegular = cn.microcredit.monitor.ingest.InputFiles.notRegular(file);
        if (notRegular != null) {
            // Issue 17, item 6: a FIFO here was reported as missing; say what it is.
            throw new ReferenceException(file + ": " + notRegular);
        }
        Map<String, Bank> map = new LinkedHashMap<>();
        ReferenceCsv.read(file, BankColumn.class, (row, header) -> {
            String code = ReferenceCsv.required(file, row, header, BankColumn.BANK_CODE);
            String name = ReferenceCsv.required(file, row, header, BankColumn.BANK_NAME);
            String rate = ReferenceCsv.required(file, row, header, BankColumn.OVERALL_NPL_PCT);
            BigDecimal nplPct;
            try {
                nplPct = Values.percent(rate);
            } catch (FieldException e) {
                throw new ReferenceException(file + " 第" + row.line() + "行 " + BankColumn.OVERALL_NPL_PCT.display()
                        + ": " + e.getMessage());
            }
            if (nplPct.signum() < 0 || nplPct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new ReferenceException(file + " 第" + row.line() + "行 " + BankColumn.OVERALL_NPL_PCT.display()
                        + ": " + rate + " 不在 0–100（%）之间");
            }
            if (map.putIfAbsent(code, new Bank(code, name, nplPct)) != null) {
                throw new ReferenceException(file + " 第" + row.line() + "行 " + BankColumn.BANK_CODE.display()
                        + ": 机构代码 '" + code + "' 重复");
            }
        });
        return new Banks(map);
    }

    public Bank get(String code) {
        return byCode.get(code);
    }

    public Collection<Bank> all() {
        return byCode.values();
    }

    public java.util.Set<String> codes() {
        return byCode.keySet();
    }
}
