#!/usr/bin/env bash
# Whole-process timings of the real binary on generated loads, and what a read-only command
# writes. The loads are generated into $LOADS (default /tmp/caseplan-loads), never into the
# repository, and kept there for the next run.
#
#   cargo build --release && benches/whole_process.sh [CASES:YEARS ...]
#
# Default loads: 220:1 220:4 220:10 220:12 10000:1 (cases : years of history, 50 meetings per
# case per year, the scale table's density). Environment:
#   CASEPLAN  the binary (default target/release/caseplan, or $CARGO_TARGET_DIR's)
#   RUNS      runs per command (default 10); medians are printed
#   CALCURSE  1: also time calcurse's day view on the same meetings (needs calcurse and jq)
#
# Times use hyperfine when it is installed (`apt-get install hyperfine`), else a loop of
# `date +%s%N`. Bytes written come from strace: the sum of write/pwrite64 to files under the
# data directory, and the number of fsync/fdatasync calls.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
target=${CARGO_TARGET_DIR:-$here/../target}
bin=${CASEPLAN:-$target/release/caseplan}
runs=${RUNS:-10}
loads_dir=${LOADS:-/tmp/caseplan-loads}
now="2026-11-24 09:00"
loads=("$@")
[ ${#loads[@]} -gt 0 ] || loads=(220:1 220:4 220:10 220:12 10000:1)

[ -x "$bin" ] || { echo "no binary at $bin: cargo build --release first" >&2; exit 2; }
mkdir -p "$loads_dir"

# median_ms CMD...: the median wall time of RUNS runs, in milliseconds.
median_ms() {
    if command -v hyperfine >/dev/null; then
        local json
        json=$(mktemp)
        hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
        jq -r '.results[0] | "\(.median * 10000 | round / 10) (cpu \((.user + .system) * 10000 | round / 10))"' "$json"
        rm -f "$json"
    else
        local times=() t0 t1
        "$@" >/dev/null 2>&1
        for _ in $(seq "$runs"); do
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1
            t1=$(date +%s%N)
            times+=($(((t1 - t0) / 100000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f\n", m/10}'
    fi
}

# written DATA CMD...: "BYTES bytes, N fsync" that CMD wrote into files under DATA.
written() {
    local data=$1 log
    shift
    log=$(mktemp)
    strace -f -qq -y -e trace=write,pwrite64,pwritev,fsync,fdatasync -o "$log" "$@" >/dev/null 2>&1
    awk -v data="$data" '
        index($0, "<" data) && /(write|pwrite64|pwritev)\(/ { n = $NF; if (n ~ /^[0-9]+$/) bytes += n }
        index($0, "<" data) && /(fsync|fdatasync)\(/ { syncs++ }
        END { printf "%d bytes, %d fsync\n", bytes, syncs }' "$log"
    rm -f "$log"
}

printf '| load | what | median ms (with hyperfine: mean user+system ms) |\n| --- | --- | --- |\n'
for load in "${loads[@]}"; do
    cases=${load%%:*}
    years=${load##*:}
    data="$loads_dir/c${cases}-y${years}"
    if [ ! -e "$data/ready" ]; then
        rm -rf "$data"
        mkdir -p "$data"
        printf 'language = "en"\n' >"$data/config.toml"
        "$bin" --data "$data" --config "$data/config.toml" --now "$now" \
            demo --cases "$cases" --meetings-per-case 50 --years "$years" >&2
        # As a caseworker's database would be: the history that went cold moved to the archive
        # (the planner or `caseplan backup` does it), then one open writes the hot part afresh.
        "$bin" --data "$data" --config "$data/config.toml" --now "$now" backup >&2
        "$bin" --data "$data" --config "$data/config.toml" --now "$now" agenda >/dev/null
        touch "$data/ready"
    fi
    cp="$bin --data $data --config $data/config.toml --now"
    run() { $cp "$now" "$@"; }
    # The first run of a day writes its backup; time what every other run costs.
    run agenda >/dev/null
    label="$cases cases, $years y"
    printf '| %s | %s | %s |\n' "$label" "agenda (today)" "$(median_ms $cp "$now" agenda)"
    printf '| %s | %s | %s |\n' "$label" "agenda of an empty day (opening only)" \
        "$(median_ms $cp "$now" agenda --date 2030-01-06)"
    printf '| %s | %s | %s |\n' "$label" "due --json" "$(median_ms $cp "$now" due --json)"
    printf '| %s | %s | %s |\n' "$label" "find sor" "$(median_ms $cp "$now" find sor)"
    printf '| %s | %s | %s |\n' "$label" "board --json" "$(median_ms $cp "$now" board --json)"
    name=$(run card --json 5 | jq -r .name)
    printf '| %s | %s | %s |\n' "$label" "card by name" "$(median_ms $cp "$now" card "$name")"
    printf '| %s | %s | %s |\n' "$label" "card by id" "$(median_ms $cp "$now" card 5)"
    frame=$(python3 "$here/first_frame.py" "$(((runs + 1) / 2))" $cp "$now")
    printf '| %s | %s | %s |\n' "$label" "planner first frame, 120×40 pty ($frame)" \
        "$(sed 's/.*first_frame_ms=\([0-9.]*\).*/\1/' <<<"$frame")"
    # A read-only command after a read-only command: what every such command writes (nothing:
    # the patched sled leaves free segments that hold their markers alone).
    run agenda >/dev/null
    printf '| %s | %s | %s |\n' "$label" "agenda: written to the data directory" "$(written "$data" $cp "$now" agenda)"
    # After a write, the next open replays sled's log into a new snapshot once; on a copy.
    copy=$(mktemp -d)
    cp -a "$data/." "$copy/"
    "$bin" --data "$copy" --config "$data/config.toml" --now "$now" case add Skriv_Noget >/dev/null 2>&1
    printf '| %s | %s | %s |\n' "$label" "case add: written" \
        "$(written "$copy" "$bin" --data "$copy" --config "$data/config.toml" --now "$now" case add Skriv_Igen)"
    printf '| %s | %s | %s |\n' "$label" "agenda after a write: written" \
        "$(written "$copy" "$bin" --data "$copy" --config "$data/config.toml" --now "$now" agenda)"
    rm -rf "$copy"
    # The first open of a new day: the next day's clock, on a copy each time. A command that
    # writes only starts the day's backup (a new journal file); the planner composes it after
    # its first frame. The copy is opened once on the old day first: the first open of a fresh
    # copy costs more whatever the day (sled's files just written, at 10,000 cases 0.7 s where
    # the next open takes 0.1 s), and that is not what a caseworker's new day costs.
    warm() { "$bin" --data "$1" --config "$data/config.toml" --now "$now" agenda >/dev/null 2>&1; }
    for command in agenda "case add Ny_Borger"; do
        copy=$(mktemp -d)
        cp -a "$data/." "$copy/"
        warm "$copy"
        t1=$(date +%s%N)
        # shellcheck disable=SC2086 # the command's words
        "$bin" --data "$copy" --config "$data/config.toml" --now "2026-11-25 09:00" $command >/dev/null 2>&1
        t2=$(date +%s%N)
        rm -rf "$copy"
        printf '| %s | %s | %s |\n' "$label" "$command, first open of a new day" \
            "$(awk -v ns=$((t2 - t1)) 'BEGIN { printf "%.1f", ns / 1e6 }')"
    done
    copy=$(mktemp -d)
    cp -a "$data/." "$copy/"
    warm "$copy"
    frame=$(python3 "$here/first_frame.py" 1 "$bin" --data "$copy" --config "$data/config.toml" --now "2026-11-25 09:00")
    rm -rf "$copy"
    printf '| %s | %s | %s |\n' "$label" "planner first frame, first open of a new day ($frame)" \
        "$(sed 's/.*first_frame_ms=\([0-9.]*\).*/\1/' <<<"$frame")"
    if [ "${CALCURSE:-0}" = 1 ]; then
        cal="$loads_dir/calcurse-c${cases}-y${years}"
        if [ ! -e "$cal/apts" ]; then
            mkdir -p "$cal"
            run export - 2>/dev/null | jq -r '
                .data.meetings[] | (.start | strptime("%Y-%m-%dT%H:%M:%S") | mktime) as $s
                | "\($s | strftime("%m/%d/%Y @ %H:%M")) -> \($s + .minutes * 60 | strftime("%m/%d/%Y @ %H:%M")) |\(.purpose)"' \
                >"$cal/apts"
        fi
        printf '| %s | %s | %s |\n' "$label" "calcurse -d (one day)" \
            "$(median_ms calcurse -D "$cal" -d 11/24/2026)"
    fi
done
