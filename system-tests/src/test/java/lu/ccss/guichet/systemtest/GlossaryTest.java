package lu.ccss.guichet.systemtest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Keeps docs/glossary.md true: no synonym from its "must not come back" table appears in the sources (code,
 * configuration, migrations) of any module.
 */
class GlossaryTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path GLOSSARY = ROOT.resolve("docs/glossary.md");
    private static final Pattern FORBIDDEN_ROW = Pattern.compile("^\\| `([^`]+)` \\| .+ \\|$");
    private static final Pattern SOURCE = Pattern.compile(".*\\.(java|properties|sql|sh|xml|json)$");

    @Test
    void noForbiddenSynonymInTheSources() throws IOException {
        List<String> forbidden = forbiddenSynonyms();
        assertFalse(forbidden.isEmpty(), "the glossary lists its forbidden synonyms");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(GlossaryTest::isSource).forEach(file -> {
                String text = read(file);
                forbidden.stream().filter(text::contains)
                        .forEach(word -> found.add(ROOT.relativize(file) + " uses '" + word + "'"));
            });
        }
        assertEquals(List.of(), found, "synonyms that docs/glossary.md forbids");
    }

    private static List<String> forbiddenSynonyms() throws IOException {
        String glossary = Files.readString(GLOSSARY);
        String table = glossary.substring(glossary.indexOf("## Synonyms that must not come back"));
        List<String> words = new ArrayList<>();
        for (String line : table.split("\n")) {
            Matcher row = FORBIDDEN_ROW.matcher(line);
            if (row.matches()) {
                words.add(row.group(1));
            }
        }
        return words;
    }

    private static boolean isSource(Path file) {
        String path = ROOT.relativize(file).toString();
        return Files.isRegularFile(file) && SOURCE.matcher(path).matches() && path.contains("src/")
                && !path.contains("/target/") && !path.startsWith(".") && !path.endsWith("GlossaryTest.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
