# Shell functions shared by bench/run and bench/growth (sourced, not run). Expects `out` (the
# output directory) to be set; sets `bin` (the directory of the release binaries).
#
# BENCH_BIN=DIR uses the binaries in DIR instead of building (to compare two builds, say).

# Builds the release binaries (unless BENCH_BIN is set) and sets `bin`.
bench_build() {
    if [[ -n ${BENCH_BIN:-} ]]; then
        bin=$BENCH_BIN
        return
    fi
    # The shipped build (scripts/release-flags, as scripts/release-build makes it).
    # shellcheck source=scripts/release-flags
    source scripts/release-flags
    swift build "${release_flags[@]}" >&2
    bin=$(swift build "${release_flags[@]}" --show-bin-path)
}

# The median wall time, in seconds, of one command (exit codes ignored: findings exit 1).
# BENCH_MIN_RUNS (default 5) runs at least, after one warm-up run.
median() {
    local name=$1
    shift
    hyperfine --style none -N -i --warmup 1 --min-runs "${BENCH_MIN_RUNS:-5}" --export-json "$out/$name.json" "$*" >&2
    python3 -c 'import json, sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$out/$name.json"
}

# The peak resident set size, in MB, of one run.
peak_rss() {
    /usr/bin/time -v "$@" 2> "$out/time.txt" >/dev/null || true
    awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$out/time.txt"
}

# The generator's flags for a profile.
profile_flags() {
    case $1 in
        default) ;;
        namespace-heavy) echo "--profile namespace-heavy" ;;
        ns[0-9]*) echo "--namespaces ${1#ns}" ;;
        *) echo "bench: unknown profile $1" >&2; exit 2 ;;
    esac
}

# Generates the cluster of PROFILE with OBJECTS objects (seed `seed`) into `$out`; prints its path.
generate() {
    local profile=$1 objects=$2
    local file="$out/cluster-$profile-$objects.yaml"
    # shellcheck disable=SC2046 # the flags are words
    "$bin/rampart-bench" generate --objects "$objects" $(profile_flags "$profile") --seed "$seed" -o "$file"
    echo "$file"
}

# Fails unless the tools the benchmarks need are installed.
require_tools() {
    for tool in hyperfine python3; do
        command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
    done
    [[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 2; }
}
