package org.zhibao.screening.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** The generator's word lists (generator-words.txt), so that no Chinese text sits in Java code. */
final class Words {

    private final Map<String, String[]> lists = new HashMap<>();

    Words() {
        this("generator-words.txt");
    }

    /** The lists of another file beside generator-words.txt (the trademark generator has its own). */
    Words(String file) {
        try (var in = Words.class.getResourceAsStream("/org/zhibao/screening/corpus/" + file);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                lists.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().split("\\|", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String[] list(String key) {
        return lists.get(key);
    }

    String one(String key, Random random) {
        String[] l = lists.get(key);
        return l[random.nextInt(l.length)];
    }
}
