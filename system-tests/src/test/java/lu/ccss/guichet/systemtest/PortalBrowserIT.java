package lu.ccss.guichet.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.CodeLetters;
import lu.ccss.guichet.client.CodeLetters.AgentLetter;
import lu.ccss.guichet.client.CodeLetters.EmployerLetter;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.client.Steps;
import lu.ccss.guichet.client.TestDocuments;
import lu.ccss.guichet.systemtest.portal.PortalPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference portal in a real browser (headless Chromium through Selenium), on the shared platform: procedure A
 * to eDelivery through the pages, as the employer, the agent, a colleague and a CCSS operator, with the codes read
 * from the letters' PDFs as the print provider prints them. Every page state is checked by axe-core (no serious or
 * critical violation of WCAG 2.1 A/AA) and photographed into {@code docs/portal/}.
 *
 * <p>Skipped, with the reason, where no Chromium and chromedriver are installed ({@code apt-get install -y chromium
 * chromium-driver}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.Use.class)
@Order(5)
class PortalBrowserIT {

    private static final String AFFILIATIONS = "AFFILIATIONS";
    private static final String REMUNERATIONS = "REMUNERATIONS";
    private static final String BILLING = "BILLING";

    private PortalPeople people;
    private Guichet operatorApi;
    private Guichet domainSystem;
    private PrintProvider printProvider;
    private boolean failed;

    private final RequestForm.Agent fiduciary = new RequestForm.Agent(RequestForm.newRegistrationNumber(),
            "Fiduciaire Portail", new RequestForm.Address("Rue de l'Alzette", "45", "L-4011", "Esch-sur-Alzette",
            "LU"), "mandats@fiduciaire-portail.lu", List.of(AFFILIATIONS, REMUNERATIONS));
    private final RequestForm form = new RequestForm(RequestForm.defaultFiler(), RequestForm.newEmployer(),
            List.of(fiduciary), RequestForm.newSecurityCode());
    private final String spaceName = "Boulangerie du portail " + UUID.randomUUID().toString().substring(0, 6);
    private String spaceId;
    private String requestId;
    private EmployerLetter employerLetter;
    private AgentLetter agentLetter;

    @BeforeAll
    void openTheBrowsers() {
        assumeTrue(PortalPeople.chromiumInstalled(), "No Chromium/chromedriver on this machine: the portal's browser "
                + "test is skipped. Install them with: apt-get install -y chromium chromium-driver");
        SharedPlatform shared = SharedPlatform.current();
        people = new PortalPeople(shared.config().portalUrl(), SharedPlatform.repo().resolve("docs/portal"));
        operatorApi = shared.user("operator");
        domainSystem = shared.domainSystem();
        printProvider = shared.printProvider();
        shared.register().register(form);
    }

    @AfterAll
    void closeTheBrowsers() {
        if (people == null) {
            return;
        }
        people.close();
        SharedPlatform.log("portal: " + people.axe().summary());
        assertTrue(people.axe().blocking().isEmpty(), "axe-core found serious or critical violations:\n  "
                + String.join("\n  ", people.axe().blocking()));
    }

    @RegisterExtension
    final TestWatcher rememberFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeEach
    void skipAfterAFailure(TestInfo step) {
        assumeTrue(!failed, "an earlier step failed");
        SharedPlatform.log("portal step: " + step.getDisplayName());
    }

    // ------------------------------------------------------------------ procedure A

    @Test
    @Order(1)
    void theEmployerSignsInSwitchesLanguageAndCreatesASpace() {
        var b = people.employer();
        b.open("/");
        assertEquals("fr", b.lang(), "the browser asks for French first");
        var skip = b.tab();
        assertEquals("skip", skip.getAttribute("class"), "the first Tab reaches the skip link");
        assertTrue(skip.isDisplayed(), "the skip link shows when it has the focus");
        assertEquals("3px", skip.getCssValue("outline-width"), "the focus is visible");
        b.check("01-home");
        b.follow("a[href='/language/de?return=%2F']");
        assertEquals("de", b.lang());
        b.follow("main a[href='/signin']");
        b.signIn("employer", "demo");
        assertEquals("/spaces", b.path());
        assertEquals("de", b.lang(), "the language chosen before signing in is remembered (cookie)");
        b.check("02-spaces");

        b.submit("/spaces");
        assertEquals(List.of("name"), b.errorLinks(), "the error summary names the empty field");
        assertTrue(b.has("#name[aria-invalid=true]"));
        b.check("03-spaces-error");

        b.type("name", spaceName);
        b.type("description", "Payroll and staff");
        b.submit("/spaces");
        assertTrue(b.path().matches("/spaces/[0-9a-f-]{36}"), b.path());
        spaceId = b.path().substring("/spaces/".length());
        assertTrue(b.has(".done"), "says the space is created");
        b.check("04-space");
        b.follow("a[href^='/language/en']");
        assertEquals("en", b.lang());
    }

    // ------------------------------------------------------------------ procedure B

    @Test
    @Order(2)
    void theEmployerFillsInTheWizardSignsAndTransmits() {
        var b = people.employer();
        Steps.awaitSpaceKnownToCertification(SharedPlatform.current().user("employer"), UUID.fromString(spaceId));
        b.open("/spaces/" + spaceId);
        b.submit("/spaces/" + spaceId + "/requests");
        assertTrue(b.path().matches("/spaces/.+/requests/[0-9a-f-]{36}"), b.path());
        requestId = b.path().substring(b.path().lastIndexOf('/') + 1);
        b.check("05-request-information");

        b.submit("/steps/information");
        assertEquals(List.of("acknowledged"), b.errorLinks(), "the portal's own check, in the person's language");
        assertTrue(b.text(".error-summary").contains("tick the box"), b.errorSummary());
        b.check("06-request-error");
        b.tick("acknowledged");
        b.submit("/steps/information");
        b.tick("acknowledged");
        b.submit("/steps/warning");

        b.type("lastName", form.filer().lastName());
        b.type("firstName", form.filer().firstName());
        b.type("email", "not-an-address");
        b.type("phone", form.filer().phone());
        b.submit("/steps/filer");
        assertEquals(List.of("email"), b.errorLinks(), "the service's 400 names the field: " + b.errorSummary());
        b.check("07-request-filer-error");
        b.type("email", form.filer().email());
        b.submit("/steps/filer");
        assertTrue(b.driver().getCurrentUrl().contains("step=employer"), b.driver().getCurrentUrl());

        saveUntilRegistered(b, "/steps/employer", () -> {
            b.type("registrationNumber", form.employer().registrationNumber());
            b.select("language", "en");
        });
        b.check("08-request-employer-saved");
        saveUntilRegistered(b, "/steps/agents", () -> {
            b.tick("one-no");
            b.type("agents-0-registrationNumber", fiduciary.registrationNumber());
            b.type("agents-0-email", fiduciary.email());
            b.tick("agent0-" + AFFILIATIONS);
            b.tick("agent0-" + REMUNERATIONS);
        });
        b.type("code", form.securityCode());
        b.type("confirmation", form.securityCode());
        b.check("09-request-security-code");
        b.submit("/steps/security-code");
        assertTrue(b.driver().getCurrentUrl().contains("step=review"), b.driver().getCurrentUrl());
        assertFalse(b.text("main").contains(form.securityCode()), "the review never shows the security code");
        b.check("10-request-review");

        b.submit("/confirm");
        assertTrue(b.has("#document-link"));
        HttpResponse<byte[]> pdf = b.download(b.find("#document-link").getAttribute("href"));
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        b.check("11-request-document");
        b.submit("/signature");
        b.submit("/transmit");
        assertTrue(b.has(".done"));
        b.check("12-request-transmitted");
    }

    /** Saves a step that names registration numbers once the certification-service's register copy has them. */
    private void saveUntilRegistered(lu.ccss.guichet.systemtest.portal.Browser b, String action, Runnable fill) {
        Poll.until("the step " + action + " to be accepted", Steps.EVENT_TIMEOUT, () -> {
            fill.run();
            b.submit(action);
            if (b.has(".error-summary")) {
                String summary = b.text(".error-summary");
                if (summary.contains("register")) {
                    return Attempt.notYet(summary);
                }
                throw new AssertionError("refused: " + summary);
            }
            return Attempt.done(true);
        });
    }

    // ------------------------------------------------------------------ the operator, the letters and the codes

    @Test
    @Order(3)
    void theOperatorBatchesAndPostsTheLettersWithoutSeeingACode() {
        var b = people.operator();
        b.open("/signin");
        b.signIn("operator", "demo");
        assertEquals("/operator", b.path());
        b.check("13-operator-requests");
        UUID request = UUID.fromString(requestId);
        List<JsonNode> letters = Steps.awaitLetters(operatorApi, request, 2);
        b.open("/operator/requests/" + requestId);
        assertEquals(2, b.all(".letter-status").size());
        b.check("14-operator-letters");
        b.submit("/operator/requests/" + requestId + "/batch");
        Poll.until("the letters to be in a print batch", Steps.EVENT_TIMEOUT, () -> {
            b.open("/operator/requests/" + requestId);
            return b.all("form[action$='/posted']").size() == 2 ? Attempt.done(true) : Attempt.notYet("not batched");
        });
        b.check("15-operator-batched");

        for (JsonNode letter : letters) {
            byte[] printed = printProvider.printedLetter(Steps.id(letter));
            if ("CODES_EMPLOYER".equals(letter.get("kind").asText())) {
                employerLetter = CodeLetters.employerLetter(printed);
            } else {
                agentLetter = CodeLetters.agentLetter(printed);
            }
        }
        String page = b.text("main");
        employerLetter.holderAccessCodes().values().forEach(code ->
                assertFalse(page.contains(code), "the operator's page shows no code"));

        b.open("/operator/batches");
        b.check("16-operator-batches");
        b.open("/operator/requests/" + requestId);
        while (b.has("form[action$='/posted'] button")) {
            b.follow("form[action$='/posted'] button");
        }
        assertEquals(2, b.all("form[action$='/returned']").size(), "both letters posted");
        b.check("17-operator-posted");
        Steps.awaitCodesUsable(operatorApi, form.employer().registrationNumber(), letters.stream()
                .map(l -> UUID.fromString(l.get("codeLetterId").asText())).toList());
        b.open("/operator/audit?employer=" + form.employer().registrationNumber());
        assertTrue(b.all("tbody tr").size() > 0, "the audit trail lists the codes' issue and activation");
        b.check("18-operator-audit");
    }

    // ------------------------------------------------------------------ procedure C

    @Test
    @Order(4)
    void theEmployerCertifiesItsSpaceAsHolder() {
        var b = people.employer();
        b.open("/spaces/" + spaceId + "/certifications");
        b.check("19-certifications-empty");
        b.select("domain", AFFILIATIONS);
        b.type("securityCode", form.securityCode());
        b.submit("/certifications");
        assertTrue(b.errorLinks().contains("accessCode"), "the service names the missing code: " + b.errorSummary());
        b.check("20-certifications-error");
        for (String domain : List.of(AFFILIATIONS, BILLING)) {
            b.select("domain", domain);
            b.tick("capacity-holder");
            b.type("accessCode", employerLetter.holderAccessCodes().get(CodeLetters.Domain.valueOf(domain)));
            b.type("securityCode", form.securityCode());
            b.submit("/certifications");
            assertFalse(b.has(".error-summary"), b.errorSummary());
            assertTrue(b.has(".done"));
        }
        assertEquals(2, b.all("tbody tr").size());
        b.check("21-certifications-holder");
    }

    @Test
    @Order(5)
    void theAgentCertifiesItsOwnSpace() {
        var b = people.agent();
        b.open("/signin");
        b.signIn("agent", "demo");
        b.follow("a[href^='/language/en']");
        b.type("name", "Fiduciaire Portail – clients");
        b.submit("/spaces");
        String agentSpace = b.path().substring("/spaces/".length());
        Poll.until("the mandate-service to know the agent's space", Steps.EVENT_TIMEOUT, () -> {
            Response r = SharedPlatform.current().user("agent").certifications(UUID.fromString(agentSpace));
            return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
        });
        b.open("/spaces/" + agentSpace + "/certifications");
        b.select("domain", AFFILIATIONS);
        b.tick("capacity-agent");
        b.type("accessCode", agentLetter.agentAccessCodes().get(CodeLetters.Domain.AFFILIATIONS));
        b.type("securityCode", employerLetter.agentSecurityCodes().get(fiduciary.registrationNumber()));
        b.submit("/certifications");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        assertTrue(b.text("tbody").contains(form.employer().registrationNumber()));
        b.check("22-agent-certified");
    }

    // ------------------------------------------------------------------ procedure D

    @Test
    @Order(6)
    void theEmployerInvitesAColleagueWhoAcceptsAndIsThenRemoved() {
        var b = people.employer();
        b.open("/spaces/" + spaceId + "/members");
        b.type("name", "Luc Weber");
        b.type("email", "colleague@guichet.local");
        b.type("nationalId", "123");
        b.submit("/members/invitations");
        assertTrue(b.errorLinks().contains("nationalId"), b.errorSummary());
        b.check("23-members-error");
        b.type("nationalId", PlatformFixture.colleagueNationalId());
        b.submit("/members/invitations");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        b.check("24-members-invited");

        var c = people.colleague();
        c.open("/signin");
        c.signIn("colleague", "demo");
        c.open("/invitations");
        c.check("25-invitations");
        c.click(c.driver().findElement(org.openqa.selenium.By.xpath("//tr[td[contains(., '" + spaceName
                + "')]]//button")));
        Poll.until("the invitation to " + spaceName + " to be accepted", Steps.EVENT_TIMEOUT, () -> {
            c.open("/spaces");
            return c.text("main").contains(spaceName) ? Attempt.done(true) : Attempt.notYet("not yet");
        });
        c.check("26-colleague-spaces");

        b.open("/spaces/" + spaceId + "/members");
        assertEquals(2, b.all("tbody tr").size());
        String colleagueId = lu.ccss.guichet.client.Keycloak.claims(SharedPlatform.current().keycloak()
                .user("colleague")).get("sub").asText();
        b.follow("form[action$='/members/" + colleagueId + "/role'] button");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        b.follow("form[action$='/members/" + colleagueId + "/remove'] button");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        assertEquals(1, b.all("tbody tr").size());
        b.check("27-members-removed");
    }

    // ------------------------------------------------------------------ eDelivery

    @Test
    @Order(7)
    void theEmployerSeesEDeliveryActiveAndDownloadsADocument() {
        UUID space = UUID.fromString(spaceId);
        String employer = form.employer().registrationNumber();
        Steps.reportDomainUse(domainSystem, space, employer, AFFILIATIONS);
        Steps.awaitEDeliveryActive(SharedPlatform.current().user("employer"), space, employer, AFFILIATIONS);
        UUID document = UUID.randomUUID();
        domainSystem.sendDocument(document, space, employer, AFFILIATIONS, "Affiliation certificate",
                TestDocuments.pdf("Affiliation certificate", "Portal")).expect(202);
        var b = people.employer();
        Poll.until("the document in the inbox page", Steps.EVENT_TIMEOUT, () -> {
            b.open("/spaces/" + spaceId + "/edelivery");
            return b.has("a[href$='/documents/" + document + "']") ? Attempt.done(true) : Attempt.notYet("empty");
        });
        assertTrue(b.has(".status-active"));
        b.check("28-edelivery");
        HttpResponse<byte[]> pdf = b.download(b.find("a[href$='/documents/" + document + "']").getAttribute("href"));
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    // ------------------------------------------------------------------ withdrawal, revocation, reissue

    @Test
    @Order(8)
    void theEmployerWithdrawsTheAgentAndRevokesAHolderCertification() {
        var b = people.employer();
        b.open("/spaces/" + spaceId + "/certifications");
        b.follow("form[action$='/withdraw'] button");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        assertFalse(b.has("form[action$='/withdraw']"));
        b.type("revocationCode", employerLetter.revocationCodes().get(CodeLetters.Domain.BILLING));
        b.submit("/certifications/revocations");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        assertEquals(1, b.all("tbody tr").size(), "only AFFILIATIONS remains");
        b.check("29-certifications-after-revocation");
    }

    @Test
    @Order(9)
    void theOperatorReissuesTheUnusedCodesWithAReason() {
        var b = people.operator();
        b.open("/operator/requests/" + requestId);
        b.submit("/reissue");
        assertEquals(List.of("reason"), b.errorLinks(), b.errorSummary());
        b.check("30-operator-reissue-error");
        b.type("reason", "Letter damaged in the post");
        b.submit("/reissue");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        b.check("31-operator-reissued");
        Poll.until("the new letter", Duration.ofSeconds(60), () -> {
            b.open("/operator/requests/" + requestId);
            return b.all(".letter-status").size() > 2 ? Attempt.done(true) : Attempt.notYet("not yet");
        });
        b.find("form[action$='/returned'] input[name=reason]").sendKeys("Destinataire inconnu");
        b.follow("form[action$='/returned'] button");
        assertFalse(b.has(".error-summary"), b.errorSummary());
        assertTrue(b.has(".done"));
        b.check("32-operator-letter-returned");
        b.open("/operator/audit?employer=" + form.employer().registrationNumber());
        assertTrue(b.all(".letter-status").size() > 2, "the employer's letters, by status");
        b.check("33-operator-employer-letters");
    }

    @Test
    @Order(10)
    void theTokensStayOnTheServerFormsNeedTheirCsrfTokenAndTheServicesAllowNoBrowserOrigin() throws Exception {
        var b = people.employer();
        b.open("/spaces/" + spaceId + "/certifications");
        String page = b.driver().getPageSource();
        assertFalse(page.contains("eyJ"), "no token (nor any JWT) in a page");
        var session = b.cookie("q_session").or(() -> b.cookie("q_session_chunk_1")).orElseThrow();
        assertTrue(session.isHttpOnly(), "the session cookie is out of reach of scripts");
        b.driver().manage().getCookies().forEach(c -> assertFalse(
                c.getValue().matches(".*eyJ[\\w-]*\\.eyJ[\\w-]*\\..*"),
                "cookie " + c.getName() + " holds no readable (signed, unencrypted) token"));

        // the same POST as the revocation form, with the session but without the form's CSRF token: refused
        String cookies = b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(SharedPlatform.current().config().portalUrl()
                                + "/spaces/" + spaceId + "/certifications/revocations"))
                        .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("revocationCode=ABCD-EFGH-JKMN"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode(), "a form without its CSRF token is refused");

        // the browser never calls a service: a service answers a browser's preflight from the portal's origin
        // without allowing it (no CORS origin is configured locally)
        String space = SharedPlatform.current().platform().space().toString();
        java.net.http.HttpResponse<String> preflight = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(space + "/api/spaces"))
                        .header("Origin", SharedPlatform.current().config().portalUrl())
                        .header("Access-Control-Request-Method", "POST")
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                "no Access-Control-Allow-Origin for the portal's origin: " + preflight.headers().map());
    }

    @Test
    @Order(11)
    void theEmployerSignsOutAndThePagesAskForASignInAgain() {
        var b = people.employer();
        b.follow("header a[href='/logout']");
        assertEquals("/", b.path(), "back on the portal's home page: " + b.driver().getCurrentUrl());
        assertTrue(b.has("main a[href='/signin']"), "signed out");
        b.open("/spaces/" + spaceId);
        assertFalse(b.driver().getCurrentUrl().startsWith(SharedPlatform.current().config().portalUrl()),
                "a page of the space sends to the sign-in page again: " + b.driver().getCurrentUrl());
    }
}
