package org.zhibao.leads.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhibao.leads.LeadView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a lead's evidence into what a person can judge on the page: two filings side by side with the passages
 * they share marked (numbered alike on both sides), the link graph of a split-filing cluster, the known mark
 * beside the filed one, the worst passages of a generated text.
 */
final class EvidenceModel {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> FIELDS = List.of("title", "abstract", "claims");

    private EvidenceModel() {
    }

    /** A piece of a text: plain, or the n-th shared passage (n ≥ 1). */
    record Segment(String text, int mark) {
    }

    /** One field of a filing cut into segments. */
    record FieldText(String field, List<Segment> segments) {
    }

    /** One side: a filing's number, applicant and fields. */
    record Side(String applicationNo, String applicant, String filingDate, List<FieldText> fields) {
    }

    /** Two filings side by side, what links them, and which of the lead's pairs this is. */
    record Comparison(Side left, Side right, double similarity, List<Choice> choices, int chosen) {
    }

    /** A pair (or combination source) the officer can switch to. */
    record Choice(int index, String label, double share) {
    }

    static JsonNode evidence(LeadView lead) {
        return JSON.readTree(lead.evidenceJson() == null ? "{}" : lead.evidenceJson());
    }

    /** P1_DUPLICATE: the chosen pair of the group; P1_COMBINATION: the combined filing beside the chosen source. */
    static Comparison comparison(LeadView lead, int chosen) {
        JsonNode evidence = evidence(lead);
        List<Choice> choices = new ArrayList<>();
        JsonNode pairs;
        String left;
        String right;
        double similarity;
        JsonNode passages;
        if (lead.rule().equals("P1_COMBINATION")) {
            pairs = evidence.path("sources");
            int i = 0;
            for (JsonNode s : pairs) {
                choices.add(new Choice(i++, s.path("source").asString(), s.path("covers").asDouble()));
            }
            if (choices.isEmpty()) {
                return null;
            }
            chosen = Math.max(0, Math.min(chosen, choices.size() - 1));
            JsonNode source = pairs.get(chosen);
            left = lead.subjects().get(0);
            right = source.path("source").asString();
            similarity = source.path("covers").asDouble();
            passages = source.path("passages");
        }
        else {
            pairs = evidence.path("pairs");
            int i = 0;
            for (JsonNode p : pairs) {
                choices.add(new Choice(i++, p.path("applications").path(0).asString() + " ↔ "
                        + p.path("applications").path(1).asString(), p.path("similarity").asDouble()));
            }
            if (choices.isEmpty()) {
                return null;
            }
            chosen = Math.max(0, Math.min(chosen, choices.size() - 1));
            JsonNode pair = pairs.get(chosen);
            left = pair.path("applications").path(0).asString();
            right = pair.path("applications").path(1).asString();
            similarity = pair.path("similarity").asDouble();
            passages = pair.path("sharedPassages");
        }
        return new Comparison(side(lead, left, passages), side(lead, right, passages), similarity, choices, chosen);
    }

    /** P4_GENERATED: the filing with its worst passages marked. */
    static Side generated(LeadView lead) {
        JsonNode evidence = evidence(lead);
        String no = lead.subjects().get(0);
        ArrayNode marks = JSON.createArrayNode();
        for (JsonNode w : evidence.path("worstPassages")) {
            ObjectNode m = JSON.createObjectNode();
            m.set(no, w);
            marks.add(m);
        }
        return side(lead, no, marks);
    }

    /**
     * P4_GENERATED: how the batch's filings lie from the language expected of them (the engine's z-scores counted
     * in bins) and this filing's z-score and the cut, as JSON for the chart; null for evidence without the counts.
     */
    static String zChart(LeadView lead) {
        JsonNode evidence = evidence(lead);
        JsonNode scores = evidence.path("corpusZScores");
        if (!scores.isObject() || !scores.path("counts").isArray()) {
            return null;
        }
        ObjectNode chart = JSON.createObjectNode();
        chart.put("from", scores.path("from").asDouble());
        chart.put("width", scores.path("width").asDouble());
        chart.set("counts", scores.path("counts"));
        chart.put("limit", scores.path("limit").asDouble());
        chart.put("z", evidence.path("zScore").asDouble());
        return JSON.writeValueAsString(chart);
    }

    private static Side side(LeadView lead, String applicationNo, JsonNode passages) {
        JsonNode record = lead.filingsJson().containsKey(applicationNo)
                ? JSON.readTree(lead.filingsJson().get(applicationNo)) : JSON.createObjectNode();
        List<FieldText> fields = new ArrayList<>();
        for (String field : FIELDS) {
            String text = record.path(field).asString("");
            List<int[]> spans = new ArrayList<>();
            int n = 0;
            for (JsonNode p : passages) {
                n++;
                JsonNode at = p.path(applicationNo);
                if (field.equals(at.path("field").asString())) {
                    int start = Math.max(0, at.path("start").asInt());
                    int end = Math.min(text.length(), at.path("end").asInt());
                    if (start < end) {
                        spans.add(new int[] { start, end, n });
                    }
                }
            }
            fields.add(new FieldText(field, segments(text, spans)));
        }
        JsonNode applicant = record.has("applicants") ? record.path("applicants").path(0) : record.path("applicant");
        return new Side(applicationNo, applicant.path("name").asString(""), record.path("filingDate").asString(""),
                fields);
    }

    /** Cuts a text at the spans (overlaps: the earlier-starting span wins). */
    static List<Segment> segments(String text, List<int[]> spans) {
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]));
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (int[] s : spans) {
            int start = Math.max(s[0], at);
            if (start >= s[1]) {
                continue;
            }
            if (start > at) {
                out.add(new Segment(text.substring(at, start), 0));
            }
            out.add(new Segment(text.substring(start, s[1]), s[2]));
            at = s[1];
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), 0));
        }
        return out;
    }

    /**
     * P6_SPLIT: the cluster as an ECharts graph — the entities (sized by their filings) and one edge per pair of
     * entities a shared phone, e-mail or address ties, labelled with what they share.
     */
    static String graph(LeadView lead) {
        JsonNode evidence = evidence(lead);
        ObjectNode graph = JSON.createObjectNode();
        ArrayNode nodes = graph.putArray("nodes");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode e : evidence.path("entities")) {
            String name = e.path("name").asString();
            if (names.add(name)) {
                ObjectNode node = nodes.addObject();
                node.put("name", name);
                node.put("value", e.path("applications").asInt());
                node.put("address", e.path("address").asString(""));
                node.put("symbolSize", 24 + 6 * Math.min(10, e.path("applications").asInt()));
            }
        }
        ArrayNode links = graph.putArray("links");
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (JsonNode link : evidence.path("links")) {
            List<String> entities = new ArrayList<>();
            link.path("entities").forEach(x -> entities.add(x.asString()));
            for (int i = 0; i < entities.size(); i++) {
                for (int j = i + 1; j < entities.size(); j++) {
                    labels.computeIfAbsent(entities.get(i) + "\u0000" + entities.get(j), k -> new ArrayList<>())
                            .add(link.path("kind").asString() + ": " + link.path("key").asString());
                }
            }
        }
        labels.forEach((key, what) -> {
            String[] ends = key.split("\u0000");
            ObjectNode edge = links.addObject();
            edge.put("source", ends[0]);
            edge.put("target", ends[1]);
            edge.put("label", String.join("; ", what));
            edge.put("kind", what.get(0).substring(0, what.get(0).indexOf(':')));
        });
        return graph.toString();
    }

    /** One entity of a split-filing cluster. */
    record Entity(String name, String creditCode, String address, int applications) {
    }

    /** One tie between entities: a phone, e-mail or address they share, as written in each filing. */
    record Link(String kind, String key, String writtenAs, String entities) {
    }

    static List<Entity> entities(LeadView lead) {
        List<Entity> out = new ArrayList<>();
        for (JsonNode e : evidence(lead).path("entities")) {
            out.add(new Entity(e.path("name").asString(""), e.path("creditCode").asString(""),
                    e.path("address").asString(""), e.path("applications").asInt()));
        }
        return out;
    }

    static List<Link> links(LeadView lead) {
        List<Link> out = new ArrayList<>();
        for (JsonNode l : evidence(lead).path("links")) {
            List<String> written = new ArrayList<>();
            l.path("writtenAs").forEach(x -> written.add(x.asString()));
            List<String> entities = new ArrayList<>();
            l.path("entities").forEach(x -> entities.add(x.asString()));
            out.add(new Link(l.path("kind").asString(""), l.path("key").asString(""), String.join(" / ", written),
                    String.join("、", entities)));
        }
        return out;
    }

    /** Evidence fields as plain text rows, for the rules shown as a table (T_SQUAT, T_MASS, P4 measures). */
    static Map<String, String> facts(LeadView lead) {
        Map<String, String> facts = new LinkedHashMap<>();
        evidence(lead).properties().forEach(e -> {
            if (e.getKey().equals("measure")) {
                return; // the engine's description of its measure: the page says it in the user's language
            }
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                facts.put(e.getKey(), v.asString());
            }
            else if (v.isArray() && v.size() <= 60 && v.valueStream().allMatch(JsonNode::isValueNode)) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asString()));
                facts.put(e.getKey(), String.join(", ", items));
            }
        });
        return facts;
    }
}
