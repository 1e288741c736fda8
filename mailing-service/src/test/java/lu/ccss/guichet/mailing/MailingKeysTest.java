package lu.ccss.guichet.mailing;

import io.quarkus.runtime.LaunchMode;
import lu.ccss.guichet.mailing.config.MailingKeys;
import lu.ccss.guichet.platform.crypto.SealedBox;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MailingKeysTest {

    static final String PRIVATE_KEY = "src/test/resources/keys/codes-test-private.pem";
    static final String LETTERS_KEY = "Hdu/bUr+78xBA2Q1Lx6H4ekGrpKfluXs+65w6AuxLkw=";

    @Test
    void productionRefusesToStartWithoutTheCodesKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MailingKeys.resolve(
                Optional.empty(), "local", Optional.of(LETTERS_KEY), LaunchMode.NORMAL));
        assertThat(e.getMessage(), containsString("CODES_PRIVATE_KEY"));
        assertThat(e.getMessage(), containsString("is not set"));
    }

    @Test
    void productionRefusesToStartWithoutTheLettersKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MailingKeys.resolve(
                Optional.of(PRIVATE_KEY), "local", Optional.of(" "), LaunchMode.NORMAL));
        assertThat(e.getMessage(), containsString("LETTERS_ENCRYPTION_KEY"));
    }

    @Test
    void aLettersKeyOfTheWrongSizeIsRefusedWithoutEchoingIt() {
        String short16 = "AAECAwQFBgcICQoLDA0ODw==";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MailingKeys.resolve(
                Optional.of(PRIVATE_KEY), "local", Optional.of(short16), LaunchMode.DEVELOPMENT));
        assertThat(e.getMessage(), containsString("32"));
        assertThat(e.getMessage(), not(containsString(short16)));
    }

    @Test
    void aCodesKeyThatIsNotAKeyIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MailingKeys.resolve(
                Optional.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"), "local",
                Optional.of(LETTERS_KEY), LaunchMode.NORMAL));
        assertThat(e.getMessage(), containsString("PKCS#8"));
    }

    @Test
    void productionStartsWithBothKeysAndOpensWhatWasSealedForIt() {
        MailingKeys keys = MailingKeys.resolve(Optional.of(PRIVATE_KEY), "prod-2025", Optional.of(LETTERS_KEY),
                LaunchMode.NORMAL);
        byte[] opened = SealedBox.open(SealedBox.seal("hello".getBytes(StandardCharsets.UTF_8),
                CodesIssuedFixture.PUBLIC_KEY, "prod-2025"), keys.codesKey());
        assertEquals("hello", new String(opened, StandardCharsets.UTF_8));
        assertEquals("prod-2025", keys.codesKeyId());
    }

    @Test
    void aDevRunWithoutKeysUsesGeneratedOnes() {
        MailingKeys keys = MailingKeys.resolve(Optional.empty(), "local", Optional.empty(), LaunchMode.DEVELOPMENT);
        assertNotNull(keys.codesKey());
        assertEquals(32, keys.lettersKey().getEncoded().length);
    }
}
