package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.loan.Classification;
import cn.microcredit.monitor.loan.Guarantee;
import cn.microcredit.monitor.loan.Loan;
import cn.microcredit.monitor.loan.Purpose;

/**
 * What migration (SPEC 5.4) and RATE_CHANGED (SPEC 5.3) decode of a stored loan of the comparison date, every other
 * field passed over.
 */
class LoanCodecStatesTest {

    private static Loan loan(String id, String balance, int overdueDays, Classification c) {
        return new Loan("PSBC-LN", id, "211104", "户-" + id, "张三丰", "21010219800515123X", LocalDate.of(2025, 3, 10),
                LocalDate.of(2028, 3, 10), new BigDecimal("1000000000.00"), new BigDecimal(balance),
                new BigDecimal("23.999999"), overdueDays, c, 1, Purpose.ENTERPRISE_USE, Guarantee.PLEDGE, true);
    }

    @Test
    void bankIdBalanceRateOverdueDaysAndClassificationOfEachLoan() {
        ChunkOut out = new ChunkOut();
        LoanCodec.write(out, 2, loan("𠀀-1", "1000000000.00", 361, Classification.LOSS));
        LoanCodec.write(out, 3, loan("L2", "0.00", 0, Classification.NORMAL));
        LoanCodec.write(out, 4, loan("L3", "0.01", 1, Classification.SPECIAL_MENTION));
        List<String> states = new ArrayList<>();

        LoanCodec.readStates(out.compress(ChunkKind.LOANS), (bank, id, cents, rate, days, c) -> states.add(
                bank + "/" + id + "/" + cents + "/" + rate + "/" + days + "/" + c));

        assertThat(states).containsExactly("PSBC-LN/𠀀-1/100000000000/23999999/361/LOSS",
                "PSBC-LN/L2/0/23999999/0/NORMAL", "PSBC-LN/L3/1/23999999/1/SPECIAL_MENTION");
    }
}
