package lu.ccss.guichet.mailing.render;

/** A letter ready to print: the PDF, its page count and the lower-case hex SHA-256 of the PDF. */
public record RenderedLetter(byte[] pdf, int pages, String sha256) {
}
