package cn.microcredit.monitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** PostgreSQL's COPY text format (documentation of COPY, "Text Format"), byte for byte. */
class CopyTextTest {

    private static String written(CopyText out) {
        return new String(Arrays.copyOf(out.bytes(), out.size()), StandardCharsets.UTF_8);
    }

    @Test
    void fieldsAreSeparatedByTabsAndRowsEndInANewline() {
        CopyText out = new CopyText(16);
        out.date(LocalDate.of(2026, 6, 30)).text("LNRCB").number(new BigDecimal("12345.60")).integer(91).bool(true)
                .endRow();
        out.text("ABC-LN").number(new BigDecimal("0.00")).integer(0).bool(false).endRow();

        assertThat(written(out)).isEqualTo("2026-06-30\tLNRCB\t12345.60\t91\tt\nABC-LN\t0.00\t0\tf\n");
    }

    @Test
    void tabNewlineCarriageReturnAndBackslashInTextAreEscapedSoTheyCannotSplitAFieldOrARow() {
        CopyText out = new CopyText(16);
        out.text("a\tb").text("c\nd").text("e\rf").text("g\\h").text("\\N").endRow();

        assertThat(written(out)).isEqualTo("a\\tb\tc\\nd\te\\rf\tg\\\\h\t\\\\N\n");
    }

    @Test
    void nullIsBackslashNWhileEmptyTextIsAnEmptyField() {
        CopyText out = new CopyText(16);
        out.text(null).text("").number(null).date(null).nul().endRow();

        assertThat(written(out)).isEqualTo("\\N\t\t\\N\t\\N\t\\N\n");
    }

    @Test
    void chineseTextIsUtf8AndACharacterBeyondTheBasicPlaneIsOneFourByteSequence() {
        CopyText out = new CopyText(4);
        // 𠀀 (U+20000, CJK extension B) is a surrogate pair in Java.
        out.text("张三").text("\uD840\uDC00").text("é").endRow();

        assertThat(Arrays.copyOf(out.bytes(), out.size())).containsExactly(
                0xE5, 0xBC, 0xA0, 0xE4, 0xB8, 0x89, '\t',
                0xF0, 0xA0, 0x80, 0x80, '\t',
                0xC3, 0xA9, '\n');
        assertThat(written(out)).isEqualTo("张三\t\uD840\uDC00\té\n");
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsJavasOwnEncoderWritesIt() {
        CopyText out = new CopyText(16);
        out.text("a\uD840b").text("\uDC00").endRow();

        assertThat(written(out)).isEqualTo("a?b\t?\n");
        assertThat("a\uD840b".getBytes(StandardCharsets.UTF_8)).isEqualTo("a?b".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulCharacterWhichPostgresqlTextCannotHoldIsWrittenAsTheReplacementCharacterAndCounted() {
        CopyText out = new CopyText(16);
        out.text("张\u0000三").text("a").endRow();
        out.text("\u0000\u0000").endRow();

        assertThat(written(out)).isEqualTo("张\uFFFD三\ta\n\uFFFD\uFFFD\n");
        assertThat(out.nulsReplaced()).isEqualTo(3);
        assertThat(LoanSnapshotTable.text("张\u0000三")).isEqualTo("张\uFFFD三");
        assertThat(LoanSnapshotTable.text("张三")).isEqualTo("张三");
    }

    @Test
    void decimalsAreNeverInExponentForm() {
        CopyText out = new CopyText(16);
        out.number(new BigDecimal("1E+3")).number(new BigDecimal("0.000001")).number(new BigDecimal("3.450000"))
                .endRow();

        assertThat(written(out)).isEqualTo("1000\t0.000001\t3.450000\n");
    }

    @Test
    void resetForgetsTheRowsHandedOnAndStartsAFreshRow() {
        CopyText out = new CopyText(16);
        out.text("a").text("b");
        out.reset();
        out.text("c").endRow();

        assertThat(written(out)).isEqualTo("c\n");
    }

    /**
     * Any text, decoded by the format's rules (a backslash escape is its character, a tab ends a field, a newline a
     * row), is what was written: 2,000 random strings drawn from the characters that matter, seeded.
     */
    @Test
    void randomTextDecodesToItselfByTheFormatsRules() {
        Random random = new Random(20261129);
        String alphabet = "\t\n\r\\Na b,\"'=张三𠀀é";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                // Keep a surrogate pair whole.
                if (Character.isHighSurrogate(c)) {
                    s.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    s.append(c);
                }
            }
            CopyText out = new CopyText(4);
            out.text(s.toString()).text("x").endRow();

            assertThat(decode(written(out))).as("'%s'", s).containsExactly(s.toString(), "x");
        }
    }

    /** One row of COPY text, decoded as the server would: fields of a single line. */
    private static String[] decode(String row) {
        assertThat(row).endsWith("\n");
        String line = row.substring(0, row.length() - 1);
        assertThat(line).doesNotContain("\n", "\r");
        String[] fields = line.split("\t", -1);
        for (int f = 0; f < fields.length; f++) {
            StringBuilder out = new StringBuilder();
            String s = fields[f];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '\\' -> '\\';
                    default -> throw new AssertionError("unexpected escape \\" + next + " in " + row);
                });
            }
            fields[f] = out.toString();
        }
        return fields;
    }
}
