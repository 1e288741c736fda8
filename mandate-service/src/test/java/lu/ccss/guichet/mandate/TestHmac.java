package lu.ccss.guichet.mandate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** The keyed hash of a code under the test profile's HMAC key, to find its row as the service does. */
final class TestHmac {

    static final byte[] TEST_HMAC_KEY = Base64.getDecoder()
            .decode("dGVzdC1vbmx5LWhtYWMta2V5LW9mLXRoZS1tYW5kYXRlLXNlcnZpY2UtMzJieXRlcw==");

    private TestHmac() {
    }

    static String of(String normalisedCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TEST_HMAC_KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalisedCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
