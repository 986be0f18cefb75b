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
    void givesTheRuleByBankMatrixAndEachCountyBySeverity() {
        ExceptionTally t = new ExceptionTally();
        t.add(Rule.GUARANTEE_REQUIRED, "B1", "210123", new BigDecimal("10000.01"));
        t.add(Rule.GUARANTEE_REQUIRED, "B2", "210123", new BigDecimal("20000.02"));
        t.add(Rule.GUARANTEE_REQUIRED, "B2", "211224", new BigDecimal("30000.03"));
        t.add(Rule.NOT_ON_ROSTER, "B1", "211224", new BigDecimal("5000.00"));
        t.add(Rule.NOT_ON_ROSTER, "B1", "211224", null);
        t.add(Rule.INVALID_ID_NUMBER, "B2", "210124", new BigDecimal("1.00"));

        assertThat(t.rules()).containsExactly(Rule.NOT_ON_ROSTER, Rule.GUARANTEE_REQUIRED, Rule.INVALID_ID_NUMBER);
        assertThat(t.countAtBank(Rule.GUARANTEE_REQUIRED, "B2")).isEqualTo(2);
        assertThat(t.countAtBank(Rule.NOT_ON_ROSTER, "B2")).isZero();
        assertThat(t.countAtBank(Rule.AMOUNT_OVER_LIMIT, "B1")).isZero();
        assertThat(t.count(Rule.GUARANTEE_REQUIRED)).isEqualTo(3);
        assertThat(t.balance(Rule.GUARANTEE_REQUIRED)).isEqualByComparingTo("60000.06");
        assertThat(t.countInCounty(Rule.NOT_ON_ROSTER, "211224")).isEqualTo(2);
        // Most breaches first, then code; HIGH / MEDIUM / LOW counted apart.
        assertThat(t.counties()).extracting(c -> c.code() + "|" + c.count() + "|" + c.high() + "/" + c.medium() + "/"
                + c.low() + "|" + c.balance().toPlainString()).containsExactly(
                "211224|3|2/1/0|35000.03",
                "210123|2|0/2/0|30000.03",
                "210124|1|0/0/1|1.00");
    }

    @Test
    void anEmptyTallyHasNoLines() {
        assertThat(new ExceptionTally().lines()).isEmpty();
        assertThat(new ExceptionTally().isEmpty()).isTrue();
    }
}
