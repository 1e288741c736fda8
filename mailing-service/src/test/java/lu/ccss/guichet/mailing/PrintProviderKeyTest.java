package lu.ccss.guichet.mailing;

import io.quarkus.runtime.LaunchMode;
import lu.ccss.guichet.mailing.config.PrintProviderKey;
import lu.ccss.guichet.mailing.service.SealedDownload;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PrintProviderKeyTest {

    static final String PUBLIC_KEY = "src/test/resources/keys/print-provider-test-public.pem";

    @Test
    void productionRefusesToStartWithoutThePrintProvidersKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PrintProviderKey.resolve(
                Optional.of(" "), "local", LaunchMode.NORMAL));
        assertThat(e.getMessage(), containsString("PRINT_PROVIDER_PUBLIC_KEY"));
        assertThat(e.getMessage(), containsString("is not set"));
    }

    @Test
    void aKeyThatIsNotAKeyIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PrintProviderKey.resolve(
                Optional.of("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"), "local",
                LaunchMode.NORMAL));
        assertThat(e.getMessage(), containsString("PRINT_PROVIDER_PUBLIC_KEY"));
    }

    @Test
    void whatIsSealedForTheConfiguredKeyOpensWithItsPrivateHalfOnly() {
        PrintProviderKey key = PrintProviderKey.resolve(Optional.of(PUBLIC_KEY), "provider-2026", LaunchMode.NORMAL);
        byte[] sealed = SealedDownload.seal("%PDF-1.7 hello".getBytes(StandardCharsets.UTF_8), key.key(),
                key.keyId(), "letter:x");
        SealedDownload.Opened opened = SealedDownload.open(sealed, MailingApi.printProviderKey());
        assertEquals("provider-2026", opened.keyId());
        assertEquals("letter:x", opened.subject());
        assertEquals("%PDF-1.7 hello", new String(opened.content(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> SealedDownload.open(sealed,
                KeyMaterial.throwAwayRsa().getPrivate()));
    }
}
