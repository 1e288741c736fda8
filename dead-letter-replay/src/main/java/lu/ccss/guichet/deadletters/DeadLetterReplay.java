package lu.ccss.guichet.deadletters;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a service's dead-lettered events again, once an operator has fixed why they failed:
 * {@code java -jar dead-letter-replay/target/dead-letter-replay.jar --service=mandate [--bootstrap-servers=host:9092]
 * [--kafka.security.protocol=SSL ...] [--dry-run]}. It reads {@code guichet.<service>.dead-letter} from where its
 * last run stopped. Exit status: 0 done (or checked, with --dry-run), 1 the broker could not be used, 2 bad usage.
 */
public final class DeadLetterReplay {

    static final Set<String> SERVICES = Set.of("space", "certification", "mandate", "mailing", "edelivery");

    private DeadLetterReplay() {
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
        String service = options.get("service");
        if (service == null || !SERVICES.contains(service)) {
            err.println("usage: dead-letter-replay --service=<" + String.join("|", SERVICES.stream().sorted()
                    .toList()) + "> [--bootstrap-servers=host:port] [--kafka.<client setting>=<value> ...] [--dry-run]");
            return 2;
        }
        String bootstrap = options.getOrDefault("bootstrap-servers",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        boolean dryRun = options.containsKey("dry-run");
        try {
            DeadLetters.Outcome outcome = new DeadLetters(bootstrap, kafka).replay("guichet." + service
                    + ".dead-letter", dryRun);
            outcome.refused().forEach(line -> out.println("left on the dead-letter topic: " + line));
            out.println((dryRun ? "dry run: would publish again " : "published again ") + outcome.replayed()
                    + " event(s); " + outcome.refused().size() + " left (never to be replayed)");
            return 0;
        } catch (RuntimeException e) {
            err.println("The broker could not be used: " + e);
            return 1;
        }
    }
}
