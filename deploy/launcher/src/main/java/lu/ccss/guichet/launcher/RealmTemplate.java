package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keycloak's H2 database right after importing one realm file, kept beside the distribution so that a fresh stack
 * copies it instead of importing again. A fresh Keycloak spends most of its start creating its schema, the master
 * realm and the imported realm (27 of 40 s on a quiet machine); from a copy it is ready in 13 s.
 *
 * <p>A template belongs to one realm file: its name is the file's SHA-256, so an edited realm gets its own. It is
 * made by Keycloak itself ({@code kc.sh --profile=dev import}, its offline import) into a scratch home, then moved
 * into place in one step, under a lock, so a stack never copies half a template. The copy carries the realm's signing
 * keys: every fresh local stack of one machine shares them, as the realm file already shares its demo passwords.
 */
final class RealmTemplate {

    private static final String DATABASE = "keycloakdb.mv.db";
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);

    private final Path directory;
    private final Path realmJson;

    RealmTemplate(Path distDir, Path realmJson) {
        this.directory = distDir.resolve("realm-templates").resolve(key(realmJson));
        this.realmJson = realmJson;
    }

    /** The first 16 hexadecimal digits of the realm file's SHA-256. */
    static String key(Path realmJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(realmJson));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LaunchException("Could not read the realm file " + realmJson + ": " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    boolean exists() {
        return Files.isRegularFile(directory.resolve(DATABASE));
    }

    /** Copies the template's database into {@code home}'s {@code data/h2}, where start-dev finds it. */
    void copyInto(Path home) {
        try {
            Path h2 = Files.createDirectories(home.resolve("data/h2"));
            Files.copy(directory.resolve(DATABASE), h2.resolve(DATABASE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LaunchException("Could not copy Keycloak's realm template into " + home + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Makes the template unless it exists, running Keycloak's offline import from a scratch home prepared by
     * {@code prepareHome}; {@code started} receives the import process, so that a stack stopped meanwhile kills it.
     */
    void make(KeycloakDistribution distribution, Map<String, String> environment, Path log,
            Consumer<ChildProcess> started) {
        try {
            // The template holds the realm's signing keys and the users' password hashes: this user's only.
            DataDirectory.createOwnerOnly(directory.getParent());
            FileLock lock = KeycloakDistribution.lock(directory.resolveSibling(directory.getFileName() + ".lock"),
                    () -> { });
            try {
                if (exists()) {
                    return;
                }
                Path scratch = directory.resolveSibling(directory.getFileName() + ".making-"
                        + ProcessHandle.current().pid());
                try {
                    importInto(scratch, distribution, environment, log, started);
                } finally {
                    KeycloakDistribution.deleteTree(scratch);
                }
            } finally {
                lock.channel().close();
            }
        } catch (IOException e) {
            throw new LaunchException("Could not make Keycloak's realm template in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private void importInto(Path scratch, KeycloakDistribution distribution, Map<String, String> environment,
            Path log, Consumer<ChildProcess> started) throws IOException {
        try {
            KeycloakDistribution.deleteTree(scratch);
            distribution.prepareHome(scratch, realmJson);
            ChildProcess importing = ChildProcess.start("keycloak-realm-import",
                    List.of(scratch.resolve("bin/kc.sh").toString(), "--profile=dev", "import",
                            "--file=" + scratch.resolve("data/import/guichet-realm.json")),
                    environment, scratch, log);
            started.accept(importing);
            if (!importing.process().waitFor(IMPORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    || importing.exitValue() != 0
                    || !Files.isRegularFile(scratch.resolve("data/h2/" + DATABASE))) {
                importing.process().destroyForcibly();
                throw new LaunchException("Keycloak's realm import did not finish (log: " + log + ")");
            }
            Path made = Files.createDirectories(scratch.resolve("template"));
            Files.move(scratch.resolve("data/h2/" + DATABASE), made.resolve(DATABASE));
            Files.move(made, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while making Keycloak's realm template", e);
        }
    }
}
