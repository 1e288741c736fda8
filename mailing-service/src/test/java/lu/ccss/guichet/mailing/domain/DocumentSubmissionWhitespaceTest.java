package lu.ccss.guichet.mailing.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The loop that strips whitespace from the base64 content removes exactly what the regex {@code \s} did. */
class DocumentSubmissionWhitespaceTest {

    @Test
    void removesWhatTheRegexRemovedAndNothingElse() {
        for (String raw : List.of("", "JVBERi0x", " JVBE\tRi0x\nLjQK\r\n", "\u000BJVB\fERi", "a\u00A0b\u2003c \n",
                "   ", "JVBERi0xLjQK\r\n" .repeat(1000))) {
            assertEquals(raw.replaceAll("\\s", ""), DocumentSubmission.withoutWhitespace(raw), raw);
        }
    }

    @Test
    void contentWithoutWhitespaceIsNotCopied() {
        String raw = "JVBERi0xLjQK".repeat(100);
        assertSame(raw, DocumentSubmission.withoutWhitespace(raw));
    }
}
