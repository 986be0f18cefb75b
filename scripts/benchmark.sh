#!/usr/bin/env bash
# Issue 6 benchmark: times the whole job cold on N generated loans, the input checks alone, and DuckDB on the same
# files in the same run, and prints Markdown tables. docs/benchmarks.md says what each figure means.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/benchmark.sh [N ...] [--data=realistic|plain] [--xmx=SIZE] [--wrapper] [--work=DIR] [--rebuild]

  N           loans on the books in the generated data set (default 1000000). Several N run one after the
              other and the growth of the whole job's wall time from the smallest to the largest is printed.
  --data=realistic (default): SampleDataGenerator --profile=realistic, six banks each sending a ledger (one
              GB18030), about 7 % of loans breaching a rule of SPEC 5.3, a roster of about 1.2 rows per loan
  --data=plain      the generator's default profile: five ledgers (the sixth bank sends none, so the job
              exits 3) and few breaches (about 1.5 % of loans)
  --xmx=SIZE  maximum heap of the job's JVMs, e.g. --xmx=512m (default: the JVM's own default)
  --wrapper   run the job as cron does, through bin/microcredit-monitor: its JVM options (-XX:+UseParallelGC, and
              -Xmx1g unless --xmx) and its class data sharing archive, which the first date's run prepares
  --work=DIR  working files (data sets, databases, reports, logs); default /tmp/microcredit-bench.
              Data sets are kept and reused (DIR/data-N-realistic, DIR/data-N for plain); each run's folder
              DIR/run-N is wiped first.
  --rebuild   run the Maven build even when target/ is newer than src/ and pom.xml

For each N: the first date of the data set is run through the job (timed too, it starts from an empty
database), then the last date is timed (its history rules have a previous date), then --validate-only on
the last date, then DuckDB twice on the last date's ledgers (load into a file database and aggregate;
aggregate straight from the CSVs), each in its own cold JVM under /usr/bin/time -v.
Prints the tables (with the timed date's breaches: rows of exceptions.csv, and the share of loans with one)
and DIR/run-N/report.md; exits 1 if a run failed.
EOF
}

cd "$(dirname "$0")/.."
repo=$(pwd -P)

loans=()
xmx=""
wrapper=false
work=/tmp/microcredit-bench
rebuild=false
data_set=realistic
for arg in "$@"; do
    case "$arg" in
        --data=realistic|--data=plain) data_set=${arg#--data=} ;;
        --xmx=*) xmx=${arg#--xmx=} ;;
        --work=*) work=${arg#--work=} ;;
        --rebuild) rebuild=true ;;
        --wrapper) wrapper=true ;;
        -h|--help) usage; exit 0 ;;
        ''|*[!0-9]*) echo "benchmark.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
        *) loans+=("$arg") ;;
    esac
done
[ ${#loans[@]} -gt 0 ] || loans=(1000000)

work=$(realpath -m "$work")
case "$work/" in
    "$repo"/*) echo "benchmark.sh: --work=$work is inside the repository; choose a folder outside it" >&2; exit 2 ;;
esac
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "benchmark.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

jar=target/microcredit-monitor.jar
baseline_class=target/test-classes/cn/microcredit/monitor/bench/DuckDbBaseline.class
# Each output against its own sources: Maven leaves an output's time alone when its content has not changed (the jar
# after a change to the benchmark sources only, target/benchmark.classpath always).
stale() {
    [ ! -f "$1" ] || [ -n "$(find "${@:2}" pom.xml -newer "$1" -print -quit)" ]
}
if stale "$jar" src/main || stale "$baseline_class" src/benchmark || [ ! -f target/benchmark.classpath ]; then
    rebuild=true
fi
if $rebuild; then
    echo "building: ./mvnw -B -q -Pbenchmark package -DskipTests" >&2
    ./mvnw -B -q -Pbenchmark package -DskipTests
fi
bench_cp="$repo/target/test-classes:$repo/target/classes:$(cat target/benchmark.classpath)"

heap=()
heap_label="default heap"
if [ -n "$xmx" ]; then
    heap=("-Xmx$xmx")
    heap_label="-Xmx$xmx"
fi
if $wrapper; then
    heap_label="$heap_label, through bin/microcredit-monitor"
fi

# timed_job NAME DATE_FOLDER OPTION...: the whole job, plainly or as cron runs it (--wrapper)
timed_job() {
    local name=$1 folder=$2
    shift 2
    if $wrapper; then
        timed "$name" env JAVA_OPTS="${heap[*]:--Xmx1g} -XX:+UseParallelGC" MICROCREDIT_LOCK="$work/benchmark.lock" \
            bin/microcredit-monitor "$folder" "$@"
    else
        timed "$name" java "${heap[@]}" -jar "$jar" --input="$folder" "$@"
    fi
}

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v; output in RUN/NAME.log, measures in RUN/NAME.time
timed() {
    local name=$1
    shift
    echo "  $(date +%H:%M:%S) $name" >&2
    /usr/bin/time -v -o "$run/$name.time" "$@" >"$run/$name.log" 2>&1 || true
}

exit_status() {
    sed -n 's/^[[:space:]]*Exit status: //p' "$1" 2>/dev/null | tail -1
}

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit plus uncommitted changes"
fi
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem_gib=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
java_version=$(java -version 2>&1 | head -1)

failed=false
results=()
if [ "$data_set" = realistic ]; then
    generator_options=(--profile=realistic)
    data_suffix=-realistic
else
    generator_options=()
    data_suffix=""
fi
for n in "${loans[@]}"; do
    data="$work/data-$n$data_suffix"
    if [ ! -f "$data/.complete" ]; then
        rm -rf "$data"
        echo "generating $n loans ($data_set data set) into $data" >&2
        java -cp target/test-classes:target/classes cn.microcredit.monitor.tools.SampleDataGenerator --out="$data" \
            --loans="$n" "${generator_options[@]}" >&2
        touch "$data/.complete"
    fi
    dates=()
    while IFS= read -r d; do dates+=("$d"); done < <(find "$data" -mindepth 1 -maxdepth 1 -type d -name '????-??-??' | sort)
    if [ ${#dates[@]} -lt 1 ]; then
        echo "benchmark.sh: no date folder in $data" >&2
        exit 1
    fi
    first=${dates[0]}
    last=${dates[${#dates[@]}-1]}

    run="$work/run-$n"
    rm -rf "$run"
    mkdir -p "$run"
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "benchmark of $n loans in $run" >&2
    db="jdbc:h2:file:$run/db/microcredit"
    if [ "$first" != "$last" ]; then
        timed_job job-first "$first" --db="$db" --output="$run/out"
    fi
    timed_job job "$last" --db="$db" --output="$run/out"
    timed validate java "${heap[@]}" -jar "$jar" --input="$last" --validate-only --output="$run/validate-out"
    timed duckdb-load java -cp "$bench_cp" cn.microcredit.monitor.bench.DuckDbBaseline --mode=load \
        --ledgers="$last/ledgers" --work="$run/duckdb"
    timed duckdb-direct java -cp "$bench_cp" cn.microcredit.monitor.bench.DuckDbBaseline --mode=direct \
        --ledgers="$last/ledgers" --work="$run/duckdb"
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)

    for name in job-first job validate; do
        status=$(exit_status "$run/$name.time")
        if [ -f "$run/$name.time" ] && [ "$status" != 0 ] && [ "$status" != 3 ]; then
            echo "benchmark.sh: $name exited with ${status:-no status}; see $run/$name.log" >&2
            failed=true
        fi
    done
    for name in duckdb-load duckdb-direct; do
        if [ "$(exit_status "$run/$name.time")" != 0 ]; then
            echo "benchmark.sh: $name failed; see $run/$name.log" >&2
            failed=true
        fi
    done

    ledger_mb=$(du -cm "$last"/ledgers/* | tail -1 | cut -f1)
    ledger_files=$(find "$last/ledgers" -maxdepth 1 -type f | wc -l)
    {
        echo "## Benchmark, $n loans ($(date -u '+%Y-%m-%d %H:%M UTC'))"
        echo
        echo "- code: commit $commit"
        echo "- machine: $(nproc) cores ($cpu), $mem_gib GiB, $java_version; load average $load_before before, $load_after after"
        echo "- data: $data_set data set, \`SampleDataGenerator --loans=$n${generator_options[*]:+ ${generator_options[*]}}\`" \
            "in $data; timed date $(basename "$last"): $ledger_files ledger files, $ledger_mb MB"
        echo "- command: \`scripts/benchmark.sh $n --data=$data_set${xmx:+ --xmx=$xmx}$($wrapper && echo " --wrapper")\`"
        echo
        java -cp "$repo/target/test-classes" cn.microcredit.monitor.bench.BenchmarkReport --run="$run" --loans="$n" \
            --heap="$heap_label" --date="$(basename "$last")" --first-date="$(basename "$first")" \
            --out="$run/out" --data="$data_set"
    } | tee "$run/report.md"
    results+=("$(grep '^benchmark-result ' "$run/report.md" || true)")
    echo
done

if [ ${#results[@]} -gt 1 ]; then
    printf '%s\n' "${results[@]}" | awk '
        { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[NR, kv[1]] = kv[2] } }
        END {
            n1 = v[1, "loans"]; t1 = v[1, "job_wall_s"]; n2 = v[NR, "loans"]; t2 = v[NR, "job_wall_s"]
            e1 = v[1, "job_exit"]; e2 = v[NR, "job_exit"]
            if ((e1 != 0 && e1 != 3) || (e2 != 0 && e2 != 3)) print "growth: not computed, a job did not complete"
            else if (t1 > 0) printf "growth: whole job %s loans / %s loans = %.2f × the time for %.2f × the loans" \
                " (issues 6 and 16: 4,000,000 within 4.4 × 1,000,000, at -Xmx512m)\n", n2, n1, t2 / t1, n2 / n1
        }'
fi

if $failed; then
    exit 1
fi
