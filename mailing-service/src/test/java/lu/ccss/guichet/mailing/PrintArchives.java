package lu.ccss.guichet.mailing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Opens a print batch archive as the print shop would. */
final class PrintArchives {

    private PrintArchives() {
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The manifest's rows, header first, each a list of unquoted fields. */
    static List<List<String>> manifest(Map<String, byte[]> entries) {
        String csv = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            if (line.startsWith("\"")) {
                rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\",\""))
                        .map(f -> f.replace("\"\"", "\"")).toList());
            } else {
                rows.add(List.of(line.split(",")));
            }
        }
        return rows;
    }
}
