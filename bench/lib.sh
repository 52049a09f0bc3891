# Shared by the bench/ scripts: start Baraza on a loopback port with its own data directory, wait
# for health, stop it. Every wait is bounded. Source it; do not run it.

BENCH_PORT=${BENCH_PORT:-18480}
BENCH_DATA=${BENCH_DATA:-$PWD/bench/out/data}
BENCH_OUT=${BENCH_OUT:-$PWD/bench/out}
mkdir -p "$BENCH_OUT"

# Builds the jar when it is missing or older than a source, as ./run would (the figures are "after build").
# With BENCH_JAR=path/to/baraza.jar, that jar is measured instead and nothing is built (e.g. a jar of an
# earlier commit, built in a directory of its own, for a before/after in the same hour).
bench_build() {
  [ -n "${BENCH_JAR:-}" ] && return 0
  if [ ! -f baraza-app/target/baraza.jar ] || [ -n "$(find pom.xml baraza-app/pom.xml baraza-app/src/main baraza-pb/pom.xml \
        baraza-pb/src/main -newer baraza-app/target/baraza.jar -print -quit)" ]; then
    mvn -q -B -Dstyle.color=never -DskipTests package
  fi
}

# Starts ./run in the background; sets BARAZA_PID. Log in $BENCH_OUT/server.log (or $BENCH_LOG).
bench_start() {
  if [ -n "${BENCH_JAR:-}" ]; then
    # the JVM options ./run uses unless BARAZA_JAVA_OPTS says otherwise
    read -r -a jvm_options <<<"${BARAZA_JAVA_OPTS:--XX:+UseSerialGC -Xmx384m}"
    BARAZA_PORT=$BENCH_PORT BARAZA_DATA_DIR=$BENCH_DATA java "${jvm_options[@]}" -jar "$BENCH_JAR" \
      >"${BENCH_LOG:-$BENCH_OUT/server.log}" 2>&1 &
    BARAZA_PID=$!
    return 0
  fi
  BARAZA_PORT=$BENCH_PORT BARAZA_DATA_DIR=$BENCH_DATA ./run >"${BENCH_LOG:-$BENCH_OUT/server.log}" 2>&1 &
  BARAZA_PID=$!
}

# Seconds (3 decimals) until /actuator/health answers 200; gives up after 120 s.
bench_wait_healthy() {
  local start=$1 code
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_PORT/actuator/health" || true)
    if [ "$code" = 200 ]; then
      echo "$(date +%s.%N) - $start" | bc | awk '{printf "%.3f", $1}'
      return 0
    fi
    if ! kill -0 "$BARAZA_PID" 2>/dev/null; then
      echo "server exited; see $BENCH_OUT/server.log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "not healthy within 120 s" >&2
  return 1
}

# Stops the server started by bench_start (graceful shutdown: SIGTERM), waits at most 40 s.
bench_stop() {
  if [ -n "${BARAZA_PID:-}" ] && kill -0 "$BARAZA_PID" 2>/dev/null; then
    kill -TERM "$BARAZA_PID"
    for _ in $(seq 1 400); do
      kill -0 "$BARAZA_PID" 2>/dev/null || break
      sleep 0.1
    done
  fi
  BARAZA_PID=""
}

# Resident set size in MB of the JVM (ps -o rss=). ./run execs java, so its pid is the JVM's.
bench_rss_jvm() {
  echo $(( $(ps -o rss= -p "$BARAZA_PID") / 1024 ))
}
# The embedded PostgreSQL's processes, as proportional set size (PSS) summed: their shared buffers
# are counted once, not once per process as RSS would.
bench_rss_postgres() {
  local pids total=0 pss
  pids=$(pgrep -f "postgres -D $BENCH_DATA" || true)
  for pid in $pids; do
    for child in $pid $(pgrep -P "$pid" || true); do
      pss=$(awk '/^Pss:/ {print $2}' "/proc/$child/smaps_rollup" 2>/dev/null || echo 0)
      total=$(( total + ${pss:-0} ))
    done
  done
  echo $(( total / 1024 ))
}

# CPU seconds the JVM has used so far (user + system): unlike wall-clock time, barely moved by
# other processes competing for the cores.
bench_cpu_seconds() {
  awk -v tick="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tick}' "/proc/$BARAZA_PID/stat"
}

# CPU seconds used so far by the embedded PostgreSQL's processes (server and its connections).
bench_cpu_seconds_postgres() {
  local total=0 pid
  for pid in $(pgrep -f "postgres -D $BENCH_DATA" || true); do
    for child in $pid $(pgrep -P "$pid" || true); do
      total=$(awk -v t="$total" '{print t + $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo "$total")
    done
  done
  awk -v t="$total" -v tick="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / tick}'
}

bench_machine() {
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- cores: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}') total, $(free -h | awk '/^Mem:/ {print $7}') available"
  echo "- cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- java: $(java -version 2>&1 | sed -n 1p); JVM options (BARAZA_JAVA_OPTS): ${BARAZA_JAVA_OPTS:-the defaults of ./run}"
  echo "- commit: $(git rev-parse --short HEAD)"
  echo "- load average before the run (other work on the machine): $(cut -d' ' -f1-3 /proc/loadavg)"
}

# --- Casting benchmarks (bench/consultations, bench/budget-ballots): a server with its own embedded
# PostgreSQL on $db_port, psql and pgbench beside it.

# psql and pgbench, installed from Debian if missing.
bench_need_postgres_client() {
  local tool sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  for tool in psql pgbench; do
    if ! command -v $tool >/dev/null; then
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql-client postgresql-contrib >/dev/null
    fi
  done
}

# Starts the server on a fresh data directory with its PostgreSQL on $db_port; sets machine, base and
# postmaster. Refuses ports already in use.
bench_start_with_database() {
  if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/" || (exec 3<>"/dev/tcp/127.0.0.1/$db_port") 2>/dev/null; then
    echo "port $BENCH_PORT or $db_port is in use (another benchmark?): set BENCH_PORT and BENCH_DB_PORT" >&2
    exit 1
  fi
  rm -rf "$BENCH_DATA"
  mkdir -p "$BENCH_OUT"
  machine=$(bench_machine)
  local start
  start=$(date +%s.%N)
  # BENCH_JAR=path/to/baraza.jar: that jar, with ./run's JVM options unless BARAZA_JAVA_OPTS says otherwise
  bench_build
  BARAZA_EMBEDDED_DB_PORT=$db_port bench_start
  if ! kill -0 "$BARAZA_PID" 2>/dev/null; then echo "the server did not start: see $BENCH_OUT/server.log" >&2; exit 1; fi
  bench_wait_healthy "$start" >/dev/null
  sleep 1
  if ! kill -0 "$BARAZA_PID" 2>/dev/null; then echo "another server answers on port $BENCH_PORT: set BENCH_PORT" >&2; exit 1; fi
  base="http://127.0.0.1:$BENCH_PORT"
  postmaster=$(head -1 "$BENCH_DATA/postgres/postmaster.pid")
}

sql() { PGPASSWORD=postgres psql -q -At -h 127.0.0.1 -p "$db_port" -U postgres -d postgres "$@"; }

# CPU seconds of PostgreSQL: the postmaster, its live processes, and those that have exited (counted in the
# postmaster's cutime and cstime once reaped, e.g. pgbench's connections)
database_cpu() { local total t
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for p in $(pgrep -P "$postmaster" || true); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); total=$((total + t)); done
  awk -v t="$total" -v tick="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / tick}'; }

# The ceiling: PostgreSQL's own single-row insert rate on the same server, pgbench -c $clients -T $seconds
# inserting "(1, 2)" into a table of two columns named $1 and $2; sets tps, inserts, insert_cpu_ms, sync_commit.
bench_insert_ceiling() {
  sql -c "DROP TABLE IF EXISTS bench_insert" -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, $1 bigint NOT NULL, $2 int NOT NULL)"
  echo "INSERT INTO bench_insert ($1, $2) VALUES (1, 2);" >"$BENCH_OUT/insert.sql"
  local before after
  before=$(database_cpu)
  PGPASSWORD=postgres pgbench -h 127.0.0.1 -p "$db_port" -U postgres -n -c "$clients" -j 2 -T "$seconds" -f "$BENCH_OUT/insert.sql" postgres \
    >"$BENCH_OUT/pgbench.txt" 2>&1
  after=$(database_cpu)
  tps=$(awk '/^tps = / {printf "%.0f", $3; exit}' "$BENCH_OUT/pgbench.txt")
  inserts=$(awk '/^number of transactions actually processed/ {print $NF}' "$BENCH_OUT/pgbench.txt")
  insert_cpu_ms=$(awk -v a="$before" -v b="$after" -v n="$inserts" 'BEGIN {printf "%.3f", 1000 * (b - a) / n}')
  sync_commit=$(sql -c "SHOW synchronous_commit")
}
