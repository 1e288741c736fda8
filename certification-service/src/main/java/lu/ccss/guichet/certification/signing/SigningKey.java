package lu.ccss.guichet.certification.signing;

import lu.ccss.guichet.platform.crypto.KeyMaterial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/** A private key and its certificate chain (the signer's certificate first). */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    /** The subject of a generated certificate, as {@link javax.security.auth.x500.X500Principal#getName()} shows it. */
    public static final String GENERATED_SUBJECT =
            "CN=CCSS certification-service local signer (NOT FOR PRODUCTION),O=Centre commun de la securite sociale,C=LU";

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Reads the key entry {@code alias} (or the first key entry) of a PKCS#12 keystore. */
    public static SigningKey fromPkcs12(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = alias != null ? alias : Collections.list(store.aliases()).stream()
                    .filter(a -> isKeyEntry(store, a)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The signing keystore " + keystore
                            + " holds no private key"));
            if (!store.isKeyEntry(entry)) {
                throw new IllegalStateException("The signing keystore " + keystore + " has no key entry " + entry);
            }
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            Certificate[] chain = store.getCertificateChain(entry);
            return new SigningKey(key, Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file only: never the password.
            throw new IllegalStateException("Cannot read the signing keystore " + keystore + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A fresh RSA-3072 key with a self-signed certificate valid for a year, for a run without a keystore (a production
     * that allows the local signer may get here too, so not a throw-away size).
     */
    public static SigningKey generateSelfSigned() {
        try {
            KeyPair pair = KeyMaterial.rsa(3072);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "LU")
                    .addRDN(BCStyle.O, "Centre commun de la securite sociale")
                    .addRDN(BCStyle.CN, "CCSS certification-service local signer (NOT FOR PRODUCTION)").build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))),
                    subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKey(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot generate a local signing certificate", e);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
