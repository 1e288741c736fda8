package lu.ccss.guichet.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The portal's own words in French, German and English ({@code i18n/messages_*.properties}, UTF-8). */
public final class Texts {

    public static final List<String> LANGUAGES = List.of("fr", "de", "en");
    public static final String DEFAULT = "fr";
    private static final Map<String, Map<String, String>> BY_LANGUAGE = new HashMap<>();

    static {
        Map<String, String> english = load("en");
        for (String lang : LANGUAGES) {
            Map<String, String> texts = new HashMap<>(english);
            texts.putAll(load(lang));
            BY_LANGUAGE.put(lang, Map.copyOf(texts));
        }
    }

    private Texts() {
    }

    public static Map<String, String> of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(DEFAULT));
    }

    /** Keys present in English but missing in {@code language} (a test keeps it empty). */
    public static List<String> missing(String language) {
        Map<String, String> own = load(language);
        return load("en").keySet().stream().filter(k -> !own.containsKey(k)).sorted().toList();
    }

    private static Map<String, String> load(String language) {
        try (InputStream in = Texts.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Map<String, String> map = new HashMap<>();
            p.forEach((k, v) -> map.put(k.toString(), v.toString()));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
