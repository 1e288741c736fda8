package lu.ccss.guichet.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The platform's REST API (the contract of docs/ and each service's /q/openapi) as one caller uses it: every call carries that caller's token and is
 * recorded under its endpoint name. Methods answer the raw {@link Response} so that a test can assert on the status
 * and body a person would see.
 */
public final class Guichet {

    private final Platform platform;
    private final Http http;
    private final Supplier<String> token;

    public Guichet(Platform platform, Http http, Supplier<String> token) {
        this.platform = platform;
        this.http = http;
        this.token = token;
    }

    /** Demo user {@code username} signed in through the portal. */
    public static Guichet user(Platform platform, Http http, Keycloak keycloak, String username) {
        return new Guichet(platform, http, () -> keycloak.user(username));
    }

    /** User {@code username} with its own password, signed in through the portal. */
    public static Guichet user(Platform platform, Http http, Keycloak keycloak, String username, String password) {
        return new Guichet(platform, http, () -> keycloak.user(username, password));
    }

    /** The {@code domain-system} service account. */
    public static Guichet domainSystem(Platform platform, Http http, Keycloak keycloak) {
        return new Guichet(platform, http, keycloak::domainSystem);
    }

    /** The {@code print-provider} service account. */
    public static Guichet printProvider(Platform platform, Http http, Keycloak keycloak) {
        return new Guichet(platform, http, keycloak::printProvider);
    }

    /** The same calls without any token. */
    public Guichet anonymous() {
        return new Guichet(platform, http, () -> null);
    }

    // ------------------------------------------------------------------ space-service (procedures A and D)

    public Response createSpace(String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        return send("POST /api/spaces", Http.postJson(at(platform.space(), "/api/spaces"), body));
    }

    public Response mySpaces() {
        return send("GET /api/spaces", Http.get(at(platform.space(), "/api/spaces")));
    }

    public Response space(UUID spaceId) {
        return send("GET /api/spaces/{id}", Http.get(at(platform.space(), "/api/spaces/" + spaceId)));
    }

    public Response members(UUID spaceId) {
        return send("GET /api/spaces/{id}/members", Http.get(at(platform.space(), "/api/spaces/" + spaceId
                + "/members")));
    }

    public Response invite(UUID spaceId, String name, String email, String nationalId, String role) {
        return send("POST /api/spaces/{id}/invitations", Http.postJson(at(platform.space(), "/api/spaces/" + spaceId
                + "/invitations"), Map.of("name", name, "email", email, "nationalId", nationalId, "role", role)));
    }

    public Response myInvitations() {
        return send("GET /api/invitations", Http.get(at(platform.space(), "/api/invitations")));
    }

    public Response acceptInvitation(UUID invitationId) {
        return send("POST /api/invitations/{id}/accept", Http.post(at(platform.space(), "/api/invitations/"
                + invitationId + "/accept")));
    }

    /** A domain system reports a use of a domain by a space for an employer. */
    public Response reportDomainUse(UUID spaceId, String employer, String domain, String usageKind) {
        return send("POST /api/spaces/{id}/domain-usages", Http.postJson(at(platform.space(), "/api/spaces/"
                + spaceId + "/domain-usages"), Map.of("employer", employer, "domain", domain, "usageKind", usageKind)));
    }

    // ------------------------------------------------------------------ certification-service (procedure B)

    public Response openRequest(UUID spaceId) {
        return send("POST /api/certification-requests", Http.postJson(at(platform.certification(),
                "/api/certification-requests"), Map.of("spaceId", spaceId.toString())));
    }

    public Response requestsOfSpace(UUID spaceId) {
        return send("GET /api/certification-requests?spaceId=", Http.get(at(platform.certification(),
                "/api/certification-requests?spaceId=" + spaceId)));
    }

    public Response request(UUID requestId) {
        return send("GET /api/certification-requests/{id}", Http.get(at(platform.certification(),
                "/api/certification-requests/" + requestId)));
    }

    /** Saves one step of the wizard: information, warning, filer, employer, agents or security-code. */
    public Response saveStep(UUID requestId, String step, Object body) {
        return send("PUT /api/certification-requests/{id}/steps/" + step, Http.putJson(at(platform.certification(),
                "/api/certification-requests/" + requestId + "/steps/" + step), body));
    }

    public Response confirm(UUID requestId) {
        return requestAction(requestId, "confirm");
    }

    public Response requestDocument(UUID requestId) {
        return send("GET /api/certification-requests/{id}/document", Http.get(at(platform.certification(),
                "/api/certification-requests/" + requestId + "/document")));
    }

    public Response sign(UUID requestId) {
        return requestAction(requestId, "signature");
    }

    public Response transmit(UUID requestId) {
        return requestAction(requestId, "transmit");
    }

    public Response operatorRequests(String state) {
        return send("GET /api/operator/certification-requests?state=", Http.get(at(platform.certification(),
                "/api/operator/certification-requests?state=" + encode(state))));
    }

    private Response requestAction(UUID requestId, String action) {
        return send("POST /api/certification-requests/{id}/" + action, Http.post(at(platform.certification(),
                "/api/certification-requests/" + requestId + "/" + action)));
    }

    // ------------------------------------------------------------------ mandate-service (codes, procedure C)

    /** Certifies one domain of a space: HOLDER (main mandate) or AGENT (obtained mandate). */
    public Response certify(UUID spaceId, String domain, String capacity, String accessCode, String securityCode) {
        return send("POST /api/spaces/{id}/certifications", Http.postJson(at(platform.mandate(), "/api/spaces/"
                + spaceId + "/certifications"), Map.of("domain", domain, "capacity", capacity,
                "accessCode", accessCode, "securityCode", securityCode)));
    }

    public Response certifications(UUID spaceId) {
        return send("GET /api/spaces/{id}/certifications", Http.get(at(platform.mandate(), "/api/spaces/" + spaceId
                + "/certifications")));
    }

    public Response withdrawMandate(UUID spaceId, UUID certificationId) {
        return send("DELETE /api/spaces/{id}/certifications/{id}", Http.delete(at(platform.mandate(),
                "/api/spaces/" + spaceId + "/certifications/" + certificationId)));
    }

    public Response authorization(UUID spaceId, String employer, String domain) {
        return send("GET /api/authorizations", Http.get(at(platform.mandate(), "/api/authorizations?spaceId="
                + spaceId + "&employer=" + encode(employer) + "&domain=" + encode(domain))));
    }

    /** Uses a holder revocation code from the employer's letter (anyone holding the letter may). */
    public Response revoke(String revocationCode) {
        return send("POST /api/revocations", Http.postJson(at(platform.mandate(), "/api/revocations"),
                Map.of("revocationCode", revocationCode)));
    }

    /** An operator voids a request's unused codes and issues new letters. */
    public Response reissue(UUID requestId, String reason) {
        return send("POST /api/operator/requests/{id}/reissue", Http.postJson(at(platform.mandate(),
                "/api/operator/requests/" + requestId + "/reissue"), Map.of("reason", reason)));
    }

    public Response audit(String employer) {
        return send("GET /api/operator/audit?employer=", Http.get(at(platform.mandate(),
                "/api/operator/audit?employer=" + encode(employer))));
    }

    // ------------------------------------------------------------------ mailing-service (letters, documents)

    public Response lettersOfRequest(UUID requestId) {
        return send("GET /api/letters?requestId=", Http.get(at(platform.mailing(), "/api/letters?requestId="
                + requestId)));
    }

    /** Every letter to one employer (code letters, documents by post, holder notices), for an operator. */
    public Response lettersOfEmployer(String employer) {
        return send("GET /api/letters?employer=", Http.get(at(platform.mailing(), "/api/letters?employer="
                + encode(employer))));
    }

    public Response letterPdf(UUID letterId) {
        return send("GET /api/letters/{id}/pdf", Http.get(at(platform.mailing(), "/api/letters/" + letterId
                + "/pdf")));
    }

    /** One letter of a print batch as printed (codes inside), sealed for the print provider's key. */
    public Response printableLetter(UUID letterId) {
        return send("GET /api/letters/{id}/printable", Http.get(at(platform.mailing(), "/api/letters/" + letterId
                + "/printable")));
    }

    /** Who downloaded a letter's printable PDF (operators). */
    public Response letterDownloads(UUID letterId) {
        return send("GET /api/letters/{id}/downloads", Http.get(at(platform.mailing(), "/api/letters/" + letterId
                + "/downloads")));
    }

    /** A print batch's archive with the codes, sealed for the print provider's key. */
    public Response printArchive(UUID batchId) {
        return send("GET /api/print-batches/{id}/archive", Http.get(at(platform.mailing(), "/api/print-batches/"
                + batchId + "/archive")));
    }

    public Response createPrintBatch() {
        return send("POST /api/print-batches", Http.post(at(platform.mailing(), "/api/print-batches")));
    }

    public Response letterPosted(UUID letterId) {
        return send("POST /api/letters/{id}/posted", Http.post(at(platform.mailing(), "/api/letters/" + letterId
                + "/posted")));
    }

    /** A domain system sends a PDF to an employer's space in a domain. */
    public Response sendDocument(UUID documentId, UUID spaceId, String employer, String domain, String title,
                                 byte[] pdf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", documentId.toString());
        body.put("spaceId", spaceId.toString());
        body.put("employer", employer);
        body.put("domain", domain);
        body.put("title", title);
        body.put("content", java.util.Base64.getEncoder().encodeToString(pdf));
        return send("POST /api/documents", Http.postJson(at(platform.mailing(), "/api/documents"), body));
    }

    // ------------------------------------------------------------------ edelivery-service

    public Response edelivery(UUID spaceId) {
        return send("GET /api/spaces/{id}/edelivery", Http.get(at(platform.edelivery(), "/api/spaces/" + spaceId
                + "/edelivery")));
    }

    public Response inbox(UUID spaceId) {
        return send("GET /api/spaces/{id}/edelivery/documents", Http.get(at(platform.edelivery(), "/api/spaces/"
                + spaceId + "/edelivery/documents")));
    }

    public Response downloadDocument(UUID spaceId, UUID documentId) {
        return send("GET /api/spaces/{id}/edelivery/documents/{id}", Http.get(at(platform.edelivery(),
                "/api/spaces/" + spaceId + "/edelivery/documents/" + documentId)));
    }

    // ------------------------------------------------------------------ plumbing

    /** Any request, with this caller's token: for suites that walk every endpoint (authorization, fuzzing). */
    public Response send(String endpoint, java.net.http.HttpRequest.Builder request) {
        return http.send(endpoint, request, token.get());
    }

    private static URI at(URI base, String pathAndQuery) {
        return URI.create(base.toString() + pathAndQuery);
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
