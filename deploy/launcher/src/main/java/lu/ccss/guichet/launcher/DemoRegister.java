package lu.ccss.guichet.launcher;

import lu.ccss.guichet.registerimport.RegisterCsv;
import lu.ccss.guichet.registerimport.RegisterPublisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo employer register (deploy/register/demo-register.csv), loaded once per data directory the way an operator
 * loads the real one: through the register-import command's checks and one transaction on the register's topic.
 */
final class DemoRegister {

    static final String RESOURCE = "register/demo-register.csv";
    private static final String MARKER = "demo-register-loaded";

    private DemoRegister() {
    }

    static void loadOnce(LauncherConfig config, Path dataDirectory, Consumer<String> progress) {
        Path marker = dataDirectory.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try (InputStream in = DemoRegister.class.getClassLoader().getResourceAsStream(RESOURCE);
             Reader csv = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            RegisterCsv.Parsed parsed = RegisterCsv.parse(csv, Instant.now());
            if (!parsed.badLines().isEmpty()) {
                throw new LaunchException("The demo register has bad lines: " + parsed.badLines());
            }
            int published = new RegisterPublisher("localhost:" + config.kafkaPort(), Map.of())
                    .publish(parsed.entries().stream().map(RegisterCsv.Entry::event).toList());
            Files.writeString(marker, Instant.now() + "\n");
            progress.accept("Loaded the demo employer register: " + published + " entries");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
