package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.mailing.render.LetterModels;
import lu.ccss.guichet.mailing.render.LetterRenderer;
import lu.ccss.guichet.mailing.render.RenderedLetter;
import lu.ccss.guichet.mailing.service.LetterVault;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures how many code letters one core renders (Qute + PDFBox + save, then AES-GCM at rest), on one thread.
 * Prints the numbers; asserts nothing about time.
 */
@QuarkusTest
class LetterRenderingThroughputTest {

    static final int WARM_UP = 150;
    static final int MEASURED = 400;

    @Inject
    LetterRenderer renderer;

    @Inject
    LetterVault vault;

    @Test
    void measuresLettersPerSecondOnOneCore() {
        PostalAddress address = new PostalAddress("Avenue de la Liberté", "23", "L-1931", "Luxembourg", "LU");
        List<LetterModels.HolderCodes> holder = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            holder.add(new LetterModels.HolderCodes(domain, CodesIssuedFixture.code(), CodesIssuedFixture.code()));
        }
        LetterModels.EmployerCodes employer = new LetterModels.EmployerCodes(holder, List.of(
                new LetterModels.AgentSecurityCode("Fiduciaire Weber & Associés S.A.", "1998220456712",
                        CodesIssuedFixture.code()),
                new LetterModels.AgentSecurityCode("Lohnbüro Klein GmbH", "1998220456799", CodesIssuedFixture.code())));
        LetterModels.AgentCodes agent = new LetterModels.AgentCodes("Boulangerie-Pâtisserie Schmit S.à r.l.",
                List.of(new LetterModels.AgentAccessCode(Domain.BILLING, CodesIssuedFixture.code()),
                        new LetterModels.AgentAccessCode(Domain.REMUNERATIONS, CodesIssuedFixture.code())));

        for (int i = 0; i < WARM_UP; i++) {
            render(i, address, employer, agent);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < MEASURED; i++) {
            bytes += render(i, address, employer, agent);
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%n[benchmark] %d letters (half employer, 2 pages; half agent, 1-2 pages), one thread: "
                        + "%.0f letters/s wall clock, %.0f letters per CPU-second of the rendering thread, "
                        + "%.1f ms each, %.1f KB average PDF%n%n", MEASURED, MEASURED / wallSeconds,
                MEASURED / cpuSeconds, wallSeconds * 1000 / MEASURED, bytes / 1024.0 / MEASURED);
        assertTrue(bytes > 0);
    }

    private int render(int i, PostalAddress address, LetterModels.EmployerCodes employer,
                       LetterModels.AgentCodes agent) {
        UUID id = UUID.randomUUID();
        LetterModels.Header header = renderer.header(id, "fr", "Boulangerie-Pâtisserie Schmit S.à r.l.", address,
                "CERT-2025-004217", "20231234567", Instant.now());
        RenderedLetter letter = i % 2 == 0 ? renderer.employerLetter("fr", header, employer)
                : renderer.agentLetter("fr", header, agent);
        return vault.seal(id, letter.pdf()).length;
    }
}
