package lu.ccss.guichet.launcher;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keycloak's distribution ({@code org.keycloak:keycloak-quarkus-dist:tar.gz} from Maven Central), unpacked once into
 * the cache directory and shared by every local stack, and the small per-stack "home" that runs it.
 *
 * <p>A home is {@code bin/} and {@code conf/} copied from the distribution, {@code lib}, {@code themes} and
 * {@code providers} linked to it, and its own {@code data/} (the H2 database and {@code data/import}). Keycloak's
 * one-time build for {@code start-dev} (about 35 s) writes into the shared {@code lib/}, so a second stack, or the
 * smoke test, starts without rebuilding; each stack still has its own realm data.
 */
final class KeycloakDistribution {

    private static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:%s:tar.gz";
    private static final List<String> LINKED = List.of("lib", "themes", "providers");
    private static final List<String> COPIED = List.of("bin", "conf");
    /** Written into the distribution after Keycloak first started from it, i.e. after its start-dev build. */
    static final String BUILT_MARKER = ".guichet-start-dev-built";

    private final LauncherConfig config;
    private final Consumer<String> progress;

    KeycloakDistribution(LauncherConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /** The unpacked distribution, e.g. {@code ~/.cache/guichet/keycloak-26.7.3}. */
    Path distDir() {
        return config.cacheDir().resolve("keycloak-" + LauncherConfig.KEYCLOAK_VERSION);
    }

    boolean isBuilt() {
        return Files.exists(distDir().resolve(BUILT_MARKER));
    }

    void markBuilt() {
        try {
            Files.writeString(distDir().resolve(BUILT_MARKER), "Keycloak's start-dev build is in lib/quarkus\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lock file held while Keycloak builds from this distribution, so two stacks never build it at once. */
    FileLock lockForBuild() {
        try {
            Files.createDirectories(config.cacheDir());
            return lock(config.cacheDir().resolve(distDir().getFileName() + ".lock"),
                    () -> progress.accept("Another launcher is building Keycloak from " + distDir()
                            + "; waiting for it"));
        } catch (IOException e) {
            throw new LaunchException("Could not lock " + config.cacheDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An exclusive lock on {@code lockFile} (created if missing), held by this process until its channel is closed;
     * {@code beforeWaiting} runs when another process holds it.
     */
    static FileLock lock(Path lockFile, Runnable beforeWaiting) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                beforeWaiting.run();
                lock = channel.lock();
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Unpacks the distribution unless it is there. */
    void ensureUnpacked() {
        Path dist = distDir();
        if (Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
            return;
        }
        Path archive = locateArchive();
        progress.accept("Unpacking Keycloak " + LauncherConfig.KEYCLOAK_VERSION + " into " + dist);
        Path tmp = dist.resolveSibling(dist.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(config.cacheDir());
            deleteTree(tmp);
            untar(archive, tmp);
            try {
                Files.move(tmp, dist, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another launcher unpacked it meanwhile
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new LaunchException("Could not unpack " + archive + " into " + dist + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tar.gz in the local Maven repository: where the launcher's build resolved it, else the default local
     * repository; if it is in neither, Maven fetches it from Maven Central.
     */
    Path locateArchive() {
        String built = LauncherConfig.buildProperty("keycloak.dist", null);
        if (built != null && Files.isRegularFile(Path.of(built))) {
            return Path.of(built);
        }
        Path inLocalRepo = localRepository().resolve("org/keycloak/keycloak-quarkus-dist/"
                + LauncherConfig.KEYCLOAK_VERSION + "/keycloak-quarkus-dist-" + LauncherConfig.KEYCLOAK_VERSION
                + ".tar.gz");
        if (Files.isRegularFile(inLocalRepo)) {
            return inLocalRepo;
        }
        String artifact = ARTIFACT.formatted(LauncherConfig.KEYCLOAK_VERSION);
        progress.accept("Fetching " + artifact + " (about 176 MB) through Maven");
        Maven.run(config.repoDir(), List.of("-q", "-B", "dependency:get", "-Dartifact=" + artifact,
                "-Dtransitive=false"), progress);
        if (Files.isRegularFile(inLocalRepo)) {
            return inLocalRepo;
        }
        throw new LaunchException("Could not find " + artifact + " in " + localRepository()
                + " after fetching it; build the launcher with ./mvnw -pl deploy/launcher -am install -DskipTests");
    }

    private static Path localRepository() {
        String explicit = System.getProperty("maven.repo.local");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Prepares {@code home}: links to the distribution, copies of bin/ and conf/, and the realm in
     * {@code data/import/} (Keycloak imports it only while the realm does not exist yet).
     */
    void prepareHome(Path home, Path realmJson) {
        Path dist = distDir();
        try {
            Files.createDirectories(home.resolve("data/import"));
            for (String dir : LINKED) {
                Path link = home.resolve(dir);
                Path target = dist.resolve(dir);
                if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                    continue;
                }
                deleteTree(link);
                Files.createSymbolicLink(link, target);
            }
            for (String dir : COPIED) {
                Path copy = home.resolve(dir);
                Path versionFile = home.resolve(".keycloak-version");
                boolean current = Files.isDirectory(copy) && Files.isRegularFile(versionFile)
                        && Files.readString(versionFile).trim().equals(LauncherConfig.KEYCLOAK_VERSION);
                if (!current) {
                    deleteTree(copy);
                    copyTree(dist.resolve(dir), copy);
                }
            }
            Files.writeString(home.resolve(".keycloak-version"), LauncherConfig.KEYCLOAK_VERSION + "\n");
            Files.copy(realmJson, home.resolve("data/import/guichet-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LaunchException("Could not prepare Keycloak's home " + home + ": " + e.getMessage(), e);
        }
    }

    private static void untar(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                // strip the top directory (keycloak-26.7.3/)
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path out = target.resolve(relative).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entry outside the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            Files.delete(path);
            return;
        }
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
