package lu.ccss.guichet.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm the local run imports: what the services and the demo rely on (LocalStackIT checks the real tokens). */
class RealmFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = JSON.readTree(Path.of("../keycloak/guichet-realm.json").toFile());
    }

    @Test
    void declaresTheFourRealmRoles() {
        assertEquals("guichet", realm.get("realm").asText());
        assertEquals(Set.of("user", "ccss-operator", "domain-system", "print-provider"),
                names(realm.at("/roles/realm"), "name"));
    }

    @Test
    void everyClientsTokensCarryTheAudienceTheServicesRequire() {
        realm.get("clients").forEach(client -> {
            boolean audience = false;
            for (JsonNode mapper : client.path("protocolMappers")) {
                audience |= "oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
                        && "guichet-api".equals(mapper.at("/config/included.custom.audience").asText());
            }
            assertTrue(audience, client.get("clientId").asText() + " must add the guichet-api audience");
        });
    }

    @Test
    void portalIsAPublicClientWithPkceAndPasswordGrant() {
        JsonNode portal = client("guichet-portal");
        assertTrue(portal.get("publicClient").asBoolean());
        assertTrue(portal.get("standardFlowEnabled").asBoolean());
        assertTrue(portal.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(portal.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", portal.at("/attributes/pkce.code.challenge.method").asText());
        assertTrue(names(portal.get("redirectUris"), null).stream().allMatch(u -> u.startsWith("http://localhost:")
                || u.startsWith("http://127.0.0.1:")), "redirects only to this machine");
        assertTrue(mapsNationalId(portal));
    }

    @Test
    void theReferencePortalIsAConfidentialClientWithPkceAndNoPasswordGrant() {
        JsonNode portal = client("portal");
        assertFalse(portal.get("publicClient").asBoolean(), "a backend-for-frontend keeps a secret");
        assertTrue(portal.get("standardFlowEnabled").asBoolean());
        assertFalse(portal.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(portal.get("implicitFlowEnabled").asBoolean());
        assertFalse(portal.get("serviceAccountsEnabled").asBoolean());
        assertEquals("S256", portal.at("/attributes/pkce.code.challenge.method").asText());
        assertTrue(names(portal.get("redirectUris"), null).stream().allMatch(u -> u.startsWith("http://localhost:")
                || u.startsWith("http://127.0.0.1:")), "redirects only to this machine");
        assertTrue(mapsNationalId(portal));
    }

    @Test
    void domainSystemIsAConfidentialServiceAccountWithItsRole() {
        JsonNode client = client("domain-system");
        assertFalse(client.get("publicClient").asBoolean());
        assertTrue(client.get("serviceAccountsEnabled").asBoolean());
        assertFalse(client.get("standardFlowEnabled").asBoolean());
        assertEquals("domain-system-secret", client.get("secret").asText());
        JsonNode account = user("service-account-domain-system");
        assertEquals("domain-system", account.get("serviceAccountClientId").asText());
        assertEquals(Set.of("domain-system"), names(account.get("realmRoles"), null));
    }

    @Test
    void printProviderIsAConfidentialServiceAccountWithItsRoleOnly() {
        JsonNode client = client("print-provider");
        assertFalse(client.get("publicClient").asBoolean());
        assertTrue(client.get("serviceAccountsEnabled").asBoolean());
        assertFalse(client.get("standardFlowEnabled").asBoolean());
        assertFalse(client.get("directAccessGrantsEnabled").asBoolean());
        assertEquals("print-provider-secret", client.get("secret").asText());
        JsonNode account = user("service-account-print-provider");
        assertEquals("print-provider", account.get("serviceAccountClientId").asText());
        assertEquals(Set.of("print-provider"), names(account.get("realmRoles"), null));
        // Nobody is both: an operator never holds the role that downloads codes.
        realm.get("users").forEach(u -> {
            Set<String> roles = names(u.get("realmRoles"), null);
            assertFalse(roles.contains("print-provider") && roles.contains("ccss-operator"), u.toString());
        });
    }

    @Test
    void demoUsersHaveRolesPasswordDemoAndDistinctThirteenDigitNationalIds() {
        Map<String, String> roles = Map.of("employer", "user", "colleague", "user", "agent", "user",
                "operator", "ccss-operator", "printer", "print-provider");
        Set<String> nationalIds = new HashSet<>();
        roles.forEach((username, role) -> {
            JsonNode user = user(username);
            assertEquals(Set.of(role), names(user.get("realmRoles"), null), username);
            assertTrue(user.get("enabled").asBoolean() && user.get("emailVerified").asBoolean(), username);
            assertFalse(user.get("email").asText().isBlank(), username);
            assertFalse(user.get("firstName").asText().isBlank(), username);
            assertFalse(user.get("lastName").asText().isBlank(), username);
            JsonNode password = user.at("/credentials/0");
            assertEquals("password", password.get("type").asText());
            assertEquals("demo", password.get("value").asText());
            assertFalse(password.get("temporary").asBoolean());
            assertTrue(user.at("/requiredActions").isEmpty(), username);
            String nationalId = user.at("/attributes/nationalId/0").asText();
            assertTrue(nationalId.matches("\\d{13}"), username + ": " + nationalId);
            assertTrue(nationalIds.add(nationalId), "distinct: " + nationalId);
        });
    }

    /** Keycloak 26 drops attributes its user profile does not declare: nationalId must be declared. */
    @Test
    void userProfileDeclaresNationalIdSoKeycloakKeepsIt() throws IOException {
        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        JsonNode profile = JSON.readTree(provider.at("/config/kc.user.profile.config/0").asText());
        Set<String> attributes = names(profile.get("attributes"), "name");
        assertTrue(attributes.containsAll(List.of("username", "email", "firstName", "lastName", "nationalId")),
                attributes.toString());
    }

    private static boolean mapsNationalId(JsonNode client) {
        return StreamSupport.stream(client.get("protocolMappers").spliterator(), false)
                .anyMatch(m -> m.get("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")
                        && m.at("/config/user.attribute").asText().equals("nationalId")
                        && m.at("/config/claim.name").asText().equals("nationalId")
                        && m.at("/config/access.token.claim").asText().equals("true"));
    }

    private static JsonNode client(String clientId) {
        return find(realm.get("clients"), "clientId", clientId);
    }

    private static JsonNode user(String username) {
        return find(realm.get("users"), "username", username);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.get(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value));
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }
}
