package cn.microcredit.monitor.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Yuan amounts as a supervisor reads them in a detail text: 120,000.00 元. */
final class Money {

    private Money() {
    }

    static String yuan(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount.setScale(2, RoundingMode.HALF_UP)) + " 元";
    }
}
