package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The keys the services refuse to start without in production mode (which is what {@code quarkus-run.jar} runs),
 * generated at random once per data directory under {@code secrets/} and kept, so that what was encrypted, hashed or
 * sealed before a restart still opens after it. Local only: wiped by {@code --fresh}, never committed, never shared.
 * Each service gets only its own keys, as in production: the codes' private key only reaches the mailing-service,
 * and the security-code private key (which opens the holder's security-code hash sealed in RequestTransmitted) only
 * the mandate-service; the certification-service gets its public key.
 * The print provider's key pair stands in for the provider's: the mailing-service gets only its public half; the
 * private half ({@code secrets/print-provider-private.pem}) is what the provider would keep, used by the demo and the
 * system tests to open what they download as the provider.
 */
final class LocalSecrets {

    static final String CODES_KEY_ID = "local";
    static final String SECURITY_CODE_KEY_ID = "local";
    static final String PRINT_PROVIDER_KEY_ID = "local";
    /** Where, under the data directory, the stand-in print provider's private key is (system tests read it). */
    static final String PRINT_PROVIDER_PRIVATE_KEY = "secrets/print-provider-private.pem";
    static final String SIGNING_ALIAS = "guichet-local-signer";
    private static final List<String> SYMMETRIC_KEYS = Stream.concat(Stream.of("national-id-hmac-key",
                    "codes-hmac-key", "letters-encryption-key", "edelivery-documents-key", "signing-keystore-password"),
            ServiceDef.ALL.stream().map(LocalSecrets::idempotencyKey)).toList();

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private Properties keys;

    LocalSecrets(Path dataDir) {
        this.dir = dataDir.resolve("secrets");
    }

    /** Creates what is missing. */
    synchronized void ensure() {
        try {
            DataDirectory.createOwnerOnly(dir);
            keys = new Properties();
            Path keysFile = dir.resolve("keys.properties");
            if (Files.isRegularFile(keysFile)) {
                try (InputStream in = Files.newInputStream(keysFile)) {
                    keys.load(in);
                }
            }
            boolean changed = false;
            for (String name : SYMMETRIC_KEYS) {
                if (!keys.containsKey(name)) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    keys.setProperty(name, Base64.getEncoder().encodeToString(bytes));
                    changed = true;
                }
            }
            if (changed) {
                try (OutputStream out = Files.newOutputStream(keysFile)) {
                    keys.store(out, "Generated for this local data directory only; wiped by --fresh");
                }
            }
            ensureRsaPair(codesPublicKey(), codesPrivateKey());
            ensureRsaPair(securityCodePublicKey(), securityCodePrivateKey());
            ensureRsaPair(printProviderPublicKey(), printProviderPrivateKey());
            if (!Files.isRegularFile(signingKeystore())) {
                createSigningKeystore();
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new LaunchException("Could not create the local secrets in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The variables carrying {@code service}'s keys. */
    synchronized Map<String, String> forService(ServiceDef service) {
        if (keys == null) {
            ensure();
        }
        Map<String, String> env = new LinkedHashMap<>();
        // Every service fingerprints idempotent requests under a key of its own (service-lib platform.idempotency).
        env.put("IDEMPOTENCY_HMAC_KEY", keys.getProperty(idempotencyKey(service)));
        switch (service.name()) {
            case "space-service" -> env.put("NATIONAL_ID_HMAC_KEY", keys.getProperty("national-id-hmac-key"));
            case "certification-service" -> {
                env.put("CERT_SIGNING_KEYSTORE", signingKeystore().toString());
                env.put("CERT_SIGNING_KEYSTORE_PASSWORD", keys.getProperty("signing-keystore-password"));
                env.put("CERT_SIGNING_KEY_ALIAS", SIGNING_ALIAS);
                env.put("SECURITY_CODE_PUBLIC_KEY", securityCodePublicKey().toString());
                env.put("SECURITY_CODE_KEY_ID", SECURITY_CODE_KEY_ID);
                // The local run signs with its own key on purpose; production must not (SigningPorts).
                env.put("SIGNING_LOCAL_ALLOWED_IN_PRODUCTION", "true");
            }
            case "mandate-service" -> {
                env.put("CODES_PUBLIC_KEY", codesPublicKey().toString());
                env.put("CODES_KEY_ID", CODES_KEY_ID);
                env.put("CODES_HMAC_KEY", keys.getProperty("codes-hmac-key"));
                env.put("SECURITY_CODE_PRIVATE_KEY", securityCodePrivateKey().toString());
                env.put("SECURITY_CODE_KEY_ID", SECURITY_CODE_KEY_ID);
            }
            case "mailing-service" -> {
                env.put("CODES_PRIVATE_KEY", codesPrivateKey().toString());
                env.put("CODES_KEY_ID", CODES_KEY_ID);
                env.put("LETTERS_ENCRYPTION_KEY", keys.getProperty("letters-encryption-key"));
                env.put("PRINT_PROVIDER_PUBLIC_KEY", printProviderPublicKey().toString());
                env.put("PRINT_PROVIDER_KEY_ID", PRINT_PROVIDER_KEY_ID);
            }
            case "edelivery-service" -> env.put("EDELIVERY_DOCUMENTS_KEY", keys.getProperty("edelivery-documents-key"));
            default -> {
                // no keys
            }
        }
        return env;
    }

    private static String idempotencyKey(ServiceDef service) {
        return "idempotency-hmac-key." + service.name();
    }

    /** An RSA-3072 key pair in PEM files, unless both files are there. */
    private void ensureRsaPair(Path publicKey, Path privateKey) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(privateKey) || !Files.isRegularFile(publicKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, random);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
    }

    private Path securityCodePrivateKey() {
        return dir.resolve("security-code-private.pem");
    }

    private Path securityCodePublicKey() {
        return dir.resolve("security-code-public.pem");
    }

    private Path printProviderPrivateKey() {
        return dir.getParent().resolve(PRINT_PROVIDER_PRIVATE_KEY);
    }

    private Path printProviderPublicKey() {
        return dir.resolve("print-provider-public.pem");
    }

    private Path codesPrivateKey() {
        return dir.resolve("codes-private.pem");
    }

    private Path codesPublicKey() {
        return dir.resolve("codes-public.pem");
    }

    private Path signingKeystore() {
        return dir.resolve("signing.p12");
    }

    /** A PKCS#12 keystore with a self-signed certificate, made by the JDK's keytool. */
    private void createSigningKeystore() throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        String password = keys.getProperty("signing-keystore-password");
        Path tmp = dir.resolve("signing.p12.tmp");
        Files.deleteIfExists(tmp);
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", SIGNING_ALIAS,
                "-keyalg", "RSA", "-keysize", "3072", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", "CN=Guichet local signer (local development only), O=Guichet, C=LU",
                "-storetype", "PKCS12", "-keystore", tmp.toString(), "-storepass:env", "GUICHET_STOREPASS",
                "-keypass:env", "GUICHET_STOREPASS", "-noprompt").redirectErrorStream(true);
        pb.environment().put("GUICHET_STOREPASS", password);
        Process process = pb.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool was running", e);
        }
        Files.move(tmp, signingKeystore());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
