package lu.ccss.guichet.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmTemplateTest {

    @TempDir
    Path dir;

    @Test
    void anEditedRealmFileGetsATemplateOfItsOwn() throws IOException {
        Path realm = Files.writeString(dir.resolve("realm.json"), "{\"realm\":\"guichet\"}");
        Path dist = dir.resolve("dist");
        RealmTemplate before = new RealmTemplate(dist, realm);
        assertEquals(before.directory(), new RealmTemplate(dist, realm).directory());

        Files.writeString(realm, "{\"realm\":\"guichet\",\"enabled\":true}");
        RealmTemplate after = new RealmTemplate(dist, realm);
        assertNotEquals(before.directory(), after.directory());
        assertTrue(after.directory().startsWith(dist.resolve("realm-templates")));
    }

    @Test
    void aTemplateExistsOnlyOnceItsDatabaseIsInPlaceAndIsCopiedIntoAHome() throws IOException {
        Path realm = Files.writeString(dir.resolve("realm.json"), "{}");
        RealmTemplate template = new RealmTemplate(dir.resolve("dist"), realm);
        Files.createDirectories(template.directory());
        assertFalse(template.exists(), "an empty directory (a template being made) is not a template");

        Files.writeString(template.directory().resolve("keycloakdb.mv.db"), "h2");
        assertTrue(template.exists());
        Path home = dir.resolve("home");
        template.copyInto(home);
        assertEquals("h2", Files.readString(home.resolve("data/h2/keycloakdb.mv.db")));
    }

    @Test
    void whatHoldsKeysAndPasswordHashesIsReadableByItsOwnerOnly() throws IOException {
        Path templates = dir.resolve("dist/realm-templates");
        DataDirectory.createOwnerOnly(templates);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(templates)));
    }
}
