package lu.ccss.guichet.registerimport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The initial load of the employer register, run once by an operator:
 * {@code java -jar register-import/target/register-import.jar --file=register.csv [--bootstrap-servers=host:9092]
 * [--kafka.security.protocol=SSL ...] [--dry-run]}. Bad lines are reported and skipped; the good ones are published
 * in one transaction. Exit status: 0 loaded (or checked, with --dry-run), 1 nothing could be loaded, 2 bad usage.
 */
public final class RegisterImport {

    private RegisterImport() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair[0].startsWith("kafka.") && pair.length == 2) {
                kafka.put(pair[0].substring("kafka.".length()), pair[1]);
            } else {
                options.put(pair[0], pair.length == 2 ? pair[1] : "true");
            }
        }
        if (!options.containsKey("file")) {
            err.println("usage: register-import --file=register.csv [--bootstrap-servers=host:port] "
                    + "[--kafka.<client setting>=<value> ...] [--dry-run]");
            err.println("CSV: UTF-8, ';' separated, header " + String.join(";", RegisterCsv.HEADER));
            return 2;
        }
        String bootstrap = options.getOrDefault("bootstrap-servers",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        RegisterCsv.Parsed parsed;
        try (Reader csv = Files.newBufferedReader(Path.of(options.get("file")), StandardCharsets.UTF_8)) {
            parsed = RegisterCsv.parse(csv, Instant.now());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("The file cannot be read as the register's export: " + e.getMessage());
            return 1;
        }
        parsed.badLines().forEach(bad -> err.println("skipped " + bad));
        out.println(parsed.entries().size() + " good lines, " + parsed.badLines().size() + " bad lines skipped");
        if (parsed.entries().isEmpty()) {
            return 1;
        }
        if (options.containsKey("dry-run")) {
            out.println("dry run: nothing published");
            return 0;
        }
        int published = new RegisterPublisher(bootstrap, kafka)
                .publish(parsed.entries().stream().map(RegisterCsv.Entry::event).toList());
        out.println(published + " entries published to the employer register topic in one transaction");
        return 0;
    }
}
