package lu.ccss.guichet.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import lu.ccss.guichet.testing.KafkaTestResource;
import lu.ccss.guichet.testing.PostgresTestResource;

/** Real PostgreSQL, a real Kafka broker and a token issuer for every test of this module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public class PlatformTestResources {
}
