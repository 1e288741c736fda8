package lu.ccss.guichet.mailing.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a print batch as one ZIP: a PDF per letter, in postal order ({@code 0001-<letter id>.pdf}, …), then
 * {@code manifest.csv} (RFC 4180, UTF-8, comma-separated, header line): file, letter_id, recipient, postcode,
 * country, pages, postage_class. The archive is streamed: one letter's PDF is in memory at a time.
 */
@ApplicationScoped
public class PrintArchive {

    public static final String MANIFEST = "manifest.csv";
    private static final String HEADER = "file,letter_id,recipient,postcode,country,pages,postage_class";

    /** Writes the archive; {@code pdfs} gives a letter's PDF, or empty if it has left meanwhile (then skipped). */
    public void write(List<PrintBatchService.PrintItem> items, Function<UUID, Optional<byte[]>> pdfs,
                      OutputStream target) throws IOException {
        StringBuilder manifest = new StringBuilder(HEADER).append("\r\n");
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            int index = 0;
            for (PrintBatchService.PrintItem item : items) {
                Optional<byte[]> pdf = pdfs.apply(item.letterId());
                if (pdf.isEmpty()) {
                    continue;
                }
                String file = String.format("%04d-%s.pdf", ++index, item.letterId());
                zip.putNextEntry(new ZipEntry(file));
                zip.write(pdf.get());
                zip.closeEntry();
                manifest.append(String.join(",", csv(file), csv(item.letterId().toString()), csv(item.recipient()),
                        csv(item.postcode()), csv(item.country()), csv(String.valueOf(item.pages())),
                        csv(item.postageClass()))).append("\r\n");
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** One CSV field, quoted; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula. */
    static String csv(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
