package cn.microcredit.monitor.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates synthetic input folders for the assistance-microcredit risk monitor (SPEC section 3): one folder per
 * as-of date holding {@code banks.csv}, {@code roster.csv} and {@code ledgers/*.csv}, with the same loans carried
 * across the dates. JDK only, no wall clock: the output depends on the arguments alone.
 *
 * <h2>Usage</h2>
 * <pre>
 * java -cp target/test-classes:target/classes cn.microcredit.monitor.tools.SampleDataGenerator --out=DIR [--loans=N] [--seed=S]
 *      [--dates=2026-09-30,2026-10-31,2026-11-30] [--profile=default|realistic]
 * </pre>
 * <ul>
 *   <li>{@code --out} (required): parent folder; writes {@code DIR/<date>/banks.csv}, {@code DIR/<date>/roster.csv},
 *       {@code DIR/<date>/ledgers/<BANK>_<yyyyMMdd>.csv} for each date, and {@code DIR/expected-problems.csv}
 *       (every deliberate reject and policy breach with file, physical line and the code SPEC expects).</li>
 *   <li>{@code --loans} (default 600, at least 100): loans on the books on the first date. About 2.5 % more are
 *       issued per month between dates. {@code --loans=1000000} is the benchmark size: rows are streamed to the files,
 *       and memory is a few primitive arrays per loan (no String per loan is kept).</li>
 *   <li>{@code --seed} (default 81): seed of {@link SplittableRandom}; the same arguments give byte-identical files.</li>
 *   <li>{@code --dates} (default {@code 2026-09-30,2026-10-31,2026-11-30}): strictly increasing as-of dates. The
 *       designed scenario (breach loans with fixed dates) is tuned for the default dates.</li>
 *   <li>{@code --profile} (default {@code default}): {@code default} is the sample data described below (its output
 *       is what {@code sample-data/} holds, byte for byte); {@code realistic} is the benchmark's data set, the same
 *       book with a realistic breach density and six ledgers (see "The realistic profile").</li>
 * </ul>
 *
 * <h2>What is in the ledgers</h2>
 * Five banks send a ledger, each in the style of a real export: {@code LNRCB} (UTF-8, English headers in SPEC order,
 * {@code yyyy-MM-dd}), {@code PSBC-LN} (GB18030, Chinese headers and code values, quoted money with thousands
 * separators, {@code yyyyMMdd}, CRLF), {@code ABC-LN} (UTF-8 with BOM, mixed-case headers, an extra
 * {@code branch_name} column, a header with surrounding spaces, classification 1-5, {@code yyyy/MM/dd}, loan ids with
 * a leading zero), {@code LSB} (UTF-8, shuffled columns, no optional columns, {@code yyyy/M/d}, CRLF) and
 * {@code CZ-VB} (UTF-8, English headers, two blank lines). {@code banks.csv} also lists {@code JZB}, which sends no
 * ledger (the run must end with exit code 3).
 * <p>
 * Risk picture (bank x county cells, threshold T = bank overall NPL + 3 pp): LNRCB x 210123 and PSBC-LN x 211322 are
 * PAUSE on every date, ABC-LN x 210922 is WARN (overdue rate between T-1 and T) on every date, LNRCB x 211321 rises by
 * more than 1 pp from the first to the second date (WARN by growth only) and CZ-VB x 211324 rises from OK to PAUSE.
 * Other cells are kept below T-1.5 and rise by less than 1 pp. On the last date ten deliberately broken rows are
 * added (one per reject reason of SPEC 3.1); about thirty loans carry one designed policy breach each, or are
 * boundary cases that must NOT raise an exception. See {@code expected-problems.csv}.
 *
 * <h2>The realistic profile ({@code --profile=realistic})</h2>
 * The default profile's book has very few breaches (the thirty designed loans and about 1.5 % of loans in households
 * borrowing at two banks); real ledgers break the policy far more often. This profile starts from the same book, drawn
 * from the same random stream, and changes it before the overdue selection (so the designed cells are tuned on the
 * changed book and keep their status; a background cell may come out differently):
 * <ul>
 *   <li>{@code JZB} (锦州银行) sends a ledger: it takes over about 60 % of LNRCB's loans in six counties of Jinzhou,
 *       Fuxin, Liaoyang and Huludao (about 5 % of all loans). Its export: UTF-8 with BOM, CRLF, a {@code 序号} column
 *       first (ignored by the job), Chinese headers in its own order, Chinese code values, {@code yyyy/MM/dd}, plain
 *       money. With every bank of {@code banks.csv} sending rows, a run exits 0 (3 only if a file is rejected whole).</li>
 *   <li>About 5.5 % of loans get one breach trait, drawn once per loan from its own seeded generator and kept on every
 *       date: amount over the limit (120,000-200,000 for an assistance loan, 60,000-80,000 for a legacy one), a 4-5
 *       year term without renewal, a borrower aged 66-71 or 17 at issue (assistance loans), renewed twice,
 *       a non-productive purpose or 企业使用, a guarantee or collateral, a household absent from the roster or removed
 *       from it before the issue date, a household on the roster in another county, a rate repriced on every date
 *       (RATE_CHANGED from the second date), a wrong ID check digit, a household at two banks in the same county
 *       (sometimes two assistance loans over 100,000 together), a bullet loan past maturity with its full balance and
 *       no overdue days, a renewed loan classified 关注 while current, a new loan issued in a PAUSE cell
 *       (LENDING_AFTER_PAUSE on the next date), and overdue loans left 正常 while 1-90 days overdue. Rules that
 *       need a column LSB's export lacks (renewal, purpose, guarantee) are not given to LSB's loans. Every breach row
 *       is still accepted by validation.</li>
 *   <li>With the default profile's multi-bank households, about 7 % of ledger rows have at least one exception (7.01 %
 *       on the last date at 200,000 loans, checked with the job); the generator prints the expected count per rule
 *       and date. The roster keeps about 1.2 rows per loan.</li>
 *   <li>{@code expected-problems.csv} still itemises only the designed loans, the default profile's multi-bank
 *       households and the ten deliberate rejects; the realistic breaches (about 170,000 rows over three dates at the
 *       benchmark size) are only counted, on the console.</li>
 * </ul>
 * Both profiles stream the rows; the realistic one keeps one more byte per loan.
 */
public final class SampleDataGenerator {

    // ------------------------------------------------------------------ reference data (GB/T 2260, Liaoning)

    /** County codes used, all in the built-in county reference, resources/reference/liaoning-counties.csv (13 cities). */
    static final String[] COUNTY = {
        "210123", "210124", "210181", "210224", "210283", "210323", "210421", "210422", "210423",
        "210521", "210522", "210624", "210726", "210727", "210921", "210922", "211021", "211122",
        "211221", "211223", "211224", "211321", "211322", "211324", "211421", "211422"};
    /** Their names, from the county reference itself (never a list of our own that could drift from it). */
    static final String[] COUNTY_NAME = countyNames(COUNTY);
    /** A real GB/T 2260 code outside Liaoning (吉林省农安县), used for the UNKNOWN_COUNTY row. */
    static final String FOREIGN_COUNTY = "220122";

    /** NBANKS: the banks that send a ledger in the default profile; JZB sends one in the realistic profile only. */
    static final int LNRCB = 0, PSBC = 1, ABC = 2, LSB = 3, CZVB = 4, NBANKS = 5, JZB = 5, NALL = 6;
    static final String[] BANK = {"LNRCB", "PSBC-LN", "ABC-LN", "LSB", "CZ-VB", "JZB"};
    static final String[] BANK_NAME = {"辽宁农商银行", "中国邮政储蓄银行辽宁省分行", "中国农业银行辽宁省分行", "辽沈银行", "朝阳某村镇银行"};
    static final String[] BANK_NPL = {"3.40", "1.25", "1.35", "2.60", "3.20"};
    static final double[] BANK_NPL_D = {3.40, 1.25, 1.35, 2.60, 3.20, 3.15};
    static final String SILENT_BANK = "JZB", SILENT_BANK_NAME = "锦州银行", SILENT_BANK_NPL = "3.15";
    static final double[] BANK_SHARE = {0.40, 0.20, 0.15, 0.12, 0.13};
    static final String[] BRANCH_PREFIX = {"辽宁农商银行", "邮储银行", "中国农业银行", "辽沈银行", "朝阳某村镇银行", "锦州银行"};
    static final int[][] BANK_RATES_BP = {{435, 435, 405, 395}, {385, 365, 345}, {345, 355, 365}, {395, 410, 435},
        {435, 420}, {420, 435, 450}};
    /** Counties each bank lends in, with a weight (number of borrowers, roughly). */
    static final String[][] BANK_COUNTIES = {
        {"210123:4", "210124:1", "210181:1", "210224:1", "210283:1", "210323:1", "210421:1", "210422:1", "210423:1",
            "210521:1", "210522:1", "210624:1", "210726:1", "210727:1", "210921:2", "210922:2", "211021:1",
            "211122:1", "211221:1", "211223:1", "211224:2", "211321:5", "211322:2", "211324:2", "211421:1",
            "211422:2"},
        {"211322:5", "211321:2", "210921:2", "210922:1", "211224:2", "211422:1", "210727:1", "210323:1", "210422:1",
            "210624:1", "211421:1", "210181:1"},
        {"210922:5", "210921:2", "211224:2", "211221:1", "210726:1", "210283:1", "210124:1", "211122:1"},
        {"210123:1", "210124:2", "210181:2", "211021:2", "210421:1", "210521:1"},
        {"211321:1", "211322:1", "211324:2"}};
    static final int[][] BC_COUNTY = new int[NBANKS][];
    static final int[][] BC_WEIGHT = new int[NBANKS][];
    static final int[] COUNTY_WEIGHT = new int[COUNTY.length];

    static {
        for (int b = 0; b < NBANKS; b++) {
            BC_COUNTY[b] = new int[BANK_COUNTIES[b].length];
            BC_WEIGHT[b] = new int[BANK_COUNTIES[b].length];
            for (int j = 0; j < BANK_COUNTIES[b].length; j++) {
                String[] p = BANK_COUNTIES[b][j].split(":");
                BC_COUNTY[b][j] = ci(p[0]);
                BC_WEIGHT[b][j] = Integer.parseInt(p[1]);
                COUNTY_WEIGHT[BC_COUNTY[b][j]] += BC_WEIGHT[b][j];
            }
        }
    }

    // ------------------------------------------------------------------ codes

    static final String[] CLS_EN = {"NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS"};
    static final String[] CLS_ZH = {"正常", "关注", "次级", "可疑", "损失"};
    static final int PLANTING = 0, BREEDING = 1, PROCESSING = 2, COMMERCE = 3, SERVICE = 4, OTHER_PRODUCTIVE = 5,
        MARRIAGE = 6, HOUSING = 7, WEALTH = 8, HOUSEHOLD_GOODS = 9, ENTERPRISE_USE = 10;
    static final String[] PURPOSE_EN = {"PLANTING", "BREEDING", "PROCESSING", "COMMERCE", "SERVICE", "OTHER_PRODUCTIVE",
        "MARRIAGE", "HOUSING", "WEALTH", "HOUSEHOLD_GOODS", "ENTERPRISE_USE"};
    static final String[] PURPOSE_ZH = {"种植", "养殖", "加工", "商贸流通", "服务", "其他生产经营", "结婚", "建房", "理财",
        "购置家庭用品", "企业使用"};
    static final int[] PURPOSE_WEIGHT = {45, 33, 5, 8, 5, 4};
    static final int CREDIT = 0, GUARANTEE = 1;
    static final String[] GUAR_EN = {"CREDIT", "GUARANTEE", "MORTGAGE", "PLEDGE"};
    static final String[] GUAR_ZH = {"信用", "保证", "抵押", "质押"};

    static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
        + "卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤关佟那鲍";
    static final String GIVEN_M = "国志建军明伟强永德福海春成文立新玉宝庆山林刚平东辉忠贵生友宏勇长喜胜利富军学";
    static final String GIVEN_F = "淑秀桂玉凤兰英芳霞丽红艳华敏静春梅琴荣云娟燕萍金杰素翠香珍莲";

    // ------------------------------------------------------------------ ledger styles

    static final String[] EN_HEADERS = {"loan_id", "bank_code", "county_code", "household_id", "borrower_name",
        "borrower_id_number", "issue_date", "maturity_date", "amount", "balance", "annual_rate", "overdue_days",
        "classification", "renewal_count", "purpose_code", "guarantee", "large_need"};
    static final String[] ZH_HEADERS = {"借据号", "机构代码", "县区代码", "户编号", "借款人姓名", "身份证号", "发放日期", "到期日期",
        "贷款金额", "贷款余额", "执行年利率", "逾期天数", "五级分类", "续贷展期次数", "贷款用途", "担保方式", "大额生产需求"};
    static final int F_LOAN = 0, F_BANK = 1, F_COUNTY = 2, F_HH = 3, F_NAME = 4, F_IDNO = 5, F_ISSUE = 6, F_MAT = 7,
        F_AMT = 8, F_BAL = 9, F_RATE = 10, F_DAYS = 11, F_CLASS = 12, F_RENEW = 13, F_PURPOSE = 14, F_GUAR = 15,
        F_LARGE = 16, NFIELDS = 17, F_BRANCH = -1, F_SERIAL = -2;
    static final int[] SPEC_ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static final String[] ABC_HEADERS = {"Loan_ID", "BANK_CODE", "branch_name", "County_Code", "Household_ID",
        "Borrower_Name", "Borrower_ID_Number", "Issue_Date", "Maturity_Date", "Amount", " Balance ", "Annual_Rate",
        "Overdue_Days", "Classification", "Renewal_Count", "Purpose_Code", "Guarantee", "Large_Need"};
    static final int[] ABC_ORDER = {0, 1, F_BRANCH, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static final int[] LSB_ORDER = {F_COUNTY, F_LOAN, F_NAME, F_IDNO, F_HH, F_AMT, F_BAL, F_ISSUE, F_MAT, F_RATE,
        F_CLASS, F_DAYS, F_BANK};
    /** JZB (realistic profile only): an Excel export with a 序号 column first and the Chinese headers in its own order. */
    static final String[] JZB_HEADERS = {"序号", "机构代码", "借据号", "借款人姓名", "身份证号", "户编号", "县区代码", "贷款金额",
        "贷款余额", "发放日期", "到期日期", "执行年利率", "五级分类", "逾期天数", "续贷展期次数", "贷款用途", "担保方式", "大额生产需求"};
    static final int[] JZB_ORDER = {F_SERIAL, F_BANK, F_LOAN, F_NAME, F_IDNO, F_HH, F_COUNTY, F_AMT, F_BAL, F_ISSUE,
        F_MAT, F_RATE, F_CLASS, F_DAYS, F_RENEW, F_PURPOSE, F_GUAR, F_LARGE};
    static final int DATE_ISO = 0, DATE_COMPACT = 1, DATE_SLASH = 2, DATE_SLASH_SHORT = 3;

    /** Column order per bank. */
    static final int[][] ORDER = {SPEC_ORDER, SPEC_ORDER, ABC_ORDER, LSB_ORDER, SPEC_ORDER, JZB_ORDER};
    static final int[] DATE_STYLE = {DATE_ISO, DATE_COMPACT, DATE_SLASH, DATE_SLASH_SHORT, DATE_ISO, DATE_SLASH};
    static final String[] EOL = {"\n", "\r\n", "\n", "\r\n", "\n", "\r\n"};
    static final Charset[] CHARSET = {StandardCharsets.UTF_8, Charset.forName("GB18030"), StandardCharsets.UTF_8,
        StandardCharsets.UTF_8, StandardCharsets.UTF_8, StandardCharsets.UTF_8};
    static final boolean[] BOM = {false, false, true, false, false, true};
    /** CZ-VB's file gets a blank line after these loan rows. */
    static final int[] CZVB_BLANK_AFTER = {7, 33};

    // ------------------------------------------------------------------ designed cells and sentinels

    static final int NEVER = Integer.MAX_VALUE;
    static final int BULLET = 0, INSTALMENT = 1;
    static final int FL_LARGE = 1, FL_ALT_CREDIT_LABEL = 2, FL_SHARED_OWNER = 4, FL_SHARED_OTHER = 8;
    static final int CELL_P1 = 1, CELL_P2 = 2, CELL_W1 = 3, CELL_R1 = 4, CELL_R2 = 5;
    static final String[] CELL_TAG = {"", "P1", "P2", "W1", "R1", "R2"};
    static final int LEGACY_BEFORE = day("2026-02-26");
    static final int ROSTER_DEFAULT = 0, ROSTER_NONE = 1, ROSTER_REMOVED = 2, ROSTER_CAME_BACK = 3;

    // ------------------------------------------------------------------ realistic profile

    static final String PROFILE_DEFAULT = "default", PROFILE_REALISTIC = "realistic";
    /**
     * Breach kinds of the realistic profile: a trait of one loan (or, for the pair, of one household at two banks),
     * drawn once and kept on every date, so a loan breaches the same way on every date it is outstanding (except where
     * the rule itself looks at the date: a floating rate changes on every date, lending after a pause fires on the date
     * after the issue, a loan not downgraded is misclassified while 1-90 days overdue).
     */
    static final int K_NONE = 0, K_AMOUNT = 1, K_TERM = 2, K_AGE = 3, K_RENEWAL = 4, K_PURPOSE = 5, K_ENTERPRISE = 6,
        K_GUARANTEE = 7, K_ROSTER_NONE = 8, K_ROSTER_REMOVED = 9, K_ROSTER_COUNTY = 10, K_FLOAT_RATE = 11,
        K_BAD_ID = 12, K_PAIR_OWNER = 13, K_PAIR_OTHER = 14, K_MATURED = 15, K_RENEWAL_SM = 16, K_PAUSED_CELL = 17,
        K_NO_DOWNGRADE = 18, NKINDS = 19, K_HOUSEHOLD_OVER = NKINDS;
    /** The rule each kind breaks, as the job names it (K_HOUSEHOLD_OVER: the pairs over the household limit). */
    static final String[] KIND_RULE = {"", "AMOUNT_OVER_LIMIT", "TERM_OVER_LIMIT", "AGE_OUT_OF_RANGE",
        "RENEWAL_OVER_LIMIT", "NON_PRODUCTIVE_PURPOSE", "ENTERPRISE_USE", "GUARANTEE_REQUIRED",
        "NOT_ON_ROSTER (absent)", "NOT_ON_ROSTER (removed before issue)", "ROSTER_COUNTY_MISMATCH", "RATE_CHANGED",
        "INVALID_ID_NUMBER", "", "MULTIPLE_OUTSTANDING_LOANS (two banks)", "MATURED_NOT_OVERDUE",
        "DOWNGRADED_FOR_RENEWAL", "LENDING_AFTER_PAUSE", "MISCLASSIFIED", "HOUSEHOLD_OVER_LIMIT"};
    /**
     * Chance in 10,000 that a loan draws kinds K_AMOUNT..K_PAIR_OWNER (one draw a loan); a loan that cannot carry the
     * kind drawn (see {@link #realisticBreaches()}) keeps none. Tuned for about 7 % of ledger rows with at least one
     * exception, the default profile's multi-bank households (about 1.5 %) included.
     */
    static final int[] KIND_PER_10K = {0, 38, 45, 110, 28, 95, 20, 85, 55, 30, 22, 38, 10, 45};
    /** Counties where JZB (锦州银行) takes over part of LNRCB's loans in the realistic profile, and how much, in %. */
    static final String[] JZB_COUNTIES = {"210726", "210727", "210921", "211021", "211421", "211422"};
    static final int JZB_TAKES_PCT = 60;

    // ------------------------------------------------------------------ state

    private final Path out;
    private final int nBook;
    private final long seed;
    private final int[] dates;
    private final int nDates;
    private final boolean realistic;
    /** Banks that send a ledger: NBANKS, or NALL in the realistic profile (cells are nBanks x counties). */
    private final int nBanks;

    private int nTotal;
    private byte[] bank, county, regCounty, type, termM, renewal, purpose, flags;
    private int[] issue, maturity, perfSettle, amount, owner, hhSeq, onset, cure, frozen;
    private short[] rateBp;
    private short[] specialId;
    private final List<Special> specials = new ArrayList<>();
    private final Map<String, Special> specialByTag = new HashMap<>();
    private byte[] extraCounty;
    private int[] extraSeq;
    private final int[] hhCounter = new int[COUNTY.length];
    private int[] cellStart, members;
    private byte[] designed;
    private double[] bgLo, bgHi;
    private final List<String[]> manifest = new ArrayList<>();

    // scratch results of eval()
    private boolean stPresent;
    private long stBal;
    private int stDays, stCls;
    // scratch person
    private String pName;
    private int pBirth, pSeq;
    // scratch cell aggregate during selection
    private long cB, cOB, cNB;
    // realistic profile: each loan's breach kind (null in the default profile), and what the ledgers got of them
    private byte[] kind;
    private long[][] kindOnDate;
    private long[] presentOnDate, breachingOnDate;

    SampleDataGenerator(Path out, int nBook, long seed, int[] dates) {
        this(out, nBook, seed, dates, false);
    }

    SampleDataGenerator(Path out, int nBook, long seed, int[] dates, boolean realistic) {
        this.out = out;
        this.nBook = nBook;
        this.seed = seed;
        this.dates = dates;
        this.nDates = dates.length;
        this.realistic = realistic;
        this.nBanks = realistic ? NALL : NBANKS;
    }

    // ================================================================== main

    public static void main(String[] args) {
        Path out = null;
        int loans = 600;
        long seed = 81L;
        String datesArg = "2026-09-30,2026-10-31,2026-11-30";
        String profile = PROFILE_DEFAULT;
        for (String a : args) {
            try {
                if (a.startsWith("--out=")) {
                    out = Paths.get(a.substring(6));
                } else if (a.startsWith("--loans=")) {
                    loans = Integer.parseInt(a.substring(8).trim());
                } else if (a.startsWith("--seed=")) {
                    seed = Long.parseLong(a.substring(7).trim());
                } else if (a.startsWith("--dates=")) {
                    datesArg = a.substring(8);
                } else if (a.startsWith("--profile=")) {
                    profile = a.substring(10).trim();
                } else if (a.equals("--help") || a.equals("-h")) {
                    usage();
                    return;
                } else {
                    fail("unknown argument: " + a);
                }
            } catch (NumberFormatException e) {
                fail("not a number in " + a);
            }
        }
        if (out == null || out.toString().isEmpty()) {
            fail("--out=DIR is required");
        }
        if (loans < 100 || loans > 20_000_000) {
            fail("--loans must be between 100 and 20000000");
        }
        if (!profile.equals(PROFILE_DEFAULT) && !profile.equals(PROFILE_REALISTIC)) {
            fail("--profile must be " + PROFILE_DEFAULT + " or " + PROFILE_REALISTIC + ": " + profile);
        }
        String[] ds = datesArg.split(",");
        int[] dates = new int[ds.length];
        for (int k = 0; k < ds.length; k++) {
            try {
                dates[k] = (int) LocalDate.parse(ds[k].trim()).toEpochDay();
            } catch (DateTimeParseException e) {
                fail("--dates: not a yyyy-MM-dd date: " + ds[k]);
            }
            if (k > 0 && dates[k] <= dates[k - 1]) {
                fail("--dates must be strictly increasing");
            }
        }
        try {
            new SampleDataGenerator(out, loans, seed, dates, profile.equals(PROFILE_REALISTIC)).run();
        } catch (IOException | RuntimeException e) {
            System.err.println("SampleDataGenerator failed: " + e);
            System.exit(1);
        }
    }

    private static void usage() {
        System.out.println("usage: java -cp target/test-classes:target/classes cn.microcredit.monitor.tools.SampleDataGenerator"
            + " --out=DIR [--loans=N] [--seed=S] [--dates=2026-09-30,2026-10-31,2026-11-30] [--profile=default|realistic]");
    }

    private static void fail(String msg) {
        System.err.println("SampleDataGenerator: " + msg);
        System.err.println("usage: java -cp target/test-classes:target/classes cn.microcredit.monitor.tools.SampleDataGenerator"
            + " --out=DIR [--loans=N] [--seed=S] [--dates=2026-09-30,2026-10-31,2026-11-30] [--profile=default|realistic]");
        System.exit(2);
    }

    void run() throws IOException {
        buildUniverse();
        if (realistic) {
            realisticBanks();
            realisticBreaches();
        }
        selectOverdue();
        if (realistic) {
            realisticAfterSelection();
            kindOnDate = new long[nDates][NKINDS + 1];
            presentOnDate = new long[nDates];
            breachingOnDate = new long[nDates];
        }
        Files.createDirectories(out);
        for (int k = 0; k < nDates; k++) {
            writeDate(k);
        }
        writeManifest();
        printSummary();
    }

    // ================================================================== universe

    private void buildUniverse() {
        int[] newCount = new int[nDates];
        nTotal = nBook;
        for (int k = 1; k < nDates; k++) {
            int gap = dates[k] - dates[k - 1];
            newCount[k] = Math.max(3, (int) Math.round(nBook * 0.025 * gap / 30.44));
            nTotal += newCount[k];
        }
        int n = nTotal;
        bank = new byte[n];
        county = new byte[n];
        regCounty = new byte[n];
        type = new byte[n];
        termM = new byte[n];
        renewal = new byte[n];
        purpose = new byte[n];
        flags = new byte[n];
        issue = new int[n];
        maturity = new int[n];
        perfSettle = new int[n];
        amount = new int[n];
        owner = new int[n];
        hhSeq = new int[n];
        onset = new int[n];
        cure = new int[n];
        frozen = new int[n];
        rateBp = new short[n];
        specialId = new short[n];
        Arrays.fill(onset, NEVER);
        Arrays.fill(cure, NEVER);

        defineSpecials();
        List<Special> book = new ArrayList<>();
        for (Special s : specials) {
            if (!s.isNew) {
                book.add(s);
            }
        }
        int stride = Math.max(2, (nBook - 10) / book.size());
        for (int j = 0; j < book.size(); j++) {
            book.get(j).index = 5 + j * stride;
        }
        for (Special s : specials) {
            if (s.isNew) {
                s.index = nBook; // first loan issued after the first date
            }
        }
        for (int j = 0; j < specials.size(); j++) {
            specialId[specials.get(j).index] = (short) (j + 1);
        }

        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < nBook; i++) {
            if (specialId[i] != 0) {
                applySpecial(i);
            } else {
                genBook(i, r);
            }
        }
        int i = nBook;
        for (int k = 1; k < nDates; k++) {
            for (int j = 0; j < newCount[k]; j++, i++) {
                if (specialId[i] != 0) {
                    applySpecial(i);
                } else {
                    genNew(i, k, r);
                }
            }
        }
        int nExtra = nBook / 5;
        extraCounty = new byte[nExtra];
        extraSeq = new int[nExtra];
        int[] all = new int[COUNTY.length];
        for (int c = 0; c < COUNTY.length; c++) {
            all[c] = c;
        }
        for (int e = 0; e < nExtra; e++) {
            int c = pickWeighted(r, all, COUNTY_WEIGHT);
            extraCounty[e] = (byte) c;
            extraSeq[e] = ++hhCounter[c];
        }
    }

    private void genBook(int i, SplittableRandom r) {
        int d1 = dates[0];
        boolean share = i > 0 && specialId[i - 1] == 0 && owner[i - 1] == i - 1
            && (flags[i - 1] & FL_SHARED_OWNER) == 0 && amount[i - 1] <= 9_000_000 && r.nextInt(1000) < 10;
        int b;
        int c;
        if (share) {
            c = county[i - 1];
            int[] others = new int[NBANKS];
            int no = 0;
            for (int bb = 0; bb < NBANKS; bb++) {
                if (bb != bank[i - 1] && serves(bb, c)) {
                    others[no++] = bb;
                }
            }
            if (no == 0) {
                share = false;
                b = pickBank(r);
                c = pickWeighted(r, BC_COUNTY[b], BC_WEIGHT[b]);
            } else {
                b = others[r.nextInt(no)];
            }
        } else {
            b = pickBank(r);
            c = pickWeighted(r, BC_COUNTY[b], BC_WEIGHT[b]);
        }
        int from = (int) LocalDate.ofEpochDay(d1).minusMonths(36).toEpochDay() + 1;
        int is;
        int tm;
        int ty;
        int mat;
        int ren;
        int settle;
        while (true) {
            is = sampleIssue(r, from, d1 - 1);
            tm = pickTerm(r);
            ty = r.nextInt(100) < 40 ? INSTALMENT : BULLET;
            mat = plusMonths(is, tm);
            ren = 0;
            if (ty == BULLET && mat < d1 - 90 && r.nextInt(100) < 35) {
                ren = 1; // extended once by a year (展期)
                mat = plusMonths(mat, 12);
            }
            settle = mat;
            if (r.nextInt(100) < 12) {
                int span = mat - is - 91;
                if (span > 0) {
                    settle = is + 91 + r.nextInt(span);
                }
            }
            if (settle > d1 - 90) {
                break;
            }
        }
        fillLoan(i, r, b, c, is, tm, ty, mat, ren, settle);
        if (share) {
            owner[i] = i - 1;
            regCounty[i] = regCounty[i - 1];
            hhSeq[i] = hhSeq[i - 1];
            flags[i - 1] |= FL_SHARED_OWNER;
            flags[i] |= FL_SHARED_OTHER;
            long cap = 10_000_000L - amount[i - 1];
            if (amount[i] > cap) {
                amount[i] = (int) Math.max(1_000_000L, cap / 100_000L * 100_000L);
            }
            if (amount[i] <= 5_000_000) {
                flags[i] &= ~FL_LARGE;
            }
        } else {
            owner[i] = i;
            regCounty[i] = (byte) c;
            hhSeq[i] = ++hhCounter[c];
        }
    }

    private void genNew(int i, int k, SplittableRandom r) {
        int b = pickBank(r);
        int c = pickWeighted(r, BC_COUNTY[b], BC_WEIGHT[b]);
        int guard = 0;
        while (pausedByDesign(b * COUNTY.length + c, k - 1) && guard++ < 50) {
            c = pickWeighted(r, BC_COUNTY[b], BC_WEIGHT[b]);
        }
        if (pausedByDesign(b * COUNTY.length + c, k - 1)) {
            b = LNRCB;
            c = ci("210224");
        }
        int is = dates[k - 1] + 1 + r.nextInt(dates[k] - dates[k - 1]);
        int tm = pickTerm(r);
        int ty = r.nextInt(100) < 40 ? INSTALMENT : BULLET;
        int mat = plusMonths(is, tm);
        fillLoan(i, r, b, c, is, tm, ty, mat, 0, mat);
        owner[i] = i;
        regCounty[i] = (byte) c;
        hhSeq[i] = ++hhCounter[c];
    }

    private void fillLoan(int i, SplittableRandom r, int b, int c, int is, int tm, int ty, int mat, int ren,
                          int settle) {
        bank[i] = (byte) b;
        county[i] = (byte) c;
        issue[i] = is;
        termM[i] = (byte) tm;
        type[i] = (byte) ty;
        maturity[i] = mat;
        renewal[i] = (byte) ren;
        perfSettle[i] = settle;
        boolean assistance = is >= LEGACY_BEFORE;
        int yuan;
        if (assistance && r.nextInt(100) < 8) {
            yuan = new int[]{60_000, 80_000, 100_000}[r.nextInt(3)];
            flags[i] |= FL_LARGE;
        } else {
            int x = r.nextInt(100);
            yuan = x < 6 ? 10_000 : x < 10 ? 15_000 : x < 30 ? 20_000 : x < 55 ? 30_000 : x < 58 ? 35_000
                : x < 65 ? 40_000 : 50_000;
        }
        amount[i] = yuan * 100;
        int[] rates = BANK_RATES_BP[b];
        rateBp[i] = (short) rates[r.nextInt(rates.length)];
        purpose[i] = (byte) pickWeighted(r, new int[]{0, 1, 2, 3, 4, 5}, PURPOSE_WEIGHT);
        if (b == PSBC && r.nextInt(100) < 20) {
            flags[i] |= FL_ALT_CREDIT_LABEL;
        }
    }

    private void applySpecial(int i) {
        Special s = specials.get(specialId[i] - 1);
        bank[i] = (byte) s.bank;
        county[i] = (byte) s.county;
        issue[i] = s.issue;
        maturity[i] = s.maturity;
        type[i] = BULLET;
        termM[i] = (byte) Math.min(120, ChronoUnit.MONTHS.between(LocalDate.ofEpochDay(s.issue),
            LocalDate.ofEpochDay(s.maturity)));
        renewal[i] = (byte) s.renewal;
        perfSettle[i] = s.perfSettle;
        amount[i] = s.amountCents;
        rateBp[i] = (short) s.rateBp;
        purpose[i] = (byte) s.purpose;
        flags[i] = (byte) (s.largeNeed ? FL_LARGE : 0);
        onset[i] = s.onset;
        frozen[i] = s.frozen;
        if (s.ownerTag != null) {
            int o = specialByTag.get(s.ownerTag).index;
            owner[i] = o;
            regCounty[i] = regCounty[o];
            hhSeq[i] = hhSeq[o];
        } else {
            owner[i] = i;
            regCounty[i] = (byte) s.regCounty;
            hhSeq[i] = ++hhCounter[s.regCounty];
        }
    }

    private boolean pausedByDesign(int cell, int k) {
        int tag = designedTag(cell);
        return tag == CELL_P1 || tag == CELL_P2 || (tag == CELL_R2 && k >= 1);
    }

    static int designedTag(int cell) {
        int b = cell / COUNTY.length;
        String c = COUNTY[cell % COUNTY.length];
        if (b == LNRCB && c.equals("210123")) {
            return CELL_P1;
        }
        if (b == PSBC && c.equals("211322")) {
            return CELL_P2;
        }
        if (b == ABC && c.equals("210922")) {
            return CELL_W1;
        }
        if (b == LNRCB && c.equals("211321")) {
            return CELL_R1;
        }
        if (b == CZVB && c.equals("211324")) {
            return CELL_R2;
        }
        return 0;
    }

    // ================================================================== special (designed) loans

    static final class Special {
        final String tag;
        String note = "";
        int bank, county, regCounty, issue, maturity, perfSettle, amountCents, rateBp;
        int rateLaterBp = -1, renewal, purpose, guarantee = CREDIT;
        boolean largeNeed, badCheck, isNew, rulesOnSecondDateOnly;
        int onset = NEVER, frozen, fixedBal = -1, cls = -1, birth = NEVER;
        int rosterMode = ROSTER_DEFAULT;
        int[] rosterDates = {};
        String[] rules = {};
        String[] mustNot = {};
        String ownerTag;
        int index = -1;

        Special(String tag) {
            this.tag = tag;
        }
    }

    private Special sp(String tag, int b, String countyCode, int issueDay, int months, int yuan, int rate,
                       int purp) {
        Special s = new Special(tag);
        s.bank = b;
        s.county = ci(countyCode);
        s.regCounty = s.county;
        s.issue = issueDay;
        s.maturity = plusMonths(issueDay, months);
        s.perfSettle = s.maturity;
        s.amountCents = yuan * 100;
        s.rateBp = rate;
        s.purpose = purp;
        specials.add(s);
        specialByTag.put(tag, s);
        return s;
    }

    private void defineSpecials() {
        int d1 = dates[0];
        int dl = dates[nDates - 1];
        Special s;
        s = sp("S1", ABC, "210283", day("2026-05-18"), 24, 120_000, 345, BREEDING);
        s.largeNeed = true;
        s.rules = new String[]{"AMOUNT_OVER_LIMIT"};
        s.note = "ASSISTANCE loan of 120,000 (limit 100,000, large_need Y)";

        s = sp("S2", LNRCB, "210181", day("2024-04-12"), 60, 40_000, 435, PLANTING);
        s.rules = new String[]{"TERM_OVER_LIMIT"};
        s.note = "term 5 years (2024-04-12 to 2029-04-12) with renewal_count 0";

        s = sp("S3", LNRCB, "210727", day("2026-04-08"), 12, 20_000, 435, BREEDING);
        s.birth = day("1958-03-02");
        s.rules = new String[]{"AGE_OUT_OF_RANGE"};
        s.note = "ASSISTANCE, borrower born 1958-03-02 (ID number), aged 68 at issue";

        s = sp("S4", PSBC, "211421", day("2023-06-15"), 24, 30_000, 385, PLANTING);
        s.maturity = day("2026-12-15");
        s.perfSettle = s.maturity;
        s.renewal = 2;
        s.rules = new String[]{"RENEWAL_OVER_LIMIT"};
        s.note = "续贷展期次数 2 (maturity extended twice to 2026-12-15)";

        s = sp("S5", PSBC, "210727", day("2026-06-03"), 24, 30_000, 385, MARRIAGE);
        s.rules = new String[]{"NON_PRODUCTIVE_PURPOSE"};
        s.note = "贷款用途 结婚 (MARRIAGE)";

        s = sp("S6", CZVB, "211322", day("2025-04-20"), 36, 50_000, 435, HOUSING);
        s.rules = new String[]{"NON_PRODUCTIVE_PURPOSE"};
        s.note = "LEGACY loan, purpose_code HOUSING";

        s = sp("S7", ABC, "211224", day("2025-03-26"), 36, 50_000, 345, ENTERPRISE_USE);
        s.rules = new String[]{"ENTERPRISE_USE"};
        s.note = "purpose_code ENTERPRISE_USE (户贷企用)";

        s = sp("S8", PSBC, "210921", day("2026-03-30"), 24, 40_000, 365, BREEDING);
        s.guarantee = GUARANTEE;
        s.rules = new String[]{"GUARANTEE_REQUIRED"};
        s.note = "担保方式 保证 (GUARANTEE)";

        s = sp("S9a", LNRCB, "210921", day("2026-03-16"), 36, 60_000, 405, BREEDING);
        s.largeNeed = true;
        s.rules = new String[]{"MULTIPLE_OUTSTANDING_LOANS", "HOUSEHOLD_OVER_LIMIT"};
        s.note = "household also borrows from PSBC-LN (S9b): 60,000 + 50,000 ASSISTANCE outstanding";

        s = sp("S9b", PSBC, "210921", day("2026-05-11"), 24, 50_000, 385, PLANTING);
        s.ownerTag = "S9a";
        s.rules = new String[]{"MULTIPLE_OUTSTANDING_LOANS", "HOUSEHOLD_OVER_LIMIT"};
        s.note = "same household as S9a at LNRCB: 60,000 + 50,000 = 110,000 ASSISTANCE outstanding";

        int mOnset = dl - 120;
        int mIssue = (int) LocalDate.ofEpochDay(mOnset).minusMonths(24).toEpochDay();
        s = sp("S10", LNRCB, "210123", mIssue, 24, 35_000, 435, BREEDING);
        s.maturity = mOnset;
        s.perfSettle = NEVER;
        s.onset = mOnset;
        s.frozen = s.amountCents;
        s.cls = 0;
        s.rules = new String[]{"MISCLASSIFIED"};
        s.note = "unpaid since maturity " + iso(mOnset) + " (120 days overdue on " + iso(dl)
            + "), still classified NORMAL";

        int mat11 = d1 - 41;
        s = sp("S11", LSB, "211021", (int) LocalDate.ofEpochDay(mat11).minusMonths(24).toEpochDay(), 24, 30_000,
            395, PLANTING);
        s.maturity = mat11;
        s.perfSettle = NEVER;
        s.fixedBal = 800_000;
        s.rules = new String[]{"MATURED_NOT_OVERDUE"};
        s.note = "matured " + iso(mat11) + ", balance 8,000 left, overdue_days 0";

        s = sp("S12", LSB, "210124", day("2026-03-05"), 12, 30_000, 410, PLANTING);
        s.fixedBal = 3_045_000;
        s.rules = new String[]{"BALANCE_EXCEEDS_AMOUNT"};
        s.note = "amount 30,000, balance 30,450";

        s = sp("S13", ABC, "210726", day("2025-05-06"), 36, 30_000, 355, PLANTING);
        s.badCheck = true;
        s.rules = new String[]{"INVALID_ID_NUMBER"};
        s.note = "ID number with a wrong GB 11643 check digit";

        s = sp("S14", LNRCB, "211224", day("2025-04-15"), 36, 50_000, 435, BREEDING);
        s.rateLaterBp = 385;
        s.rulesOnSecondDateOnly = true;
        s.rules = new String[]{"RATE_CHANGED"};
        s.note = "annual_rate 4.35 on the first date, 3.85 on later dates (RATE_CHANGED on the second date)";

        s = sp("S15", CZVB, "211321", day("2026-04-22"), 24, 30_000, 435, BREEDING);
        s.rosterMode = ROSTER_NONE;
        s.rules = new String[]{"NOT_ON_ROSTER"};
        s.note = "household absent from roster.csv (搭便车)";

        s = sp("S16", LNRCB, "210422", day("2026-04-20"), 24, 30_000, 435, PLANTING);
        s.rosterMode = ROSTER_REMOVED;
        s.rosterDates = new int[]{day("2016-09-01"), day("2025-12-31")};
        s.rules = new String[]{"NOT_ON_ROSTER"};
        s.note = "household removed from the roster 2025-12-31, loan issued 2026-04-20";

        s = sp("S17", LSB, "210124", day("2025-05-14"), 24, 20_000, 395, PLANTING);
        s.regCounty = ci("210123");
        s.rules = new String[]{"ROSTER_COUNTY_MISMATCH"};
        s.note = "loan in 210124 法库县, household on the roster only in 210123 康平县";

        s = sp("S19", LNRCB, "210124", day("2026-02-25"), 36, 60_000, 435, BREEDING);
        s.largeNeed = true;
        s.rules = new String[]{"AMOUNT_OVER_LIMIT"};
        s.note = "issued 2026-02-25 (LEGACY, limit 50,000) for 60,000";

        s = sp("N1", LNRCB, "211422", day("2025-11-05"), 24, 30_000, 435, PLANTING);
        s.rosterMode = ROSTER_CAME_BACK;
        s.rosterDates = new int[]{day("2016-10-01"), day("2024-06-30"), day("2025-09-01")};
        s.mustNot = new String[]{"NOT_ON_ROSTER"};
        s.note = "roster: two periods (left 2024-06-30, back 2025-09-01); loan 2025-11-05 is covered";

        s = sp("N2", PSBC, "211224", day("2025-04-10"), 36, 40_000, 365, BREEDING);
        s.rosterMode = ROSTER_REMOVED;
        s.rosterDates = new int[]{day("2017-03-01"), day("2026-06-30")};
        s.mustNot = new String[]{"NOT_ON_ROSTER"};
        s.note = "household removed 2026-06-30, after the loan was issued (no retroactive effect)";

        s = sp("N3", CZVB, "211322", day("2025-06-10"), 24, 20_000, 435, BREEDING);
        s.birth = day("1958-01-20");
        s.mustNot = new String[]{"AGE_OUT_OF_RANGE"};
        s.note = "LEGACY loan, borrower aged 67 at issue (age rule is for ASSISTANCE only)";

        s = sp("N4", LSB, "210181", day("2026-05-20"), 24, 30_000, 395, PLANTING);
        s.birth = day("1960-05-21");
        s.mustNot = new String[]{"AGE_OUT_OF_RANGE"};
        s.note = "ASSISTANCE, borrower 65 years old at issue (66th birthday the next day)";

        s = sp("N5", ABC, "210124", day("2024-03-15"), 36, 50_000, 345, PLANTING);
        s.mustNot = new String[]{"TERM_OVER_LIMIT"};
        s.note = "term exactly 3 years (2024-03-15 to 2027-03-15)";

        s = sp("N6", LNRCB, "210224", day("2026-06-18"), 36, 100_000, 405, BREEDING);
        s.largeNeed = true;
        s.mustNot = new String[]{"AMOUNT_OVER_LIMIT"};
        s.note = "ASSISTANCE loan of exactly 100,000 (10万元（含）以下)";

        s = sp("N7", LNRCB, "210283", day("2024-06-01"), 36, 20_000, 435, HOUSEHOLD_GOODS);
        s.perfSettle = d1 - 20;
        s.mustNot = new String[]{"NON_PRODUCTIVE_PURPOSE"};
        s.note = "HOUSEHOLD_GOODS but repaid early on " + iso(d1 - 20) + " (balance 0): not outstanding, no exception";

        s = sp("N8", LSB, "210181", day("2025-09-12"), 24, 30_000, 410, PLANTING);
        s.cls = 1;
        s.mustNot = new String[]{"MISCLASSIFIED"};
        s.note = "0 days overdue classified SPECIAL_MENTION (stricter than the floor is allowed)";

        s = sp("N9", LNRCB, "210124", day("2026-02-26"), 36, 60_000, 435, BREEDING);
        s.largeNeed = true;
        s.mustNot = new String[]{"AMOUNT_OVER_LIMIT"};
        s.note = "issued 2026-02-26 = ASSISTANCE (limit 100,000) for 60,000";

        if (nDates >= 2) {
            int is = Math.min(d1 + 15, dates[1]);
            s = sp("S18", LNRCB, "210123", is, 24, 30_000, 435, BREEDING);
            s.isNew = true;
            s.rulesOnSecondDateOnly = true;
            s.rules = new String[]{"LENDING_AFTER_PAUSE"};
            s.note = "issued " + iso(is) + " by LNRCB in 210123, a PAUSE cell on " + iso(d1);
        }
    }

    // ================================================================== realistic profile: JZB and breach traits

    /** JZB sends a ledger: it takes over part of LNRCB's loans (outside the designed cells) in its counties. */
    private void realisticBanks() {
        boolean[] jz = new boolean[COUNTY.length];
        for (String c : JZB_COUNTIES) {
            jz[ci(c)] = true;
        }
        for (int i = 0; i < nTotal; i++) {
            if (bank[i] != LNRCB || !jz[county[i]] || !plain(i) || designedTag(cellOf(i)) != 0) {
                continue;
            }
            SplittableRandom r = rng(0x1B2B, i);
            if (r.nextInt(100) < JZB_TAKES_PCT) {
                bank[i] = JZB;
                int[] rates = BANK_RATES_BP[JZB];
                rateBp[i] = (short) rates[r.nextInt(rates.length)];
            }
        }
    }

    /** Neither a designed loan nor one of the default profile's multi-bank households. */
    private boolean plain(int i) {
        return specialId[i] == 0 && (flags[i] & (FL_SHARED_OWNER | FL_SHARED_OTHER)) == 0;
    }

    /**
     * Gives some loans a breach kind (one draw each from their own seeded generator, so no loan's draw depends on
     * another's), and changes their fixed fields accordingly. Runs before the overdue selection, so the designed
     * cells are still tuned on the changed amounts and maturities.
     */
    private void realisticBreaches() {
        kind = new byte[nTotal];
        int[] cum = new int[KIND_PER_10K.length];
        for (int j = 1; j < cum.length; j++) {
            cum[j] = cum[j - 1] + KIND_PER_10K[j];
        }
        int d1 = dates[0];
        for (int i = 0; i < nTotal; i++) {
            if (kind[i] != K_NONE || !plain(i)) {
                continue;
            }
            SplittableRandom r = rng(0xB4EA, i);
            int x = r.nextInt(10_000);
            int k = K_NONE;
            for (int j = 1; j < cum.length; j++) {
                if (x < cum[j]) {
                    k = j;
                    break;
                }
            }
            boolean assistance = issue[i] >= LEGACY_BEFORE;
            boolean optionalColumns = bank[i] != LSB; // LSB's export has no renewal, purpose or guarantee column
            boolean whole = perfSettle[i] == maturity[i]; // not repaid early
            switch (k) {
                case K_AMOUNT:
                    if (assistance) {
                        int y = r.nextInt(100);
                        amount[i] = (y < 50 ? 120_000 : y < 80 ? 150_000 : 200_000) * 100;
                        flags[i] |= FL_LARGE;
                    } else {
                        amount[i] = (r.nextInt(100) < 60 ? 60_000 : 80_000) * 100;
                    }
                    break;
                case K_TERM:
                    if (renewal[i] != 0 || !whole) {
                        k = K_NONE;
                        break;
                    }
                    termM[i] = (byte) (r.nextInt(100) < 60 ? 60 : 48);
                    maturity[i] = plusMonths(issue[i], termM[i]);
                    perfSettle[i] = maturity[i];
                    break;
                case K_AGE:
                    if (!assistance) {
                        k = K_NONE;
                    }
                    break;
                case K_RENEWAL:
                    if (!optionalColumns || type[i] != BULLET || !whole) {
                        k = K_NONE;
                        break;
                    }
                    maturity[i] = plusMonths(maturity[i], renewal[i] == 1 ? 12 : 24);
                    perfSettle[i] = maturity[i];
                    renewal[i] = 2;
                    break;
                case K_PURPOSE:
                    if (!optionalColumns) {
                        k = K_NONE;
                        break;
                    }
                    purpose[i] = (byte) pickWeighted(r, new int[]{MARRIAGE, HOUSING, WEALTH, HOUSEHOLD_GOODS},
                        new int[]{20, 40, 10, 30});
                    break;
                case K_ENTERPRISE:
                    if (!optionalColumns) {
                        k = K_NONE;
                        break;
                    }
                    purpose[i] = ENTERPRISE_USE;
                    break;
                case K_GUARANTEE:
                    if (!optionalColumns) {
                        k = K_NONE;
                    }
                    break;
                case K_ROSTER_COUNTY:
                    int c = otherCounty(county[i], r);
                    regCounty[i] = (byte) c;
                    hhSeq[i] = ++hhCounter[c];
                    break;
                case K_PAIR_OWNER:
                    k = pair(i, r);
                    break;
                default:
                    break;
            }
            if (k == K_NONE) {
                // traits that only some loans can carry, drawn apart so that they do not eat into the others
                int y = r.nextInt(10_000);
                if (type[i] == BULLET && renewal[i] == 0 && whole && maturity[i] < d1 && maturity[i] >= d1 - 85
                    && y < 1_000) {
                    k = K_MATURED; // extended without a record: past maturity, full balance, not overdue
                    perfSettle[i] = dates[nDates - 1] + 1 + r.nextInt(365);
                } else if (renewal[i] >= 1 && optionalColumns && y < 400) {
                    k = K_RENEWAL_SM;
                } else if (i >= nBook && y < 200) {
                    k = K_PAUSED_CELL;
                    int b = r.nextInt(100) < 60 ? LNRCB : PSBC;
                    int c = ci(b == LNRCB ? "210123" : "211322");
                    bank[i] = (byte) b;
                    county[i] = (byte) c;
                    regCounty[i] = (byte) c;
                    hhSeq[i] = ++hhCounter[c];
                    int[] rates = BANK_RATES_BP[b];
                    rateBp[i] = (short) rates[r.nextInt(rates.length)];
                }
            }
            kind[i] = (byte) k;
        }
    }

    /** Another county of the same city where there is one, else the next one of the list. */
    private static int otherCounty(int c, SplittableRandom r) {
        String city = COUNTY[c].substring(0, 4);
        int[] same = new int[COUNTY.length];
        int n = 0;
        for (int x = 0; x < COUNTY.length; x++) {
            if (x != c && COUNTY[x].startsWith(city)) {
                same[n++] = x;
            }
        }
        return n > 0 ? same[r.nextInt(n)] : (c + 1) % COUNTY.length;
    }

    /**
     * Makes loan i's household borrow from a second bank too: a nearby loan of another bank in the same county becomes
     * the same household's (the one issued first is the household's own, {@code owner}); for an assistance loan, an
     * assistance loan if one is near. Sometimes the later amount is raised so that the two sum over the household
     * limit.
     *
     * @return loan i's kind: K_PAIR_OWNER or K_PAIR_OTHER, or K_NONE when no partner is near
     */
    private int pair(int i, SplittableRandom r) {
        int partner = -1;
        for (int j = i + 1; j < Math.min(nTotal, i + 200); j++) {
            if (kind[j] != K_NONE || !plain(j) || county[j] != county[i] || bank[j] == bank[i] || owner[j] != j) {
                continue;
            }
            if (partner < 0) {
                partner = j;
            }
            if (issue[i] < LEGACY_BEFORE || issue[j] >= LEGACY_BEFORE) {
                partner = j;
                break;
            }
        }
        if (partner >= 0) {
            int j = partner;
            int first = issue[j] < issue[i] ? j : i;
            int later = first == i ? j : i;
            kind[first] = K_PAIR_OWNER;
            kind[later] = K_PAIR_OTHER;
            owner[later] = first;
            regCounty[later] = regCounty[first];
            hhSeq[later] = hhSeq[first];
            if (issue[first] >= LEGACY_BEFORE && r.nextInt(100) < 60 && amount[first] + amount[later] <= 10_000_000) {
                amount[later] = Math.min(10_000_000, 11_000_000 - amount[first]);
                if (amount[later] > 5_000_000) {
                    flags[later] |= FL_LARGE;
                }
            }
            return kind[i];
        }
        return K_NONE;
    }

    /** Some overdue loans are left NORMAL by their bank while 1-90 days overdue (MISCLASSIFIED). */
    private void realisticAfterSelection() {
        for (int i = 0; i < nTotal; i++) {
            if (kind[i] == K_NONE && onset[i] != NEVER && plain(i) && rng(0xC1A5, i).nextInt(100) < 15) {
                kind[i] = K_NO_DOWNGRADE;
            }
        }
    }

    /** Counts, for the summary, the realistic breaches of loan i's row on date k; expects eval(i, dates[k]) done. */
    private void countRealistic(int k, int i) {
        presentOnDate[k]++;
        int kd = kind[i];
        if (kd == K_NONE || stBal <= 0) {
            return;
        }
        int d = dates[k];
        boolean fires;
        switch (kd) {
            case K_NO_DOWNGRADE: fires = stDays > 0 && stDays <= 90 && stCls == 0; break;
            case K_RENEWAL_SM: fires = stDays == 0 && stCls == 1; break;
            case K_MATURED: fires = maturity[i] < d && stDays == 0; break;
            case K_FLOAT_RATE: fires = k > 0 && issue[i] <= dates[k - 1]; break;
            case K_PAUSED_CELL: fires = k > 0 && issue[i] > dates[k - 1]; break;
            case K_PAIR_OWNER: fires = false; break; // counted, both loans, at the other loan of the household
            case K_PAIR_OTHER:
                long bal = stBal;
                int days = stDays;
                int cls = stCls;
                eval(owner[i], d);
                fires = stPresent && stBal > 0;
                stBal = bal;
                stDays = days;
                stCls = cls;
                stPresent = true;
                if (fires) {
                    kindOnDate[k][kd] += 2;
                    breachingOnDate[k] += 2;
                    int o = owner[i];
                    if (issue[o] >= LEGACY_BEFORE && issue[i] >= LEGACY_BEFORE
                        && (long) amount[o] + amount[i] > 10_000_000L) {
                        kindOnDate[k][K_HOUSEHOLD_OVER] += 2;
                    }
                }
                return;
            default: fires = true;
        }
        if (fires) {
            kindOnDate[k][kd]++;
            breachingOnDate[k]++;
        }
    }

    private Special special(int i) {
        return specialId[i] == 0 ? null : specials.get(specialId[i] - 1);
    }

    // ================================================================== loan state on a date

    /** Scheduled (performing) balance in cents. */
    private long perfBal(int i, int d) {
        if (d >= perfSettle[i]) {
            return 0;
        }
        long a = amount[i];
        if (type[i] == BULLET) {
            return a;
        }
        int n = Math.max(1, termM[i] / 3);
        long m = ChronoUnit.MONTHS.between(LocalDate.ofEpochDay(issue[i]), LocalDate.ofEpochDay(d));
        int q = (int) Math.min(n, m / 3);
        if (q >= n) {
            return 0;
        }
        return a - a * q / n;
    }

    /** Sets stPresent (row in that date's ledger), stBal, stDays, stCls. */
    private void eval(int i, int d) {
        stPresent = false;
        stBal = 0;
        stDays = 0;
        stCls = 0;
        if (d < issue[i]) {
            return;
        }
        int settledOn;
        if (cure[i] != NEVER && d >= cure[i]) {
            settledOn = cure[i];
        } else if (onset[i] != NEVER && d >= onset[i]) {
            stBal = frozen[i];
            stDays = d - onset[i];
            settledOn = NEVER;
        } else {
            stBal = perfBal(i, d);
            settledOn = perfSettle[i];
            Special s = special(i);
            if (s != null && s.fixedBal >= 0 && stBal > 0) {
                stBal = s.fixedBal;
            }
        }
        if (stBal == 0 && (settledOn == NEVER || d - settledOn > 90)) {
            return; // settled more than 90 days ago: no longer exported
        }
        stPresent = true;
        stCls = stBal == 0 ? 0 : floorClass(stDays);
        Special s = special(i);
        if (s != null && s.cls >= 0 && stBal > 0) {
            stCls = s.cls;
        }
        if (kind != null && stBal > 0) {
            if (kind[i] == K_NO_DOWNGRADE && stDays > 0 && stDays <= 90) {
                stCls = 0; // the bank leaves short arrears NORMAL
            } else if (kind[i] == K_RENEWAL_SM && stDays == 0) {
                stCls = 1; // a renewed loan classified SPECIAL_MENTION for the renewal alone
            }
        }
    }

    static int floorClass(int days) {
        return days <= 0 ? 0 : days <= 90 ? 1 : days <= 270 ? 2 : days <= 360 ? 3 : 4;
    }

    // ================================================================== overdue selection (risk picture)

    private void selectOverdue() {
        SplittableRandom r = new SplittableRandom(mix64(seed + 0x51ED270B27A5L));
        int nCells = nBanks * COUNTY.length;
        cellStart = new int[nCells + 1];
        for (int i = 0; i < nTotal; i++) {
            cellStart[cellOf(i) + 1]++;
        }
        for (int c = 0; c < nCells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        members = new int[nTotal];
        int[] fill = Arrays.copyOf(cellStart, nCells);
        for (int i = 0; i < nTotal; i++) {
            members[fill[cellOf(i)]++] = i;
        }
        designed = new byte[nCells];
        bgLo = new double[nCells];
        bgHi = new double[nCells];
        for (int c = 0; c < nCells; c++) {
            for (int j = cellStart[c + 1] - 1; j > cellStart[c]; j--) { // Fisher-Yates within the cell
                int x = cellStart[c] + r.nextInt(j - cellStart[c] + 1);
                int t = members[j];
                members[j] = members[x];
                members[x] = t;
            }
            designed[c] = (byte) designedTag(c);
            double t = BANK_NPL_D[c / COUNTY.length] + 3.0;
            if (nBook >= 20_000) {
                bgLo[c] = 0.3 + 0.7 * r.nextDouble();
                bgHi[c] = bgLo[c] + 0.8;
            } else if (r.nextInt(100) < 35) {
                bgLo[c] = 0.4;
                bgHi[c] = 1.8;
            }
            bgHi[c] = Math.min(bgHi[c], t - 1.5);
            bgLo[c] = Math.min(bgLo[c], bgHi[c]);
        }
        for (int k = 0; k < nDates; k++) {
            for (int c = 0; c < nCells; c++) {
                if (cellStart[c + 1] > cellStart[c]) {
                    selectCell(c, k, r);
                }
            }
        }
    }

    private int cellOf(int i) {
        return bank[i] * COUNTY.length + county[i];
    }

    private long[] aggregate(int cell, int d) {
        long b = 0;
        long ob = 0;
        long nb = 0;
        for (int j = cellStart[cell]; j < cellStart[cell + 1]; j++) {
            eval(members[j], d);
            if (stPresent && stBal > 0) {
                b += stBal;
                if (stDays > 0) {
                    ob += stBal;
                }
                if (stCls >= 2) {
                    nb += stBal;
                }
            }
        }
        return new long[]{b, ob, nb};
    }

    private void selectCell(int cell, int k, SplittableRandom r) {
        int d = dates[k];
        int prevD = k > 0 ? dates[k - 1] : NEVER;
        long[] a = aggregate(cell, d);
        cB = a[0];
        cOB = a[1];
        cNB = a[2];
        double prev = 0;
        if (k > 0) {
            long[] p = aggregate(cell, prevD);
            prev = p[0] == 0 ? 0 : p[1] * 100.0 / p[0];
        }
        int tag = designed[cell];
        double lo;
        double hi;
        double nplLo = 0;
        double nplHi = 0;
        int[] sm = null;
        int[] npl = null;
        switch (tag) {
            case CELL_P1:
                if (k == 0) {
                    lo = 14;
                    hi = 20;
                    nplLo = 9;
                    nplHi = 14;
                    npl = new int[]{410, 128, 296, 205};
                    sm = new int[]{18, 47, 73};
                } else {
                    lo = 10;
                    hi = 22;
                }
                break;
            case CELL_P2:
                lo = k == 0 ? 6 : 5.5;
                hi = k == 0 ? 9 : 9.5;
                sm = k == 0 ? new int[]{12, 26, 41, 55} : null;
                break;
            case CELL_W1:
                if (k == 0) {
                    lo = 3.55;
                    hi = 4.15;
                    sm = new int[]{75, 33};
                } else {
                    lo = Math.max(3.5, prev - 0.7);
                    hi = Math.min(4.25, prev + 0.7);
                }
                break;
            case CELL_R1:
                if (k == 0) {
                    lo = 0.6;
                    hi = 1.4;
                    sm = new int[]{22};
                } else if (k == 1) {
                    lo = 3.0;
                    hi = 4.2;
                } else {
                    lo = Math.max(3.0, prev - 0.7);
                    hi = Math.min(4.2, prev + 0.7);
                }
                break;
            case CELL_R2:
                if (k == 0) {
                    lo = 1.2;
                    hi = 2.4;
                    sm = new int[]{40};
                } else {
                    lo = 7.5;
                    hi = 10.5;
                }
                break;
            default:
                lo = bgLo[cell];
                hi = bgHi[cell];
                if (k > 0) {
                    hi = Math.min(hi, prev + 0.7);
                    lo = Math.min(lo, hi);
                }
        }
        if (nplHi == 0) {
            nplHi = hi;
        }
        int from = cellStart[cell];
        int to = cellStart[cell + 1];
        // background: some short arrears are paid off between dates
        if (k > 0 && tag == 0) {
            for (int j = from; j < to; j++) {
                int m = members[j];
                if (specialId[m] != 0 || onset[m] == NEVER || onset[m] > prevD) {
                    continue;
                }
                eval(m, d);
                if (stPresent && stDays > 0 && stDays <= 60 && r.nextInt(100) < 25) {
                    cureLoan(m, prevD, d, r);
                }
            }
        }
        // above the window: the shortest arrears are paid off
        while (k > 0 && cB > 0 && cOB * 100.0 > hi * cB) {
            int best = -1;
            int bestDays = Integer.MAX_VALUE;
            for (int j = from; j < to; j++) {
                int m = members[j];
                if (specialId[m] != 0 || onset[m] == NEVER || onset[m] > prevD) {
                    continue;
                }
                eval(m, d);
                if (stPresent && stDays > 0 && stDays < bestDays) {
                    bestDays = stDays;
                    best = m;
                }
            }
            if (best < 0) {
                break;
            }
            eval(best, d);
            cureLoan(best, prevD, d, r);
        }
        if (lo <= 0) {
            return;
        }
        // NPL first (first date only: later dates cannot start arrears older than the gap)
        if (npl != null && k == 0) {
            int p = 0;
            for (int j = from; j < to && cNB * 100.0 < nplLo * cB; j++) {
                int m = members[j];
                if (candidate(m, d) && tryMark(m, d, npl[p % npl.length], prevD, hi, nplHi, -1)) {
                    p++;
                }
            }
        }
        int p = 0;
        for (int j = from; j < to && cOB * 100.0 < lo * cB; j++) {
            int m = members[j];
            if (!candidate(m, d)) {
                continue;
            }
            int dd = sm != null ? sm[p % sm.length] : randomDays(k, r);
            if (tryMark(m, d, dd, prevD, hi, nplHi, -1)) {
                p++;
            }
        }
        // still short: one loan with a partly repaid balance fills the gap exactly
        if (cB > 0 && cOB * 100.0 < lo * cB) {
            double mid = (lo + hi) / 200.0;
            for (int j = from; j < to; j++) {
                int m = members[j];
                if (!candidate(m, d)) {
                    continue;
                }
                int dd = sm != null ? sm[p % sm.length] : randomDays(k, r);
                int o = d - dd;
                if (o < issue[m] + 60 || o >= perfSettle[m] || (prevD != NEVER && o <= prevD)) {
                    continue;
                }
                eval(m, d);
                long cur = stPresent ? stBal : 0;
                double f = (mid * (cB - cur) - cOB) / (1 - mid);
                long fc = Math.round(f / 100.0) * 100;
                if (fc >= 50_000 && fc <= perfBal(m, o) && tryMark(m, d, dd, prevD, hi, Math.max(hi, nplHi), fc)) {
                    break;
                }
            }
        }
    }

    private int randomDays(int k, SplittableRandom r) {
        if (k > 0) {
            return 1 + r.nextInt(dates[k] - dates[k - 1]);
        }
        int x = r.nextInt(100);
        return x < 55 ? 1 + r.nextInt(90) : x < 85 ? 91 + r.nextInt(180) : 271 + r.nextInt(230);
    }

    private boolean candidate(int m, int d) {
        return specialId[m] == 0 && onset[m] == NEVER && cure[m] == NEVER && issue[m] <= d;
    }

    private boolean tryMark(int m, int d, int days, int prevD, double hi, double nplHi, long forced) {
        int o = d - days;
        if (o < issue[m] + 60 || o >= perfSettle[m] || (prevD != NEVER && o <= prevD)) {
            return false;
        }
        eval(m, d);
        long cur = stPresent ? stBal : 0;
        long pb = perfBal(m, o);
        long f = forced > 0 ? forced : pb;
        if (f <= 0 || f > pb) {
            return false;
        }
        long nb = cB - cur + f;
        long nob = cOB + f;
        long nnb = cNB + (days > 90 ? f : 0);
        if (nob * 100.0 > hi * nb || (days > 90 && nnb * 100.0 > nplHi * nb)) {
            return false;
        }
        onset[m] = o;
        frozen[m] = (int) f;
        cB = nb;
        cOB = nob;
        cNB = nnb;
        return true;
    }

    /** Arrears paid off in full between the previous date and d; expects eval(m, d) just done. */
    private void cureLoan(int m, int prevD, int d, SplittableRandom r) {
        cB -= stBal;
        cOB -= stBal;
        if (stCls >= 2) {
            cNB -= stBal;
        }
        int c = prevD + 1 + r.nextInt(d - prevD);
        cure[m] = Math.max(c, onset[m] + 1);
    }

    // ================================================================== writing

    private void writeDate(int k) throws IOException {
        int d = dates[k];
        boolean last = k == nDates - 1;
        Path dir = out.resolve(iso(d));
        Path led = dir.resolve("ledgers");
        Files.createDirectories(led);
        writeBanks(dir.resolve("banks.csv"));
        writeRoster(dir.resolve("roster.csv"), d);

        LedgerOut[] lo = new LedgerOut[nBanks];
        for (int b = 0; b < nBanks; b++) {
            lo[b] = new LedgerOut(b, led.resolve(fileName(b, d)), "ledgers/" + fileName(b, d));
        }
        List<Bad> bad = last ? badRows(d) : new ArrayList<>();
        Map<Integer, Object[]> ownerRows = new HashMap<>();
        Row row = new Row();
        String dupText = null;
        String dupId = null;
        int dupLine = 0;
        for (int i = 0; i < nTotal; i++) {
            eval(i, d);
            if (!stPresent) {
                continue;
            }
            int b = bank[i];
            if (realistic) {
                countRealistic(k, i);
            }
            fillRow(row, i, k);
            LedgerOut o = lo[b];
            row.serial = o.dataRows + 1;
            String text = format(b, row);
            int line = o.row(text);
            o.loanRows++;
            if (b == LNRCB && (o.loanRows == 1 || o.loanRows == 30)) {
                dupText = text;
                dupId = row.loanId;
                dupLine = line;
            }
            Special s = special(i);
            if (s != null) {
                for (String rule : s.rules) {
                    boolean fires = stBal > 0 && (!s.rulesOnSecondDateOnly || k == 1)
                        && (!rule.equals("MISCLASSIFIED") || floorClass(stDays) > stCls);
                    if (fires) {
                        note(d, o.rel, line, BANK[b], row.loanId, "EXCEPTION", rule, s.tag + ": " + s.note);
                    }
                }
                for (String rule : s.mustNot) {
                    note(d, o.rel, line, BANK[b], row.loanId, "NO_EXCEPTION", rule, s.tag + ": " + s.note);
                }
            }
            if ((flags[i] & FL_SHARED_OWNER) != 0) {
                ownerRows.put(i, new Object[]{o.rel, line, BANK[b], row.loanId, stBal > 0});
            }
            if ((flags[i] & FL_SHARED_OTHER) != 0 && stBal > 0) {
                Object[] ow = ownerRows.get(owner[i]);
                if (ow != null && (Boolean) ow[4]) {
                    String why = "household " + row.household + " has loans at " + ow[2] + " and " + BANK[b];
                    note(d, (String) ow[0], (Integer) ow[1], (String) ow[2], (String) ow[3], "EXCEPTION",
                        "MULTIPLE_OUTSTANDING_LOANS", why);
                    note(d, o.rel, line, BANK[b], row.loanId, "EXCEPTION", "MULTIPLE_OUTSTANDING_LOANS", why);
                }
            }
            if (b == CZVB) {
                for (int after : CZVB_BLANK_AFTER) {
                    if (o.loanRows == after) {
                        o.blank();
                    }
                }
            }
            for (Bad x : bad) {
                if (!x.done && x.bank == b && x.afterRow <= o.loanRows) {
                    writeBad(x, o, d, dupText, dupId, dupLine);
                }
            }
        }
        for (Bad x : bad) {
            if (!x.done) {
                writeBad(x, lo[x.bank], d, dupText, dupId, dupLine);
            }
        }
        for (LedgerOut o : lo) {
            o.close();
        }
        if (!realistic) {
            note(d, "banks.csv", NBANKS + 2, SILENT_BANK, "", "MISSING_BANK", "EXIT_CODE_3",
                "bank listed in banks.csv without any ledger row");
        }
        rowsWritten.put(d, lo);
    }

    private final Map<Integer, LedgerOut[]> rowsWritten = new TreeMap<>();

    private void writeBad(Bad x, LedgerOut o, int d, String dupText, String dupId, int dupLine) throws IOException {
        x.done = true;
        String text;
        String id;
        String note = x.note;
        if (x.reason.equals("DUPLICATE_LOAN")) {
            text = dupText;
            id = dupId;
            note = "exact copy of line " + dupLine + " (loan_id " + dupId + ")";
        } else {
            Row row = new Row();
            fillBadRow(row, x);
            id = row.loanId;
            text = format(x.bank, row);
            if (x.reason.equals("MALFORMED_ROW")) {
                String[] parts = text.split(",", -1);
                text = String.join(",", Arrays.copyOf(parts, 9));
            }
        }
        int line = o.row(text);
        String bankCode = x.field == F_BANK ? x.value : BANK[x.bank];
        note(d, o.rel, line, bankCode, id, "REJECT", x.reason, note);
    }

    static final class Bad {
        final int bank, afterRow, field;
        final String reason, value, note;
        final int serial;
        boolean done;

        Bad(int serial, int bank, int afterRow, String reason, int field, String value, String note) {
            this.serial = serial;
            this.bank = bank;
            this.afterRow = afterRow;
            this.reason = reason;
            this.field = field;
            this.value = value;
            this.note = note;
        }
    }

    private List<Bad> badRows(int d) {
        List<Bad> l = new ArrayList<>();
        l.add(new Bad(1, LNRCB, 50, "OUT_OF_RANGE", F_BAL, "-1200.00", "balance -1200.00 (negative)"));
        l.add(new Bad(2, LNRCB, 120, "DUPLICATE_LOAN", -2, null, ""));
        l.add(new Bad(3, PSBC, 15, "BAD_DATE", F_ISSUE, "20260231", "发放日期 20260231 (no 31 February)"));
        l.add(new Bad(4, PSBC, 60, "MISSING_FIELD", F_IDNO, "", "身份证号 empty"));
        l.add(new Bad(5, ABC, 25, "BAD_NUMBER", F_AMT, "#VALUE!", "Amount #VALUE! (spreadsheet error value)"));
        l.add(new Bad(6, ABC, 45, "UNKNOWN_CODE", F_CLASS, "6", "Classification 6 (only 1-5 exist)"));
        l.add(new Bad(7, LSB, 10, "UNKNOWN_COUNTY", F_COUNTY, FOREIGN_COUNTY,
            "county_code 220122 (农安县, Jilin: not in the Liaoning reference)"));
        l.add(new Bad(8, LSB, 35, "MATURITY_BEFORE_ISSUE", F_MAT, null, "maturity_date one year before issue_date"));
        l.add(new Bad(9, CZVB, 20, "MALFORMED_ROW", -3, null, "row cut after 9 of 17 fields"));
        l.add(new Bad(10, CZVB, 40, "UNKNOWN_BANK", F_BANK, "CZVB", "bank_code CZVB (hyphen missing)"));
        return l;
    }

    private void fillBadRow(Row row, Bad x) {
        int b = x.bank;
        int c = BC_COUNTY[b][BC_WEIGHT[b].length > 1 ? 1 : 0];
        int d = dates[nDates - 1];
        int is = d - 200 - 7 * x.serial;
        row.clear();
        row.loanId = loanId(b, 9_000_000 + x.serial, is);
        row.bank = BANK[b];
        row.county = COUNTY[c];
        row.household = "H" + COUNTY[c] + "-" + pad(900_000 + x.serial, 6);
        personRandom(nTotal + 1000 + x.serial, is);
        row.name = pName;
        row.idNumber = idNumber(COUNTY[c], pBirth, pSeq, false);
        row.issue = is;
        row.maturity = x.field == F_MAT ? plusMonths(is, -12) : plusMonths(is, 24);
        row.amount = 3_000_000;
        row.balance = 3_000_000;
        row.rateBp = BANK_RATES_BP[b][0];
        row.days = 0;
        row.cls = 0;
        row.purpose = PLANTING;
        row.branch = BRANCH_PREFIX[b] + COUNTY_NAME[c] + "支行";
        if (x.field >= 0 && x.field != F_MAT) {
            row.override[x.field] = x.value;
        }
    }

    /** One ledger row in canonical form; format() turns it into a bank's style. */
    static final class Row {
        String loanId, bank, county, household, name, idNumber, branch;
        int issue, maturity, rateBp, days, cls, renewal, purpose, guarantee, serial;
        long amount, balance;
        boolean large, altCredit;
        final String[] override = new String[NFIELDS];

        void clear() {
            Arrays.fill(override, null);
            renewal = 0;
            guarantee = CREDIT;
            large = false;
            altCredit = false;
        }
    }

    private void fillRow(Row row, int i, int k) {
        row.clear();
        Special s = special(i);
        int o = owner[i];
        row.loanId = loanId(bank[i], i, issue[i]);
        row.bank = BANK[bank[i]];
        row.county = COUNTY[county[i]];
        row.household = "H" + COUNTY[regCounty[o]] + "-" + pad(hhSeq[o], 6);
        person(o);
        row.name = pName;
        int kd = kind == null ? K_NONE : kind[i];
        row.idNumber = idNumber(COUNTY[regCounty[o]], pBirth, pSeq,
            (s != null && s.badCheck) || (kind != null && kind[o] == K_BAD_ID));
        row.issue = issue[i];
        row.maturity = maturity[i];
        row.amount = amount[i];
        row.balance = stBal;
        row.rateBp = s != null && s.rateLaterBp > 0 && k >= 1 ? s.rateLaterBp : rateBp[i];
        if (kd == K_FLOAT_RATE) {
            row.rateBp = Math.max(100, rateBp[i] - 5 * k); // repriced on every date: not fixed for the contract
        }
        row.days = stDays;
        row.cls = stCls;
        row.renewal = renewal[i];
        row.purpose = purpose[i];
        row.guarantee = s != null ? s.guarantee : CREDIT;
        if (kd == K_GUARANTEE) {
            int g = rng(0x6A7, i).nextInt(10);
            row.guarantee = g < 6 ? GUARANTEE : g < 9 ? 2 : 3; // 保证, 抵押, 质押
        }
        row.large = (flags[i] & FL_LARGE) != 0;
        row.altCredit = (flags[i] & FL_ALT_CREDIT_LABEL) != 0;
        row.branch = BRANCH_PREFIX[bank[i]] + COUNTY_NAME[county[i]] + "支行";
    }

    private String format(int b, Row row) {
        int ds = DATE_STYLE[b];
        boolean zh = b == PSBC;
        boolean zhCodes = zh || b == JZB;
        StringBuilder sb = new StringBuilder(256);
        int[] order = ORDER[b];
        for (int j = 0; j < order.length; j++) {
            if (j > 0) {
                sb.append(',');
            }
            int f = order[j];
            String v;
            boolean quote = false;
            if (f == F_BRANCH) {
                v = row.branch;
            } else if (f == F_SERIAL) {
                v = Integer.toString(row.serial);
            } else if (row.override[f] != null) {
                v = row.override[f];
            } else {
                switch (f) {
                    case F_LOAN: v = row.loanId; break;
                    case F_BANK: v = row.bank; break;
                    case F_COUNTY: v = row.county; break;
                    case F_HH: v = row.household; break;
                    case F_NAME:
                        v = row.name;
                        quote = b == CZVB;
                        break;
                    case F_IDNO: v = row.idNumber; break;
                    case F_ISSUE: v = fmtDate(row.issue, ds); break;
                    case F_MAT: v = fmtDate(row.maturity, ds); break;
                    case F_AMT:
                    case F_BAL:
                        long cents = f == F_AMT ? row.amount : row.balance;
                        v = money(cents, zh, b == LSB);
                        quote = zh;
                        break;
                    case F_RATE: v = rate(row.rateBp, b == LSB ? 4 : 2); break;
                    case F_DAYS: v = Integer.toString(row.days); break;
                    case F_CLASS: v = b == ABC ? Integer.toString(row.cls + 1) : zhCodes ? CLS_ZH[row.cls] : CLS_EN[row.cls];
                        break;
                    case F_RENEW: v = Integer.toString(row.renewal); break;
                    case F_PURPOSE: v = zhCodes ? PURPOSE_ZH[row.purpose] : PURPOSE_EN[row.purpose]; break;
                    case F_GUAR:
                        v = zhCodes ? (row.guarantee == CREDIT && row.altCredit && zh ? "免担保" : GUAR_ZH[row.guarantee])
                            : GUAR_EN[row.guarantee];
                        break;
                    case F_LARGE: v = zhCodes ? (row.large ? "是" : "否") : (row.large ? "Y" : "N"); break;
                    default: throw new IllegalStateException("field " + f);
                }
            }
            csv(sb, v, quote);
        }
        return sb.toString();
    }

    static void csv(StringBuilder sb, String v, boolean force) {
        boolean q = force;
        for (int j = 0; j < v.length() && !q; j++) {
            char ch = v.charAt(j);
            q = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        if (!q) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int j = 0; j < v.length(); j++) {
            char ch = v.charAt(j);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }

    private String[] headers(int b) {
        switch (b) {
            case PSBC: return ZH_HEADERS;
            case ABC: return ABC_HEADERS;
            case JZB: return JZB_HEADERS;
            case LSB:
                String[] h = new String[LSB_ORDER.length];
                for (int j = 0; j < h.length; j++) {
                    h[j] = EN_HEADERS[LSB_ORDER[j]];
                }
                return h;
            default: return EN_HEADERS;
        }
    }

    final class LedgerOut {
        final int bank;
        final String rel;
        final Writer w;
        int nextLine = 2;
        int loanRows;
        int dataRows;
        int blankLines;

        LedgerOut(int b, Path file, String rel) throws IOException {
            this.bank = b;
            this.rel = rel;
            this.w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), CHARSET[b]), 1 << 16);
            if (BOM[b]) {
                w.write('\uFEFF');
            }
            StringBuilder sb = new StringBuilder();
            String[] h = headers(b);
            for (int j = 0; j < h.length; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                csv(sb, h[j], false);
            }
            w.write(sb.toString());
            w.write(EOL[b]);
        }

        int row(String text) throws IOException {
            w.write(text);
            w.write(EOL[bank]);
            dataRows++;
            return nextLine++;
        }

        void blank() throws IOException {
            w.write(EOL[bank]);
            blankLines++;
            nextLine++;
        }

        void close() throws IOException {
            w.close();
        }
    }

    private void writeBanks(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("bank_code,bank_name,overall_npl_pct\n");
            for (int b = 0; b < NBANKS; b++) {
                w.write(BANK[b] + "," + BANK_NAME[b] + "," + BANK_NPL[b] + "\n");
            }
            w.write(SILENT_BANK + "," + SILENT_BANK_NAME + "," + SILENT_BANK_NPL + "\n");
        }
    }

    private void writeRoster(Path file, int d) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16)) {
            w.write("household_id,county_code,category,added_date,removed_date\n");
            StringBuilder sb = new StringBuilder(64);
            for (int o = 0; o < nTotal; o++) {
                if (owner[o] != o) {
                    continue;
                }
                String hh = "H" + COUNTY[regCounty[o]] + "-" + pad(hhSeq[o], 6);
                String cty = COUNTY[regCounty[o]];
                Special s = special(o);
                int mode = s == null ? ROSTER_DEFAULT : s.rosterMode;
                int kd = kind == null ? K_NONE : kind[o];
                if (kd == K_ROSTER_NONE) {
                    continue; // 搭便车: never on the roster
                }
                if (kd == K_ROSTER_REMOVED) {
                    SplittableRandom rr = rng(0x7E30, o);
                    int added = day("2016-01-01") + rr.nextInt(5 * 365);
                    int span = issue[o] - 30 - (added + 365);
                    if (span > 0) { // else: left out, never on the roster
                        rosterRow(w, sb, d, hh, cty, "FORMER_REGISTERED", added, added + 365 + rr.nextInt(span));
                    }
                    continue;
                }
                switch (mode) {
                    case ROSTER_NONE:
                        break;
                    case ROSTER_REMOVED:
                        rosterRow(w, sb, d, hh, cty, "FORMER_REGISTERED", s.rosterDates[0], s.rosterDates[1]);
                        break;
                    case ROSTER_CAME_BACK:
                        rosterRow(w, sb, d, hh, cty, "FORMER_REGISTERED", s.rosterDates[0], s.rosterDates[1]);
                        rosterRow(w, sb, d, hh, cty, "MONITORED", s.rosterDates[2], NEVER);
                        break;
                    default:
                        SplittableRandom rr = rng(0x705E, o);
                        int firstIssue = issue[o];
                        boolean stable = s != null || (flags[o] & FL_SHARED_OWNER) != 0 || kd == K_PAIR_OWNER;
                        int added;
                        String cat;
                        int monitoredFrom = day("2021-03-01");
                        if (rr.nextInt(100) < 25 && !stable && firstIssue - 15 > monitoredFrom) {
                            cat = "MONITORED";
                            added = monitoredFrom + rr.nextInt(firstIssue - 15 - monitoredFrom);
                        } else {
                            cat = "FORMER_REGISTERED";
                            added = day("2016-01-01") + rr.nextInt(5 * 365);
                        }
                        int removed = NEVER;
                        int lastOk = dates[0] - 1;
                        if (!stable && rr.nextInt(100) < 3 && firstIssue + 31 < lastOk) {
                            removed = firstIssue + 31 + rr.nextInt(lastOk - firstIssue - 31);
                        }
                        rosterRow(w, sb, d, hh, cty, cat, added, removed);
                }
            }
            for (int e = 0; e < extraCounty.length; e++) {
                SplittableRandom rr = rng(0xE7A, e);
                String cty = COUNTY[extraCounty[e]];
                String hh = "H" + cty + "-" + pad(extraSeq[e], 6);
                boolean mon = rr.nextInt(100) < 25;
                int added = mon ? day("2021-03-01") + rr.nextInt(Math.max(1, dates[0] - 30 - day("2021-03-01")))
                    : day("2016-01-01") + rr.nextInt(5 * 365);
                int removed = NEVER;
                if (rr.nextInt(100) < 5 && added + 365 < dates[0] - 1) {
                    removed = added + 365 + rr.nextInt(dates[0] - 1 - added - 365);
                }
                rosterRow(w, sb, d, hh, cty, mon ? "MONITORED" : "FORMER_REGISTERED", added, removed);
            }
        }
    }

    private static void rosterRow(Writer w, StringBuilder sb, int d, String hh, String cty, String cat, int added,
                                  int removed) throws IOException {
        if (added > d) {
            return;
        }
        sb.setLength(0);
        sb.append(hh).append(',').append(cty).append(',').append(cat).append(',').append(fmtDate(added, DATE_ISO))
            .append(',');
        if (removed != NEVER && removed <= d) {
            sb.append(fmtDate(removed, DATE_ISO));
        }
        sb.append('\n');
        w.write(sb.toString());
    }

    // ================================================================== people and identifiers

    private void person(int o) {
        personRandom(o, issue[o]);
        Special s = special(o);
        if (s != null && s.birth != NEVER) {
            pBirth = s.birth;
        }
        if (kind != null && kind[o] == K_AGE) {
            SplittableRandom ar = rng(0xA9E, o);
            int age = ar.nextInt(100) < 8 ? 17 : 66 + ar.nextInt(6); // out of 18-65 on the issue date
            pBirth = (int) LocalDate.ofEpochDay(issue[o]).minusYears(age).minusDays(1 + ar.nextInt(360)).toEpochDay();
        }
    }

    private void personRandom(int key, int refDay) {
        SplittableRandom pr = rng(0x9E55, key);
        boolean male = pr.nextInt(100) < 56;
        int age = 26 + pr.nextInt(18) + pr.nextInt(18); // 26..60, peak in the forties
        int extra = pr.nextInt(365);
        StringBuilder sb = new StringBuilder(3);
        sb.append(SURNAMES.charAt(pr.nextInt(SURNAMES.length())));
        String pool = male ? GIVEN_M : GIVEN_F;
        int len = pr.nextInt(100) < 30 ? 1 : 2;
        for (int j = 0; j < len; j++) {
            sb.append(pool.charAt(pr.nextInt(pool.length())));
        }
        pName = sb.toString();
        pBirth = (int) LocalDate.ofEpochDay(refDay).minusYears(age).minusDays(extra).toEpochDay();
        pSeq = pr.nextInt(499) * 2 + (male ? 1 : 2);
    }

    static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String ID_CHECK = "10X98765432";

    /** 18-character resident ID number (GB 11643): region, birth date, sequence, ISO 7064 MOD 11-2 check. */
    static String idNumber(String region, int birth, int seq, boolean wrongCheck) {
        StringBuilder sb = new StringBuilder(18);
        sb.append(region);
        appendDate(sb, birth, DATE_COMPACT);
        sb.append(pad(seq, 3));
        int sum = 0;
        for (int j = 0; j < 17; j++) {
            sum += (sb.charAt(j) - '0') * ID_WEIGHTS[j];
        }
        int idx = sum % 11;
        if (wrongCheck) {
            idx = (idx + 3) % 11;
        }
        return sb.append(ID_CHECK.charAt(idx)).toString();
    }

    static String loanId(int b, int i, int issueDay) {
        switch (b) {
            case LNRCB: return "NS" + fmtDate(issueDay, DATE_COMPACT) + pad(i, 6);
            case PSBC: return "2106" + fmtDate(issueDay, DATE_COMPACT) + pad(i, 8);
            case ABC: return "0519" + pad(i, 10);
            case LSB: return "LSB-XD-" + LocalDate.ofEpochDay(issueDay).getYear() + "-" + pad(i, 7);
            case JZB: return "JZ" + fmtDate(issueDay, DATE_COMPACT) + "-" + pad(i, 8);
            default: return "CYVB" + LocalDate.ofEpochDay(issueDay).getYear() + pad(i, 6);
        }
    }

    static String fileName(int b, int d) {
        return BANK[b] + "_" + fmtDate(d, DATE_COMPACT) + ".csv";
    }

    // ================================================================== manifest and summary

    private void note(int d, String file, int line, String bankCode, String loanId, String kind, String code,
                      String note) {
        manifest.add(new String[]{iso(d), file, Integer.toString(line), bankCode, loanId, kind, code, note});
    }

    private void writeManifest() throws IOException {
        manifest.sort(Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1])
            .thenComparingInt(a -> Integer.parseInt(a[2])).thenComparing(a -> a[6]));
        try (Writer w = Files.newBufferedWriter(out.resolve("expected-problems.csv"), StandardCharsets.UTF_8)) {
            w.write("as_of,file,line,bank_code,loan_id,kind,code,note\n");
            StringBuilder sb = new StringBuilder();
            for (String[] m : manifest) {
                sb.setLength(0);
                for (int j = 0; j < m.length; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    csv(sb, m[j], false);
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    private void printSummary() {
        System.out.println("SampleDataGenerator: seed " + seed + ", " + nBook + " loans on the books on "
            + iso(dates[0]) + ", " + (nTotal - nBook) + " issued later; output " + out
            + (realistic ? "; profile " + PROFILE_REALISTIC : ""));
        int nCells = nBanks * COUNTY.length;
        double[] prevRate = new double[nCells];
        Arrays.fill(prevRate, Double.NaN);
        for (int k = 0; k < nDates; k++) {
            int d = dates[k];
            LedgerOut[] lo = rowsWritten.get(d);
            StringBuilder sb = new StringBuilder("  " + iso(d) + ":");
            for (LedgerOut o : lo) {
                sb.append(' ').append(BANK[o.bank]).append('=').append(o.dataRows).append(" rows");
                if (o.blankLines > 0) {
                    sb.append(" (+").append(o.blankLines).append(" blank)");
                }
            }
            System.out.println(sb);
            int[] counts = new int[3];
            for (int c = 0; c < nCells; c++) {
                if (cellStart[c + 1] == cellStart[c]) {
                    continue;
                }
                long[] a = aggregate(c, d);
                if (a[0] == 0) {
                    continue;
                }
                double od = a[1] * 100.0 / a[0];
                double np = a[2] * 100.0 / a[0];
                double t = BANK_NPL_D[c / COUNTY.length] + 3.0;
                String status;
                String reasons = "";
                if (np > t || od > t) {
                    status = "PAUSE";
                    reasons = (np > t ? "NPL_ABOVE_TOLERANCE;" : "") + (od > t ? "OVERDUE_ABOVE_TOLERANCE;" : "");
                } else if (od > t - 1 || (!Double.isNaN(prevRate[c]) && od - prevRate[c] >= 1.0)) {
                    status = "WARN";
                    reasons = (od > t - 1 ? "OVERDUE_NEAR_TOLERANCE;" : "");
                } else {
                    status = "OK";
                }
                if (!Double.isNaN(prevRate[c]) && od - prevRate[c] >= 1.0) {
                    reasons += "OVERDUE_RISING_FAST;";
                }
                counts[status.equals("PAUSE") ? 0 : status.equals("WARN") ? 1 : 2]++;
                if (designed[c] != 0 || !status.equals("OK")) {
                    System.out.printf("    %-3s %-7s x %s %-8s balance %12.2f overdue %6.2f%% npl %6.2f%% T %5.2f%s"
                            + " %-5s %s%n", CELL_TAG[designed[c]], BANK[c / COUNTY.length], COUNTY[c % COUNTY.length],
                        COUNTY_NAME[c % COUNTY.length], a[0] / 100.0, od, np, t,
                        Double.isNaN(prevRate[c]) ? "" : String.format(" change %+5.2f", od - prevRate[c]), status,
                        reasons);
                }
                prevRate[c] = od;
            }
            System.out.println("    cells: " + counts[0] + " PAUSE, " + counts[1] + " WARN, " + counts[2] + " OK");
            if (realistic) {
                printRealistic(k);
            }
        }
        Map<String, Integer> byCode = new TreeMap<>();
        for (String[] m : manifest) {
            byCode.merge(m[0] + " " + m[5] + " " + m[6], 1, Integer::sum);
        }
        System.out.println("  expected-problems.csv (" + manifest.size() + " rows):");
        for (Map.Entry<String, Integer> e : byCode.entrySet()) {
            System.out.println("    " + e.getKey() + ": " + e.getValue());
        }
    }

    /**
     * The realistic breaches of date k (outstanding loans whose trait fires, as counted while writing), and the
     * share of ledger rows with at least one exception expected, the designed ones of expected-problems.csv included.
     */
    private void printRealistic(int k) {
        String date = iso(dates[k]);
        java.util.Set<String> designedLoans = new java.util.HashSet<>();
        for (String[] m : manifest) {
            if (m[0].equals(date) && m[5].equals("EXCEPTION")) {
                designedLoans.add(m[1] + ":" + m[2]);
            }
        }
        long loans = breachingOnDate[k] + designedLoans.size();
        System.out.printf(Locale.ROOT, "    realistic breaches: %,d loans of %,d ledger rows, with the %,d of"
                + " expected-problems.csv %,d = %.2f %% of the rows (a loan may break a second rule by chance)%n",
            breachingOnDate[k], presentOnDate[k], designedLoans.size(), loans, loans * 100.0 / presentOnDate[k]);
        StringBuilder sb = new StringBuilder("     ");
        for (int kd = 1; kd <= NKINDS; kd++) {
            if (!KIND_RULE[kd].isEmpty()) {
                sb.append(' ').append(KIND_RULE[kd]).append('=').append(kindOnDate[k][kd]);
            }
        }
        System.out.println(sb);
    }

    // ================================================================== small helpers

    private int pickBank(SplittableRandom r) {
        double x = r.nextDouble();
        for (int b = 0; b < NBANKS; b++) {
            x -= BANK_SHARE[b];
            if (x < 0) {
                return b;
            }
        }
        return NBANKS - 1;
    }

    static int pickWeighted(SplittableRandom r, int[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int j = 0; j < values.length; j++) {
            x -= weights[j];
            if (x < 0) {
                return values[j];
            }
        }
        return values[values.length - 1];
    }

    static int pickTerm(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 30 ? 12 : x < 65 ? 24 : 36;
    }

    static boolean serves(int b, int c) {
        for (int x : BC_COUNTY[b]) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }

    /** Issue date with seasonality: spring planting peak, few loans between the end of the transition period
     *  (2025-12-31) and the new notice (2026-02-26). */
    static int sampleIssue(SplittableRandom r, int from, int to) {
        int gapFrom = day("2026-01-01");
        while (true) {
            int d = from + r.nextInt(to - from + 1);
            int month = LocalDate.ofEpochDay(d).getMonthValue();
            double w = d >= gapFrom && d < LEGACY_BEFORE ? 0.05
                : month >= 3 && month <= 5 ? 2.5 : month >= 6 && month <= 7 ? 1.2 : month >= 11 || month <= 2 ? 0.5 : 1.0;
            if (r.nextDouble() * 2.5 < w) {
                return d;
            }
        }
    }

    private SplittableRandom rng(long salt, int idx) {
        return new SplittableRandom(mix64(seed * 0x632BE59BD9B4E019L + salt * 0x9E3779B97F4A7C15L + idx));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int ci(String code) {
        for (int c = 0; c < COUNTY.length; c++) {
            if (COUNTY[c].equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("county " + code);
    }

    /**
     * The names of these county codes in the built-in county reference (read as plain lines: it is our own file, with
     * no quoting, and the generator runs with nothing but the JDK on its class path).
     */
    static String[] countyNames(String[] codes) {
        Map<String, String> names = new HashMap<>();
        try (var in = SampleDataGenerator.class.getResourceAsStream("/reference/liaoning-counties.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/liaoning-counties.csv not on the class path");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().skip(1)
                    .map(line -> line.split(",", -1)).forEach(f -> names.put(f[0], f[1]));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Arrays.stream(codes).map(code -> {
            String name = names.get(code);
            if (name == null) {
                throw new IllegalStateException(code + " is not in the county reference");
            }
            return name;
        }).toArray(String[]::new);
    }

    static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    static String iso(int d) {
        return fmtDate(d, DATE_ISO);
    }

    static int plusMonths(int d, int months) {
        return (int) LocalDate.ofEpochDay(d).plusMonths(months).toEpochDay();
    }

    static String fmtDate(int day, int style) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, day, style);
        return sb.toString();
    }

    static void appendDate(StringBuilder sb, int day, int style) {
        LocalDate d = LocalDate.ofEpochDay(day);
        int y = d.getYear();
        int m = d.getMonthValue();
        int dd = d.getDayOfMonth();
        sb.append(y);
        switch (style) {
            case DATE_COMPACT:
                two(sb, m);
                two(sb, dd);
                break;
            case DATE_SLASH:
                two(sb.append('/'), m);
                two(sb.append('/'), dd);
                break;
            case DATE_SLASH_SHORT:
                sb.append('/').append(m).append('/').append(dd);
                break;
            default:
                two(sb.append('-'), m);
                two(sb.append('-'), dd);
        }
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    static String pad(int v, int width) {
        String s = Integer.toString(v);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int j = s.length(); j < width; j++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    /** Yuan with 2 decimals; sep adds thousands separators; trimWhole drops ".00" (LSB style). */
    static String money(long cents, boolean sep, boolean trimWhole) {
        StringBuilder sb = new StringBuilder(16);
        if (cents < 0) {
            sb.append('-');
            cents = -cents;
        }
        String y = Long.toString(cents / 100);
        if (sep) {
            int first = y.length() % 3 == 0 ? 3 : y.length() % 3;
            sb.append(y, 0, first);
            for (int j = first; j < y.length(); j += 3) {
                sb.append(',').append(y, j, j + 3);
            }
        } else {
            sb.append(y);
        }
        int c = (int) (cents % 100);
        if (!(trimWhole && c == 0)) {
            sb.append('.');
            two(sb, c);
        }
        return sb.toString();
    }

    static String rate(int bp, int decimals) {
        String s = (bp / 100) + "." + (bp % 100 < 10 ? "0" : "") + (bp % 100);
        return decimals == 4 ? s + "00" : s;
    }
}
