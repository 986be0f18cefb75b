package cn.microcredit.monitor.report.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import cn.microcredit.monitor.report.brief.ExceptionTally.By;
import cn.microcredit.monitor.rules.Rule;

class ExceptionTallyTest {

    @Test
    void countsAndSumsByRuleBankAndCountySeverityFirstThenMostBreaches() {
        ExceptionTally t = new ExceptionTally();
        t.add(Rule.GUARANTEE_REQUIRED, "B1", "210123", new BigDecimal("10000.01"));
        t.add(Rule.GUARANTEE_REQUIRED, "B2", "210123", new BigDecimal("20000.02"));
        t.add(Rule.GUARANTEE_REQUIRED, "B2", "211224", new BigDecimal("30000.03"));
        t.add(Rule.NOT_ON_ROSTER, "B1", "211224", new BigDecimal("5000.00"));
        // A breach whose loan could not be read back counts, with no balance.
        t.add(Rule.NOT_ON_ROSTER, "B1", "211224", null);

        assertThat(t.count()).isEqualTo(5);
        assertThat(t.lines()).extracting(l -> l.rule() + "|" + l.by() + "|" + l.code() + "|" + l.count() + "|"
                + l.balance().toPlainString()).containsExactly(
                // HIGH before MEDIUM though it has fewer breaches.
                "NOT_ON_ROSTER|RULE||2|5000.00",
                "GUARANTEE_REQUIRED|RULE||3|60000.06",
                "NOT_ON_ROSTER|BANK|B1|2|5000.00",
                // Most breaches first within a rule; code order on a tie.
                "GUARANTEE_REQUIRED|BANK|B2|2|50000.05",
                "GUARANTEE_REQUIRED|BANK|B1|1|10000.01",
                "NOT_ON_ROSTER|COUNTY|211224|2|5000.00",
                "GUARANTEE_REQUIRED|COUNTY|210123|2|30000.03",
                "GUARANTEE_REQUIRED|COUNTY|211224|1|30000.03");
        assertThat(By.BANK.label()).isEqualTo("机构");
    }

    @Test
    void anEmptyTallyHasNoLines() {
        assertThat(new ExceptionTally().lines()).isEmpty();
        assertThat(new ExceptionTally().isEmpty()).isTrue();
    }
}
