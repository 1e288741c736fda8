package lu.ccss.guichet.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs <a href="https://github.com/wg/wrk">wrk</a> (a C load generator: keep-alive connections, an event loop per
 * thread, every latency recorded) and reads its answer. A Lua script sets the method, headers and body; wrk's
 * {@code --latency} gives the percentiles, corrected for coordinated omission: a response slower than twice the
 * connections' mean interval also counts the requests a steady caller would have sent meanwhile, so that a stall
 * weighs in the p99 as it would for domain systems calling independently of each other's answers.
 */
final class Wrk {

    /** One wrk run: {@code connections} keep-alive connections for {@code seconds}. */
    record Result(int connections, long requests, double seconds, double perSecond, double p50Ms, double p90Ms,
                  double p99Ms, double maxMs, long non2xx, long socketErrors, double megabytesReadPerSecond) {

        long errors() {
            return non2xx + socketErrors;
        }
    }

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$");
    private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+([\\d.]+)(B|KB|MB|GB)");

    private Wrk() {
    }

    /** Whether {@code wrk} is on the PATH. */
    static boolean installed() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code connections} connections from {@code min(connections, threads)} wrk threads for {@code duration}, the
     * requests as {@code script} (Lua) makes them.
     */
    static Result run(String url, Path script, int connections, int threads, Duration duration) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "--latency", "--timeout", "10s",
                "-t" + Math.max(1, Math.min(connections, threads)), "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "-s", script.toString(), url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not end: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("wrk failed (" + p.exitValue() + "): " + out);
        }
        return parse(connections, out);
    }

    static Result parse(int connections, String out) {
        long requests = 0;
        double seconds = Double.NaN;
        double p50 = Double.NaN;
        double p90 = Double.NaN;
        double p99 = Double.NaN;
        double max = Double.NaN;
        long non2xx = 0;
        long socket = 0;
        double mbPerSecond = 0;
        for (String line : out.split("\n")) {
            Matcher m;
            if ((m = REQUESTS.matcher(line)).find()) {
                requests = Long.parseLong(m.group(1));
                seconds = millis(m.group(2), m.group(3)) / 1000;
            } else if ((m = PERCENTILE.matcher(line)).find()) {
                double v = millis(m.group(2), m.group(3));
                switch (m.group(1)) {
                    case "50" -> p50 = v;
                    case "90" -> p90 = v;
                    default -> p99 = v;
                }
            } else if ((m = LATENCY.matcher(line)).find()) {
                max = millis(m.group(1), m.group(2));
            } else if ((m = NON_2XX.matcher(line)).find()) {
                non2xx = Long.parseLong(m.group(1));
            } else if ((m = SOCKET.matcher(line)).find()) {
                for (int i = 1; i <= 4; i++) {
                    socket += Long.parseLong(m.group(i));
                }
            } else if ((m = TRANSFER.matcher(line)).find()) {
                double v = Double.parseDouble(m.group(1));
                mbPerSecond = switch (m.group(2)) {
                    case "B" -> v / 1024 / 1024;
                    case "KB" -> v / 1024;
                    case "GB" -> v * 1024;
                    default -> v;
                };
            }
        }
        double perSecond = seconds > 0 ? requests / seconds : 0;
        return new Result(connections, requests, seconds, perSecond, p50, p90, p99, max, non2xx, socket,
                mbPerSecond);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> v;
        };
    }

    /** A Lua script: every request {@code method} with these headers and body (null: none). */
    static Path script(Path dir, String name, String method, String bearer, String contentType, String body)
            throws IOException {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = ").append(quote(method)).append("\n");
        if (bearer != null) {
            lua.append("wrk.headers[\"Authorization\"] = ").append(quote("Bearer " + bearer)).append("\n");
        }
        if (contentType != null) {
            lua.append("wrk.headers[\"Content-Type\"] = ").append(quote(contentType)).append("\n");
        }
        if (body != null) {
            lua.append("wrk.body = ").append(quote(body)).append("\n");
        }
        return write(dir, name, lua.toString());
    }

    /**
     * A Lua script that POSTs {@code bodyBefore + id + bodyAfter} as JSON, the id a fresh UUID per request
     * ({@code runPrefix}-thread-4000-8000-counter): for endpoints where an id may be used once.
     */
    static Path uniqueIdScript(Path dir, String name, String bearer, String bodyBefore, String bodyAfter,
                               int runPrefix) throws IOException {
        String lua = "local threads = 0\n"
                + "function setup(thread)\n  threads = threads + 1\n  thread:set(\"tid\", threads)\nend\n"
                + "local counter = 0\n"
                + "local headers = {}\n"
                + "headers[\"Authorization\"] = " + quote("Bearer " + bearer) + "\n"
                + "headers[\"Content-Type\"] = \"application/json\"\n"
                + "local before = " + quote(bodyBefore) + "\n"
                + "local after = " + quote(bodyAfter) + "\n"
                + "function request()\n"
                + "  counter = counter + 1\n"
                + "  local id = string.format(\"%08x-%04x-4000-8000-%012x\", " + runPrefix + ", tid, counter)\n"
                + "  return wrk.format(\"POST\", nil, headers, before .. id .. after)\n"
                + "end\n";
        return write(dir, name, lua);
    }

    private static Path write(Path dir, String name, String lua) throws IOException {
        Path file = dir.resolve(name + ".lua");
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String describe(Result r) {
        return String.format(Locale.ROOT, "c=%d %.0f/s p50 %.2f ms p99 %.2f ms errors %d", r.connections(),
                r.perSecond(), r.p50Ms(), r.p99Ms(), r.errors());
    }
}
