package cn.microcredit.monitor.report;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.microcredit.monitor.analytics.Analytics;
import cn.microcredit.monitor.ingest.FileResult;
import cn.microcredit.monitor.metrics.CellResult;
import cn.microcredit.monitor.metrics.Level;
import cn.microcredit.monitor.metrics.Status;
import cn.microcredit.monitor.reference.County;
import cn.microcredit.monitor.store.AnalyticsRepository;
import cn.microcredit.monitor.store.ExceptionRepository;
import cn.microcredit.monitor.store.LoanRepository;
import cn.microcredit.monitor.store.MetricsRepository;
import cn.microcredit.monitor.store.RunRepository;

/** Loads a run's results for reporting. */
@Component
public class ReportDataLoader {

    private final RunRepository runs;
    private final MetricsRepository metrics;
    private final ExceptionRepository exceptions;
    private final LoanRepository loans;
    private final AnalyticsRepository analytics;

    public ReportDataLoader(RunRepository runs, MetricsRepository metrics, ExceptionRepository exceptions,
                            LoanRepository loans, AnalyticsRepository analytics) {
        this.analytics = analytics;
        this.runs = runs;
        this.metrics = metrics;
        this.exceptions = exceptions;
        this.loans = loans;
    }

    public RunSummary summary(long runId, LocalDate asOf) {
        return summary(runId, asOf, exceptions.counts(runId));
    }

    private RunSummary summary(long runId, LocalDate asOf, ExceptionRepository.Counts exceptionCounts) {
        List<FileResult> files = runs.files(runId);
        List<String> missing = runs.banksWithoutRows(runId);
        List<CellResult> counties = metrics.results(runId, Level.COUNTY);
        Map<Status, Long> statuses = new EnumMap<>(Status.class);
        counties.forEach(c -> statuses.merge(c.status(), 1L, Long::sum));
        CellResult province = metrics.results(runId, Level.PROVINCE).get(0);
        LocalDate previous = runs.previousOf(runId).map(RunRepository.StoredRun::asOf).orElse(null);
        Analytics analytics = this.analytics.load(runId);
        return new RunSummary(false, asOf, runId, previous, files, missing, statuses, exceptionCounts.byRule(),
                RunSummary.rosterStatus(files), province, RunSummary.exitCode(files, missing),
                runs.comparisonBasis(runId), analytics.likelyPauseCounties(), analytics.province());
    }

    public ReportData load(long runId, LocalDate asOf) {
        Map<String, County> counties = runs.counties(runId).stream()
                .collect(Collectors.toMap(County::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        ExceptionRepository.Counts exceptionCounts = exceptions.counts(runId);
        return new ReportData(summary(runId, asOf, exceptionCounts), counties, runs.banks(runId),
                metrics.results(runId, Level.COUNTY), metrics.results(runId, Level.BANK_COUNTY),
                metrics.results(runId, Level.BANK), metrics.ageing(runId), metrics.history(runId),
                exceptionCounts.byCounty(), exceptionCounts.byBank(), loans.rejectsByCounty(runId),
                comparison(runId),
                analytics.load(runId));
    }

    /** The stored metrics of the date this run compares with, when that date is still stored. */
    private Comparison comparison(long runId) {
        return runs.previousOf(runId).map(p -> new Comparison(p.asOf(), metrics.results(p.runId(), Level.COUNTY),
                metrics.results(p.runId(), Level.BANK_COUNTY))).orElse(Comparison.NONE);
    }
}
