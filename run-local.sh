#!/bin/sh
# The whole platform on this machine with one command: PostgreSQL, Kafka, Keycloak and the five services.
# Needs only a JDK 17 or later (no Docker); the first run builds everything. Ctrl-C stops it all.
# Options are the launcher's: ./run-local.sh --help. Details: docs/local-run.md.
set -e
cd "$(dirname "$0")"

if [ -n "$JAVA_HOME" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "run-local.sh needs a JDK 17 or later: put java on the PATH or set JAVA_HOME." >&2
  exit 1
fi
JAVA_MAJOR=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ -z "$JAVA_MAJOR" ] || [ "$JAVA_MAJOR" -lt 17 ]; then
  echo "run-local.sh needs a JDK 17 or later; $JAVA is version ${JAVA_MAJOR:-unknown}." >&2
  exit 1
fi

LAUNCHER=deploy/launcher/target/launcher-runnable.jar
if [ ! -f "$LAUNCHER" ] \
    || [ -n "$(find deploy/launcher/pom.xml deploy/launcher/src embedded-infra/pom.xml embedded-infra/src \
                   register-import/pom.xml register-import/src deploy/register -newer "$LAUNCHER" | head -n 1)" ]; then
  echo "Building the launcher and the services (the first build takes a few minutes)..."
  ./mvnw -q -B install -DskipTests -am \
    -pl deploy/launcher,portal,space-service,certification-service,mandate-service,mailing-service,edelivery-service
fi
exec "$JAVA" -jar "$LAUNCHER" "$@"
