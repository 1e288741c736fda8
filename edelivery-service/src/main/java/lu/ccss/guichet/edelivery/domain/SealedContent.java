package lu.ccss.guichet.edelivery.domain;

/** A document's bytes as stored: encrypted, with the id of the documents key that encrypted them. */
public record SealedContent(String keyId, byte[] bytes) {
}
