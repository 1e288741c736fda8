package lu.ccss.guichet.systemtest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keeps the README's module table true: every Maven module of the build has its row, and no row names a ghost. */
class ReadmeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern FIRST_CELL = Pattern.compile("^\\| ([^|]*`[^|]*) \\|");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    @Test
    void theModuleTableListsEveryModuleOnce() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher module = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
        }
        String readme = Files.readString(ROOT.resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Modules"));
        List<String> named = new ArrayList<>();
        boolean services = false;
        for (String line : table.split("\n")) {
            Matcher cell = FIRST_CELL.matcher(line);
            if (cell.find()) {
                Matcher name = NAME.matcher(cell.group(1));
                while (name.find()) {
                    named.add(name.group(1));
                }
                services |= cell.group(1).contains("…");
            }
        }
        boolean servicesRow = services;
        List<String> missing = modules.stream()
                .filter(m -> !named.contains(m) && !(servicesRow && m.endsWith("-service"))).toList();
        assertEquals(List.of(), missing, "modules without a row in the README");
        List<String> ghosts = named.stream().filter(n -> !Files.isDirectory(ROOT.resolve(n))).toList();
        assertEquals(List.of(), ghosts, "rows naming no directory");
        assertEquals(named.stream().distinct().count(), named.size(), "a module listed twice: " + named);
    }
}
