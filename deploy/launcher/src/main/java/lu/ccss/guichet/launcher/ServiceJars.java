package lu.ccss.guichet.launcher;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

/** The services' runnable jars: built with Maven when they are missing, or always with --build. */
final class ServiceJars {

    private ServiceJars() {
    }

    static void buildIfNeeded(LauncherConfig config, Consumer<String> progress) {
        List<ServiceDef> wanted = new java.util.ArrayList<>(config.services());
        if (config.startsPortal()) {
            wanted.add(ServiceDef.PORTAL);
        }
        List<ServiceDef> missing = wanted.stream()
                .filter(s -> !Files.isRegularFile(s.jar(config.repoDir()))).toList();
        List<ServiceDef> toBuild = switch (config.build()) {
            case ALWAYS -> wanted;
            case IF_MISSING -> missing;
            case NEVER -> {
                if (!missing.isEmpty()) {
                    throw new LaunchException("Missing " + String.join(", ", missing.stream()
                            .map(s -> s.jar(config.repoDir()).toString()).toList())
                            + "; build them first: ./mvnw install -DskipTests");
                }
                yield List.of();
            }
        };
        if (toBuild.isEmpty()) {
            return;
        }
        progress.accept("Building " + String.join(", ", toBuild.stream().map(ServiceDef::name).toList())
                + " (a first build takes a few minutes)");
        String modules = String.join(",", toBuild.stream().map(ServiceDef::name).toList());
        Maven.run(config.repoDir(), List.of("-q", "-B", "install", "-DskipTests", "-pl", modules, "-am"), progress);
        for (ServiceDef s : toBuild) {
            if (!Files.isRegularFile(s.jar(config.repoDir()))) {
                throw new LaunchException("The build did not produce " + s.jar(config.repoDir()));
            }
        }
    }
}
