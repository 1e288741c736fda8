#!/bin/sh
# The benchmark with one command: starts the whole platform (free ports, a temporary data directory), drives
# 1, 10 and 50 concurrent complete flows, measures the machine's ceilings, prints markdown tables, stops everything.
# Needs only a JDK 17 or later; builds what is missing. Options: deploy/benchmark.sh --help. Details:
# docs/performance.md.
set -e
cd "$(dirname "$0")/.."

if [ -n "$JAVA_HOME" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "benchmark.sh needs a JDK 17 or later: put java on the PATH or set JAVA_HOME." >&2
  exit 1
fi

JAR=system-tests/target/system-tests.jar
if [ ! -f "$JAR" ] || [ -n "$(find system-tests/pom.xml system-tests/src/main -newer "$JAR" | head -n 1)" ]; then
  echo "Building the benchmark and the services (the first build takes a few minutes)..." >&2
  ./mvnw -q -B install -DskipTests -pl system-tests -am
fi
exec "$JAVA" -jar "$JAR" "$@"
