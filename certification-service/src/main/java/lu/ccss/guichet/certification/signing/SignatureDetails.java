package lu.ccss.guichet.certification.signing;

import java.time.Instant;

/** What the signature dictionary states: who signs, why, where and when. */
public record SignatureDetails(String signerName, String reason, String location, Instant signingTime) {
}
