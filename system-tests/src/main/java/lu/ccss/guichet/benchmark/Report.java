package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.HopTiming;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.launcher.LauncherConfig;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's results as markdown tables, ready to paste into docs/performance.md. */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void print(LauncherConfig config, List<Benchmark.Round> rounds, List<ProcessStats.Tracked> processes,
               Ceilings.CommitSettings settings, List<Ceilings.CommitRate> commitRates, double argon2Seconds,
               HopFloor.Floor floor, Latencies warmUpHops, Map<String, Long> warmUpChannels) {
        int cores = Runtime.getRuntime().availableProcessors();
        line("# Benchmark results");
        line("");
        line("Machine: %d cores seen by the JVM, %s %s; Java %s. Services: JVM options %s.", cores,
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                String.join(" ", ProcessStats.jvmOptions(processes).orElse(config.serviceJvmOptions())));
        line("");

        line("## Flows");
        line("");
        line("| concurrent flows | completed | failed | wall time (s) | flows/s | flow p50 (s) | flow p95 (s) "
                + "| flow max (s) | write transactions per flow | commits per flow (incl. read-only) "
                + "| CPU s per flow (all processes) | of which the services' JIT compilers |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Benchmark.Round r : rounds) {
            int ok = r.durations().size();
            line("| %d | %d | %d | %.1f | %.2f | %.1f | %.1f | %.1f | %.0f | %.0f | %.2f | %.2f |", r.n(), ok,
                    r.failures().size(), r.seconds(), r.flowsPerSecond(), r.flowPercentile(50).toMillis() / 1000.0,
                    r.flowPercentile(95).toMillis() / 1000.0, r.flowPercentile(100).toMillis() / 1000.0,
                    r.writesPerFlow(), ok == 0 ? 0 : r.commits() / (double) ok, ok == 0 ? 0 : r.cpuSeconds() / ok,
                    ok == 0 ? 0 : r.jitCompilerSeconds() / ok);
        }
        line("");
        line("Documents the domain system sent as soon as eDelivery showed active, by the way they went: "
                + "warm-up %s; %s.", warmUpChannels, String.join("; ", rounds.stream()
                .map(r -> "N=" + r.n() + " " + r.documentChannels()).toList()));
        for (Benchmark.Round r : rounds) {
            r.failures().stream().limit(3).forEach(f -> line("- failure at N=%d: %s", r.n(), oneLine(f)));
        }
        line("");

        for (Benchmark.Round r : rounds) {
            line("## Endpoints, %d concurrent flow(s) (milliseconds, as the client sees them)", r.n());
            line("");
            summaryTable("endpoint", r.endpoints());
            line("## Event hops, %d concurrent flow(s) (milliseconds, from the services' timestamps)", r.n());
            line("");
            hopTable(r.hops(), floor);
            if (r.kafkaDuringRound() != null) {
                kafkaDuringRound(r.kafkaDuringRound(), floor);
            }
            line("## Processes, %d concurrent flow(s)", r.n());
            line("");
            line("| process | CPU s in the round | CPU share of the round | RSS now (MiB) | peak RSS (MiB) |");
            line("|---|---:|---:|---:|---:|");
            for (ProcessStats.Tracked t : processes) {
                ProcessStats.Sample before = r.before().get(t);
                ProcessStats.Sample after = r.after().get(t);
                double cpu = after.cpuSeconds() - before.cpuSeconds();
                line("| %s | %.1f | %.0f %% of %d cores | %d | %d |", t.name(), cpu,
                        100 * cpu / (r.seconds() * cores), cores, after.rssKib() / 1024, after.peakRssKib() / 1024);
            }
            if (r.clientCpuSeconds() > 0) {
                line("");
                line("Of the launcher JVM's CPU, the benchmark's client threads (flows, HTTP, PDF reading) used "
                        + "%.1f s; the rest is mostly the Kafka broker.", r.clientCpuSeconds());
                line("");
                line("The launcher JVM's Java threads by CPU in the round (s; GC and JIT threads are not listed): %s",
                        r.thisJvmThreads().entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                        .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            line("");
        }

        line("## Ceilings (same run, same PostgreSQL server, platform idle)");
        line("");
        line("PostgreSQL %s: fsync=%s, synchronous_commit=%s, wal_sync_method=%s.", settings.version(),
                settings.fsync(), settings.synchronousCommit(), settings.walSyncMethod());
        line("");
        line("| JDBC commit loop (one-row insert + commit) | commits | commits/s |");
        line("|---|---:|---:|");
        Ceilings.CommitRate best = commitRates.get(0);
        for (Ceilings.CommitRate c : commitRates) {
            line("| %d connection(s)%s | %d | %.0f |", c.connections(), c.synchronousCommit()
                    ? ", synchronous_commit=on (reference: what a durable production setting costs)" : "",
                    c.commits(), c.perSecond());
            if (!c.synchronousCommit() && c.perSecond() > best.perSecond()) {
                best = c;
            }
        }
        line("");
        line("Argon2id verification (m=19 MiB, t=2, p=1, as the services): %.1f ms of CPU; %d cores → %.0f "
                + "verifications/s at most.", argon2Seconds * 1000, cores, cores / argon2Seconds);
        line("");

        Benchmark.Round busiest = rounds.stream().max(java.util.Comparator.comparingInt(Benchmark.Round::n))
                .orElseThrow();
        double writesPerFlow = busiest.writesPerFlow();
        double commitCeiling = writesPerFlow == 0 ? Double.NaN : best.perSecond() / writesPerFlow;
        double argon2Ceiling = cores / (argon2Seconds * Benchmark.ARGON2_PER_FLOW);
        double tighter = Double.isNaN(commitCeiling) ? argon2Ceiling : Math.min(commitCeiling, argon2Ceiling);
        line("| ceiling | derivation | flows/s |");
        line("|---|---|---:|");
        line("| PostgreSQL commits | %.0f commits/s (best loop) ÷ %.0f writing transactions per flow (measured at "
                + "N=%d) | %.1f |", best.perSecond(), writesPerFlow, busiest.n(), commitCeiling);
        line("| Argon2id CPU | %d cores ÷ (%.1f ms × %d Argon2id computations per flow) | %.1f |", cores,
                argon2Seconds * 1000, Benchmark.ARGON2_PER_FLOW, argon2Ceiling);
        line("| **tighter ceiling** | | **%.1f** |", tighter);
        line("");
        line("| concurrent flows | platform flows/s | fraction of the tighter ceiling | CPU s per flow, all processes "
                + "| of which the benchmark client | CPU-bound flows/s without the client (cores ÷ the rest) |");
        line("|---:|---:|---:|---:|---:|---:|");
        for (Benchmark.Round r : rounds) {
            int ok = r.durations().size();
            double cpuPerFlow = ok == 0 ? Double.NaN : r.cpuSeconds() / ok;
            double clientPerFlow = ok == 0 ? Double.NaN : r.clientCpuSeconds() / ok;
            line("| %d | %.2f | %.1f %% | %.2f | %.2f | %.1f |", r.n(), r.flowsPerSecond(),
                    100 * r.flowsPerSecond() / tighter, cpuPerFlow, clientPerFlow, cores / (cpuPerFlow - clientPerFlow));
        }
        line("");
        line("Event hop floor (same broker, same PostgreSQL, platform idle): Kafka produce → consume with acks=all "
                + "p50 %.1f ms, p99 %.1f ms; one commit p50 %.1f ms, p99 %.1f ms; a hop's floor (Kafka + 2 commits) "
                + "p50 %.1f ms, p99 %.1f ms.", floor.kafkaP50(), floor.kafkaP99(), floor.commitP50(), floor.commitP99(),
                floor.hopP50(), floor.hopP99());
        line("");
        line("Warm-up (2 flows, not counted) hops, for reference:");
        line("");
        hopTable(warmUpHops.summaries(), floor);
    }

    /** The JFR summary of each service in the profiled round: top frames where it ran, libraries it ran inside. */
    void printProfiles(int n, Map<String, Profiles.Summary> profiles) {
        line("## Where the CPU goes, %d concurrent flow(s) (JDK Flight Recorder, CPU samples per service)", n);
        line("");
        profiles.forEach((service, summary) -> {
            double cpu = summary.threads().values().stream().mapToDouble(Double::doubleValue).sum();
            line("**%s**: %.1f CPU-s; by thread: %s.", service, cpu, summary.threads().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ")));
            line("%d JFR CPU samples. Running in (self): %s.", summary.samples(),
                    top(summary.self(), summary.samples(), 8));
            line("Inside of (total, a sample counts once per library): %s.", top(summary.inside(),
                    summary.samples(), 12));
            line("");
        });
    }

    private static String top(Map<String, Integer> counts, int samples, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(),
                        100.0 * e.getValue() / Math.max(1, samples)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The uncounted warm-up rounds: how the CPU per flow, and the share of it the services' JIT compilers still
     * take, fall as the flows' code gets compiled.
     */
    void printWarmUpRounds(List<Benchmark.Round> warmUp) {
        if (warmUp.isEmpty()) {
            return;
        }
        line("");
        line("Warm-up rounds (not counted), one after the other: flows/s, CPU s per flow (all processes), of which "
                + "the services' JIT compilers: %s.", String.join("; ", warmUp.stream().map(r -> {
                    int ok = Math.max(1, r.durations().size());
                    return String.format(Locale.ROOT, "%.2f, %.2f, %.2f (%.0f %%)", r.flowsPerSecond(),
                            r.cpuSeconds() / ok, r.jitCompilerSeconds() / ok,
                            100 * r.jitCompilerSeconds() / Math.max(1e-9, r.cpuSeconds()));
                }).toList()));
    }

    /**
     * Where each hop's time went in one round, from the services' spans ({@code --trace-hops}): publish + pick-up is
     * what the broker's produce → consume floor measures; the handling is the consumer's own work and commit.
     */
    void printHopTimings(Benchmark.Round round, List<HopTiming> timings, HopFloor.Floor floor) {
        line("## Where the hops' time went, %d concurrent flow(s) (services' spans, ms)", round.n());
        line("");
        Map<String, Latencies> byHop = new java.util.TreeMap<>();
        for (HopTiming t : timings) {
            Latencies parts = byHop.computeIfAbsent(t.hop(), h -> new Latencies());
            parts.recordNanos("in all", t.total());
            parts.recordNanos("relay woken", t.relayWoken());
            parts.recordNanos("publish", t.publish());
            parts.recordNanos("pick-up", t.pickUp());
            parts.recordNanos("publish + pick-up", t.publish() + t.pickUp());
            parts.recordNanos("handling", t.handling());
        }
        String duringRound = round.kafkaDuringRound() == null ? ""
                : String.format(Locale.ROOT, "; during the round %.1f", round.kafkaDuringRound().p50());
        line("| hop (event → consumer) | n | in all p50 / p99 | relay woken p50 | publish p50 | pick-up p50 | "
                + "publish + pick-up p50 (Kafka floor p50 %.1f%s) | handling p50 / p99 |", floor.kafkaP50(),
                duringRound);
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        byHop.forEach((hop, parts) -> {
            Map<String, Latencies.Summary> s = parts.summaries();
            line("| %s | %d | %.1f / %.1f | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f |", hop, s.get("in all").count(),
                    s.get("in all").p50(), s.get("in all").p99(), s.get("relay woken").p50(), s.get("publish").p50(),
                    s.get("pick-up").p50(), s.get("publish + pick-up").p50(), s.get("handling").p50(),
                    s.get("handling").p99());
        });
        line("");
    }

    /** The floor's Kafka round trip as the probe measured it while the round ran, next to the idle one. */
    private void kafkaDuringRound(HopFloor.Kafka kafka, HopFloor.Floor floor) {
        if (kafka.failure() != null) {
            line("Kafka produce → consume during this round: not measured (%s).", kafka.failure());
        } else {
            line("Kafka produce → consume during this round (a probe record every %d ms from the benchmark's JVM, %d "
                    + "records): p50 %.1f ms, p99 %.1f ms; at rest (the floor): p50 %.1f ms, p99 %.1f ms.",
                    HopFloor.DuringRounds.PROBE_INTERVAL.toMillis(), kafka.samples(), kafka.p50(), kafka.p99(),
                    floor.kafkaP50(), floor.kafkaP99());
        }
        line("");
    }

    /** Hops next to their floor; client-observed waits include a poll pause and have no floor. */
    private void hopTable(Map<String, Latencies.Summary> hops, HopFloor.Floor floor) {
        line("| hop | n | p50 | p95 | p99 | max | floor p50 | p50 − floor |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        hops.forEach((name, s) -> {
            boolean measured = !name.startsWith("(client-observed)");
            line("| %s | %d | %.0f | %.0f | %.0f | %.0f | %s | %s |", name, s.count(), s.p50(), s.p95(), s.p99(),
                    s.max(), measured ? String.format(Locale.ROOT, "%.1f", floor.hopP50()) : "",
                    measured ? String.format(Locale.ROOT, "%+.1f", s.p50() - floor.hopP50()) : "");
        });
        line("");
    }

    private void summaryTable(String what, Map<String, Latencies.Summary> summaries) {
        line("| %s | n | p50 | p95 | p99 | max |", what);
        line("|---|---:|---:|---:|---:|---:|");
        summaries.forEach((name, s) -> line("| %s | %d | %.0f | %.0f | %.0f | %.0f |", name, s.count(), s.p50(),
                s.p95(), s.p99(), s.max()));
        line("");
    }

    private void line(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }

    private static String oneLine(Throwable t) {
        String s = String.valueOf(t);
        s = s.replaceAll("\\s+", " ");
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
