package org.zhibao.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/**
 * The 4,592 real published Chinese abstracts (CPC G06F) shipped with the engine (see corpus/SOURCE.md):
 * the reference of real patent language, and real background text for generated corpora.
 */
public final class RealPatents {

    private static volatile List<RealPatent> cache;

    private RealPatents() {
    }

    public record RealPatent(String publicationNo, String title, String abstractText, List<String> cpc) {
    }

    public static List<RealPatent> load() {
        List<RealPatent> c = cache;
        if (c != null) {
            return c;
        }
        List<RealPatent> out = new ArrayList<>(4600);
        try (var in = RealPatents.class.getResourceAsStream("corpus/cn-patents-g06f.jsonl.gz");
             var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = Jsonl.readTree(line);
                List<String> cpc = new ArrayList<>();
                n.get("cpc").forEach(e -> cpc.add(e.asString()));
                out.add(new RealPatent(n.get("publicationNo").asString(), n.get("title").asString(),
                        n.get("abstract").asString(), List.copyOf(cpc)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache = List.copyOf(out);
        return cache;
    }
}
