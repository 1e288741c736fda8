package lu.ccss.guichet.platform.keys;

import io.quarkus.runtime.LaunchMode;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one key policy of the platform for a symmetric key (HMAC or AES) that lives outside the database. A key
 * setting holds one or more keys, {@code <id>:<base64>} separated by commas, the <b>current</b> key first: new data
 * is hashed, sealed or encrypted with it, while data made under the older ones stays readable until they are
 * removed (see docs/security.md, "Rotating a key"). A bare base64 value is the single key with id {@code 1}.
 *
 * <p>Outside the local development and test profiles a missing key stops the service at start-up with a message
 * naming the environment variable: a generated key would break data across replicas and restarts without a sound.
 * In dev and test a missing key is generated for the life of the process, with a WARNING.
 */
public final class KeyRing {

    /** The id of a key given without one. */
    public static final String DEFAULT_ID = "1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final String variable;
    private final Map<String, byte[]> keys;
    private final String currentId;

    private KeyRing(String variable, Map<String, byte[]> keys) {
        this.variable = variable;
        this.keys = keys;
        this.currentId = keys.keySet().iterator().next();
    }

    /**
     * Reads the key setting of {@code variable} (the environment variable operators set, named in every message).
     * Each key must decode to at least {@code minBytes} and at most {@code maxBytes} bytes.
     */
    public static KeyRing read(String variable, Optional<String> setting, int minBytes, int maxBytes,
                               LaunchMode mode) {
        String value = setting.map(String::strip).orElse("");
        if (value.isEmpty()) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException("Missing key: set the environment variable " + variable
                        + " (base64 of " + minBytes + (maxBytes > minBytes ? " or more" : "")
                        + " random bytes, e.g. `openssl rand -base64 " + minBytes + "`); see docs/security.md");
            }
            byte[] generated = new byte[minBytes];
            new SecureRandom().nextBytes(generated);
            LOG.warnf("%s is not set: a key generated for this %s process is in use; data it protects will not "
                    + "open after a restart or in another replica", variable, mode.getDefaultProfile());
            return new KeyRing(variable, new LinkedHashMap<>(Map.of("generated", generated)));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? DEFAULT_ID : trimmed.substring(0, colon).strip();
            String base64 = colon < 0 ? trimmed : trimmed.substring(colon + 1).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(variable + ": a key id is 1 to 32 letters, digits, '.', '_' or '-'");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(variable + ": key " + id + " is not base64");
            }
            if (bytes.length < minBytes || bytes.length > maxBytes) {
                throw new IllegalStateException(variable + ": key " + id + " must be "
                        + (minBytes == maxBytes ? minBytes : "at least " + minBytes) + " bytes");
            }
            if (keys.put(id, bytes) != null) {
                throw new IllegalStateException(variable + ": key id " + id + " is given twice");
            }
        }
        return new KeyRing(variable, keys);
    }

    /** The id of the key new data is made with. */
    public String currentId() {
        return currentId;
    }

    public byte[] current() {
        return keys.get(currentId).clone();
    }

    /** The key {@code id}; fails, naming the variable, when the key was removed while data still needs it. */
    public byte[] key(String id) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Key " + id + " is no longer in " + variable
                    + ": data made with it cannot be opened; add it back as an older key");
        }
        return key.clone();
    }

    /** Every key, the current one first: what a look-up by keyed hash must try. */
    public List<byte[]> all() {
        List<byte[]> all = new ArrayList<>();
        keys.values().forEach(k -> all.add(k.clone()));
        return all;
    }
}
