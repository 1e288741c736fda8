package lu.ccss.guichet.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkOptionsTest {

    @Test
    void traceHopsIsAskedForAndOnlyWhereTheBenchmarkStartsThePlatform() {
        assertFalse(Benchmark.Options.parse(new String[] {}).traceHops());
        assertTrue(Benchmark.Options.parse(new String[] {"--flows=1,10", "--trace-hops"}).traceHops());
        // the running stack's services are not tracing: refused, not silently ignored
        assertThrows(IllegalArgumentException.class,
                () -> Benchmark.Options.parse(new String[] {"--running", "--trace-hops"}));
    }

    @Test
    void theFloorIsProbedDuringTheRoundsOnlyWhenAskedFor() {
        // the probe costs the platform's throughput (docs/performance.md): never part of the standard run
        assertFalse(Benchmark.Options.parse(new String[] {}).probeFloor());
        assertTrue(Benchmark.Options.parse(new String[] {"--running", "--probe-floor"}).probeFloor());
    }

    @Test
    void theWarmUpRunsItsFlowsTenAtATime() {
        assertEquals(100, Benchmark.Options.parse(new String[] {}).warmUpFlows());
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), Benchmark.warmUpRounds(100));
        assertEquals(List.of(10, 10, 5), Benchmark.warmUpRounds(25));
        assertEquals(List.of(), Benchmark.warmUpRounds(0));
    }
}
