package lu.ccss.guichet.portal.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {

    @Test
    void frenchAndGermanSayEverythingEnglishSays() {
        assertEquals(List.of(), Texts.missing("fr"));
        assertEquals(List.of(), Texts.missing("de"));
    }

    @Test
    void everyTextATemplateAsksForExists() throws IOException {
        Pattern key = Pattern.compile("t\\.get\\('([^']+)'\\)");
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                Matcher m = key.matcher(Files.readString(t, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!Texts.of("en").containsKey(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "texts missing: " + missing);
    }

    @Test
    void theTextsAreReadAsUtf8() {
        assertEquals("Aller au contenu principal", Texts.of("fr").get("skip"));
        assertTrue(Texts.of("de").get("nav.spaces").contains("Berufsbereiche"));
        assertEquals("Démarche transmise à l'organisme compétent", Texts.of("fr").get("state.TRANSMITTED"));
    }

    @Test
    void anUnknownLanguageFallsBackToFrench() {
        assertEquals(Texts.of("fr"), Texts.of("xx"));
    }

    @Test
    void aProblemsFieldIsTheIdOfItsInput() {
        assertEquals("agents-0-email", Ui.fieldId("agents[0].email"));
        assertEquals("accessCode", Ui.fieldId("accessCode"));
    }

}
