package lu.ccss.guichet.certification.benchmark;

import lu.ccss.guichet.certification.document.RequestDocumentRenderer;
import lu.ccss.guichet.certification.domain.AgentDetails;
import lu.ccss.guichet.certification.domain.AgentsChoice;
import lu.ccss.guichet.certification.domain.CertificationRequest;
import lu.ccss.guichet.certification.domain.EmployerDetails;
import lu.ccss.guichet.certification.domain.FilerDetails;
import lu.ccss.guichet.certification.domain.RegisteredParty;
import lu.ccss.guichet.certification.domain.WizardStep;
import lu.ccss.guichet.certification.signing.LocalPdfSigner;
import lu.ccss.guichet.certification.signing.SignatureDetails;
import lu.ccss.guichet.certification.signing.SignedPdf;
import lu.ccss.guichet.certification.signing.SigningKey;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.errors.FieldErrors;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What one request costs the service on this machine, outside Quarkus: rendering the PDF, signing it (local
 * adapter, RSA-3072) and hashing a security code (Argon2id, 19 MiB, t=2, p=1). Run it with the test class path:
 * {@code java -cp ... lu.ccss.guichet.certification.benchmark.DocumentBenchmark [rounds]}.
 */
public final class DocumentBenchmark {

    private DocumentBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        CertificationRequest request = sampleRequest();
        RequestDocumentRenderer renderer = new RequestDocumentRenderer();
        LocalPdfSigner signer = LocalPdfSigner.withKey(SigningKey.fromPkcs12(
                Path.of("src/test/resources/signing/test-signer.p12"), "test-only-password".toCharArray(), null));
        Argon2idHasher hasher = Argon2idHasher.withDefaults();

        for (int i = 0; i < 5; i++) { // warm-up
            signer.sign(renderer.render(request), details());
            hasher.hash("Warm-up-1");
        }
        long[] render = new long[rounds];
        long[] sign = new long[rounds];
        long[] hash = new long[rounds];
        int unsignedSize = 0;
        int signedSize = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = renderer.render(request);
            long t1 = System.nanoTime();
            SignedPdf signed = signer.sign(pdf, details());
            long t2 = System.nanoTime();
            hasher.hash("Bench-" + i);
            long t3 = System.nanoTime();
            render[i] = t1 - t0;
            sign[i] = t2 - t1;
            hash[i] = t3 - t2;
            unsignedSize = pdf.length;
            signedSize = signed.pdf().length;
        }
        System.out.printf("rounds=%d%n", rounds);
        System.out.printf("render PDF      median %.1f ms, p90 %.1f ms (%d bytes)%n", median(render), p90(render),
                unsignedSize);
        System.out.printf("sign (local)    median %.1f ms, p90 %.1f ms (%d bytes signed)%n", median(sign), p90(sign),
                signedSize);
        System.out.printf("Argon2id hash   median %.1f ms, p90 %.1f ms%n", median(hash), p90(hash));
    }

    private static SignatureDetails details() {
        return new SignatureDetails("Claire Schmit", "benchmark", null, Instant.now());
    }

    private static CertificationRequest sampleRequest() {
        Instant now = Instant.now();
        CertificationRequest request = CertificationRequest.open(UUID.randomUUID(), "CCSS-2026-000123", "bench", now);
        request.acknowledge(WizardStep.INFORMATION, now);
        request.acknowledge(WizardStep.WARNING, now);
        request.saveFiler(FilerDetails.of("Schmit", "Claire", "claire@example.lu", "+352 621 123 456"), now);
        PostalAddress address = new PostalAddress("Avenue de la Liberté", "23", "L-1931", "Luxembourg", "LU");
        request.saveEmployer(EmployerDetails.of(new RegisteredParty("1980010112302",
                "Boulangerie-Pâtisserie Schmit S.à r.l.", address), Language.FR), now);
        request.saveAgents(AgentsChoice.of(false, List.of(
                new AgentDetails.Input("1975061500484", "a@weber.lu", List.of("AFFILIATIONS", "REMUNERATIONS"),
                        null),
                new AgentDetails.Input("19931231456", "p@payroll.lu", List.of("BILLING"), LocalDate.of(2030, 1, 1))),
                List.of(new RegisteredParty("1975061500484", "Fiduciaire Weber", address),
                        new RegisteredParty("19931231456", "Payroll Services", address)),
                "1980010112302", new FieldErrors()), now);
        request.saveSecurityCodeHash(Argon2idHasher.withDefaults().hash("Bench-code"), now);
        request.confirm(now);
        return request;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p90(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6;
    }
}
