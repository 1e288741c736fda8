#!/bin/sh
# The soak with one command: starts the whole platform (free ports, a temporary data directory), runs complete flows
# for the given time with a random fault every few minutes, prints memory, open files and database connections per
# service over time and checks the chaos test's invariants at the end. Not part of ./mvnw verify. Needs only a JDK
# 17 or later; builds what is missing. Options: deploy/soak.sh --help. Details: docs/reliability.md.
set -e
cd "$(dirname "$0")/.."

if [ -n "$JAVA_HOME" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "soak.sh needs a JDK 17 or later: put java on the PATH or set JAVA_HOME." >&2
  exit 1
fi

JAR=system-tests/target/system-tests.jar
if [ ! -f "$JAR" ] || [ -n "$(find system-tests/pom.xml system-tests/src/main -newer "$JAR" | head -n 1)" ]; then
  echo "Building the soak and the services (the first build takes a few minutes)..." >&2
  ./mvnw -q -B install -DskipTests -pl system-tests -am
fi
exec "$JAVA" -cp "$JAR" lu.ccss.guichet.chaos.Soak "$@"
