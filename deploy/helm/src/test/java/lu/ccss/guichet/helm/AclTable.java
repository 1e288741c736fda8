package lu.ccss.guichet.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ACL table of docs/security.md ("One principal per service and ACLs"), read as the chart must render it. */
final class AclTable {

    record Row(Set<String> write, Set<String> read, Set<String> groups) {
    }

    private static final Pattern NAME = Pattern.compile("`([a-z0-9.<>-]+)`");

    private AclTable() {
    }

    static Map<String, Row> read(Path securityMd) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(securityMd)) {
            if (line.startsWith("| principal | Write")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String principal = names(cells[1]).iterator().next();
            Set<String> write = topics(cells[2]);
            Set<String> read = topics(cells[3]);
            Set<String> groups = names(cells[4]);
            if (cells[2].contains("the five `guichet.<service>.events`")) {
                write.addAll(five("events"));
            }
            if (cells[3].contains("the five `guichet.<service>.dead-letter`")) {
                read = five("dead-letter");
            }
            rows.put(principal, new Row(write, read, groups));
        }
        return rows;
    }

    private static Set<String> five(String suffix) {
        Set<String> s = new TreeSet<>();
        for (String svc : new String[] {"space", "certification", "mandate", "mailing", "edelivery"}) {
            s.add("guichet." + svc + "." + suffix);
        }
        return s;
    }

    private static Set<String> topics(String cell) {
        Set<String> s = new TreeSet<>();
        for (String n : names(cell)) {
            if (n.startsWith("guichet.") && !n.contains("<")) {
                s.add(n);
            }
        }
        return s;
    }

    private static Set<String> names(String cell) {
        Set<String> s = new TreeSet<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            s.add(m.group(1));
        }
        return s;
    }
}
