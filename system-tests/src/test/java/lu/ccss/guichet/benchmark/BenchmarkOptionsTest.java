package lu.ccss.guichet.benchmark;

import org.junit.jupiter.api.Test;

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
}
