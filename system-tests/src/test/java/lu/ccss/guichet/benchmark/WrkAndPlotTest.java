package lu.ccss.guichet.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wrk's answer is read right, and the plot is well-formed SVG with its series. No timing is asserted. */
class WrkAndPlotTest {

    private static final String WRK = """
            Running 5s test @ http://localhost:8083/api/authorizations?spaceId=x
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.10ms    1.20ms  45.30ms   90.00%
                Req/Sec     3.90k   200.00     4.20k    70.00%
              Latency Distribution
                 50%    1.80ms
                 75%    2.40ms
                 90%    3.10ms
                 99%  850.00us
              38912 requests in 5.01s, 10.20MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 7
            Requests/sec:   7766.86
            Transfer/sec:      2.04MB
            """;

    @Test
    void readsThroughputPercentilesAndErrors() {
        Wrk.Result r = Wrk.parse(16, WRK);
        assertEquals(38912, r.requests());
        assertEquals(38912 / 5.01, r.perSecond(), 0.01);
        assertEquals(1.8, r.p50Ms(), 1e-9);
        assertEquals(3.1, r.p90Ms(), 1e-9);
        assertEquals(0.85, r.p99Ms(), 1e-9);
        assertEquals(45.3, r.maxMs(), 1e-9);
        assertEquals(7, r.non2xx());
        assertEquals(3, r.socketErrors());
        assertEquals(10, r.errors());
        assertEquals(2.04, r.megabytesReadPerSecond(), 1e-9);
    }

    @Test
    void plotsTwoAxesOnALog2Scale() {
        String svg = new SvgPlot("Title <&>", "concurrency", true, "answers/s", "p99 (ms)")
                .add("answers/s", SvgPlot.Axis.LEFT, List.of(new SvgPlot.Point(1, 100), new SvgPlot.Point(256, 900)))
                .add(new SvgPlot.Series("p99", SvgPlot.Axis.RIGHT,
                        List.of(new SvgPlot.Point(1, 1.5), new SvgPlot.Point(256, Double.NaN)), true))
                .svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.trim().endsWith("</svg>"));
        assertTrue(svg.contains("Title &lt;&amp;&gt;"));
        assertTrue(svg.contains(">256<"), "a tick at 256");
        assertTrue(svg.contains(">128<"), "log2 ticks");
        assertTrue(svg.contains("stroke-dasharray"));
        assertEquals(1000, SvgPlot.niceMax(900));
        assertEquals(2.5, SvgPlot.niceMax(2.1), 1e-9);
    }
}
