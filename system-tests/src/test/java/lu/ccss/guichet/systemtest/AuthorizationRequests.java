package lu.ccss.guichet.systemtest;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.client.Steps;
import lu.ccss.guichet.client.TestDocuments;
import lu.ccss.guichet.events.CheckDigits;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;

import java.net.URI;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the authorization matrix calls each operation: the request every principal sends (the same for all of them,
 * aimed at the fixture's employer space and its things), and, for an operation that consumes its target, how to
 * make a new one after a principal succeeded. Keys are {@code "<service> <METHOD> <path template>"}, as the
 * services' OpenAPI documents name the operations.
 *
 * <p>The bodies are valid, so that a refusal is about who calls, not about what is sent; where a valid call would
 * have lasting effects on the fixture (a code redeemed or revoked, codes reissued, a request transmitted), the call
 * aims at something that answers without effect once the caller is admitted (a used code: 409; an unknown
 * revocation code: 422; an unknown request: 404; an empty draft: 409).
 */
final class AuthorizationRequests {

    /** One operation's call, and what to do after a principal's call succeeded (null when nothing is consumed). */
    record Call(Function<Guichet, Response> send, Runnable renew) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformFixture f;
    private final SharedPlatform shared;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private UUID draft;
    /** A draft nobody fills in: confirming, signing or transmitting it is refused (409) once a caller is admitted. */
    private final UUID emptyDraft;
    private UUID invitation;

    AuthorizationRequests(SharedPlatform shared) {
        this.shared = shared;
        this.f = shared.fixture();
        this.draft = f.draft;
        this.invitation = f.invitation;
        this.emptyDraft = f.administrator.openRequest(f.employerSpace).expect(201).locationId();
        space();
        certification();
        mandate();
        mailing();
        edelivery();
    }

    Map<String, Call> calls() {
        return calls;
    }

    private void space() {
        String spaces = "/api/spaces/" + f.employerSpace;
        on("space POST /api/spaces", g -> post(g, space("/api/spaces"), Map.of("name", "Matrix space",
                "description", "Made by the authorization matrix")));
        on("space GET /api/spaces", g -> get(g, space("/api/spaces")));
        on("space GET /api/spaces/{spaceId}", g -> get(g, space(spaces)));
        on("space GET /api/spaces/{spaceId}/members", g -> get(g, space(spaces + "/members")));
        on("space PUT /api/spaces/{spaceId}/members/{userId}/role", g -> put(g,
                space(spaces + "/members/" + f.memberUserId + "/role"), Map.of("role", "MEMBER")));
        on("space POST /api/spaces/{spaceId}/invitations", g -> post(g, space(spaces + "/invitations"), Map.of(
                "name", "Somebody New", "email", "new@guichet.test", "nationalId", newNationalId(), "role",
                "MEMBER")));
        on("space GET /api/spaces/{spaceId}/invitations", g -> get(g, space(spaces + "/invitations")));
        on("space GET /api/spaces/{spaceId}/invitations/{invitationId}", g -> get(g,
                space(spaces + "/invitations/" + invitation)));
        on("space GET /api/invitations", g -> get(g, space("/api/invitations")));
        on("space POST /api/invitations/{invitationId}/accept", g -> post(g,
                space("/api/invitations/" + invitation + "/accept"), null));
        on("space POST /api/spaces/{spaceId}/domain-usages", g -> post(g, space(spaces + "/domain-usages"), Map.of(
                "employer", f.employerNumber, "domain", PlatformFixture.USED_DOMAIN, "usageKind", "CONSULTATION")));
        calls.put("space DELETE /api/spaces/{spaceId}/invitations/{invitationId}", new Call(g -> delete(g,
                space(spaces + "/invitations/" + invitation)), () -> invitation = f.administrator.invite(
                f.employerSpace, "Nobody Here", "nobody@guichet.test", PlatformFixture.nobodysNationalId(), "MEMBER")
                .expect(201).locationId()));
        calls.put("space DELETE /api/spaces/{spaceId}/members/{userId}", new Call(g -> delete(g,
                space(spaces + "/members/" + f.memberUserId)), this::rejoinTheMember));
    }

    private void certification() {
        String requests = "/api/certification-requests";
        on("certification POST /api/certification-requests", g -> post(g, certification(requests),
                Map.of("spaceId", f.employerSpace.toString())));
        on("certification GET /api/certification-requests", g -> get(g,
                certification(requests + "?spaceId=" + f.employerSpace)));
        on("certification GET /api/certification-requests/{id}", g -> get(g, certification(requests + "/" + f.request)));
        RequestForm form = RequestForm.withoutAgents();
        step("information", Map.of("acknowledged", true));
        step("warning", Map.of("acknowledged", true));
        step("filer", form.filerStep());
        step("employer", Map.of("registrationNumber", f.employerNumber, "language", "en"));
        step("agents", form.agentsStep());
        step("security-code", form.securityCodeStep());
        on("certification POST /api/certification-requests/{id}/confirm", g -> post(g,
                certification(requests + "/" + emptyDraft + "/confirm"), null));
        on("certification GET /api/certification-requests/{id}/document", g -> get(g,
                certification(requests + "/" + f.request + "/document")));
        on("certification POST /api/certification-requests/{id}/signature", g -> post(g,
                certification(requests + "/" + emptyDraft + "/signature"), null));
        on("certification POST /api/certification-requests/{id}/transmit", g -> post(g,
                certification(requests + "/" + emptyDraft + "/transmit"), null));
        calls.put("certification DELETE /api/certification-requests/{id}", new Call(g -> delete(g,
                certification(requests + "/" + draft)), () -> draft = f.administrator.openRequest(f.employerSpace)
                .expect(201).locationId()));
        on("certification GET /api/operator/certification-requests", g -> get(g,
                certification("/api/operator/certification-requests?state=TRANSMITTED")));
        register("certification", shared.platform().certification());
    }

    private void step(String name, Object body) {
        on("certification PUT /api/certification-requests/{id}/steps/" + name, g -> put(g,
                certification("/api/certification-requests/" + draft + "/steps/" + name), body));
    }

    private void mandate() {
        String certifications = "/api/spaces/" + f.employerSpace + "/certifications";
        on("mandate POST /api/spaces/{spaceId}/certifications", g -> post(g, mandate(certifications), Map.of(
                "domain", PlatformFixture.USED_DOMAIN, "capacity", "HOLDER", "accessCode", f.usedAccessCode,
                "securityCode", f.securityCode)));
        on("mandate GET /api/spaces/{spaceId}/certifications", g -> get(g, mandate(certifications)));
        on("mandate GET /api/spaces/{spaceId}/certifications/{mandateId}", g -> get(g,
                mandate(certifications + "/" + f.holderMandate)));
        // Consumed by the first success; no principal after the administrator is let through anyway.
        on("mandate DELETE /api/spaces/{spaceId}/certifications/{mandateId}", g -> delete(g,
                mandate(certifications + "/" + f.withdrawableMandate)));
        on("mandate GET /api/authorizations", g -> get(g, mandate("/api/authorizations?spaceId=" + f.agentSpace
                + "&employer=" + f.employerNumber + "&domain=REMUNERATIONS")));
        on("mandate POST /api/revocations", g -> post(g, mandate("/api/revocations"),
                Map.of("revocationCode", CodeAlphabet.print(CodeFormat.ACCESS.generate()))));
        on("mandate POST /api/operator/requests/{requestId}/reissue", g -> post(g,
                mandate("/api/operator/requests/" + UUID.randomUUID() + "/reissue"),
                Map.of("reason", "Authorization matrix")));
        on("mandate GET /api/operator/audit", g -> get(g, mandate("/api/operator/audit?employer="
                + f.employerNumber)));
        register("mandate", shared.platform().mandate());
    }

    private void mailing() {
        String letter = "/api/letters/" + f.batchedLetter;
        String batch = "/api/print-batches/" + f.batch;
        on("mailing POST /api/documents", g -> g.sendDocument(UUID.randomUUID(), f.employerSpace, f.employerNumber,
                PlatformFixture.USED_DOMAIN, "Matrix document", TestDocuments.pdf("Matrix document", "Matrix")));
        on("mailing GET /api/letters", g -> get(g, mailing("/api/letters?employer=" + f.batchedEmployerNumber)));
        on("mailing GET /api/letters/{letterId}", g -> get(g, mailing(letter)));
        on("mailing GET /api/letters/{letterId}/pdf", g -> get(g, mailing(letter + "/pdf")));
        on("mailing GET /api/letters/{letterId}/printable", g -> get(g, mailing(letter + "/printable")));
        on("mailing GET /api/letters/{letterId}/downloads", g -> get(g, mailing(letter + "/downloads")));
        on("mailing POST /api/print-batches", g -> post(g, mailing("/api/print-batches"), null));
        on("mailing GET /api/print-batches", g -> get(g, mailing("/api/print-batches")));
        on("mailing GET /api/print-batches/{batchId}", g -> get(g, mailing(batch)));
        on("mailing GET /api/print-batches/{batchId}/archive", g -> get(g, mailing(batch + "/archive")));
        on("mailing GET /api/print-batches/{batchId}/downloads", g -> get(g, mailing(batch + "/downloads")));
        // After the reads above: posting takes the letter out of its batch, and only a posted letter comes back.
        on("mailing POST /api/letters/{letterId}/posted", g -> post(g, mailing(letter + "/posted"), null));
        on("mailing POST /api/letters/{letterId}/returned", g -> post(g, mailing(letter + "/returned"),
                Map.of("reason", "Destinataire inconnu")));
        register("mailing", shared.platform().mailing());
    }

    private void edelivery() {
        String edelivery = "/api/spaces/" + f.employerSpace + "/edelivery";
        on("edelivery GET /api/spaces/{spaceId}/edelivery", g -> get(g, edelivery(edelivery)));
        on("edelivery GET /api/spaces/{spaceId}/edelivery/documents", g -> get(g, edelivery(edelivery + "/documents")));
        on("edelivery GET /api/spaces/{spaceId}/edelivery/documents/{documentId}", g -> get(g,
                edelivery(edelivery + "/documents/" + f.document)));
    }

    /** The operators' look-up in a service's copy of the employer register (service-lib, in three services). */
    private void register(String service, URI base) {
        on(service + " GET /api/operator/register/employers/{registrationNumber}", g -> get(g,
                URI.create(base + "/api/operator/register/employers/" + f.employerNumber)));
    }

    private void rejoinTheMember() {
        UUID invited = f.administrator.invite(f.employerSpace, "Luc Weber", "colleague@guichet.local",
                PlatformFixture.colleagueNationalId(), "MEMBER").expect(201).locationId();
        f.member.acceptInvitation(invited).expect(200);
        for (Function<Guichet, Response> seen : java.util.List.<Function<Guichet, Response>>of(
                g -> g.certifications(f.employerSpace), g -> g.edelivery(f.employerSpace))) {
            Poll.until("every service to know the member again", Steps.EVENT_TIMEOUT, () -> {
                Response r = seen.apply(f.member);
                return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
            });
        }
    }

    private void on(String operation, Function<Guichet, Response> send) {
        calls.put(operation, new Call(send, null));
    }

    private static String newNationalId() {
        return CheckDigits.nationalNumber(String.format("19710101%03d", RANDOM.nextInt(1000)));
    }

    private URI space(String path) {
        return URI.create(shared.platform().space() + path);
    }

    private URI certification(String path) {
        return URI.create(shared.platform().certification() + path);
    }

    private URI mandate(String path) {
        return URI.create(shared.platform().mandate() + path);
    }

    private URI mailing(String path) {
        return URI.create(shared.platform().mailing() + path);
    }

    private URI edelivery(String path) {
        return URI.create(shared.platform().edelivery() + path);
    }

    private static Response get(Guichet g, URI uri) {
        return g.send("matrix", Http.get(uri));
    }

    private static Response delete(Guichet g, URI uri) {
        return g.send("matrix", Http.delete(uri));
    }

    private static Response post(Guichet g, URI uri, Object body) {
        return g.send("matrix", body == null ? Http.post(uri) : Http.postJson(uri, body));
    }

    private static Response put(Guichet g, URI uri, Object body) {
        return g.send("matrix", Http.putJson(uri, body));
    }
}
