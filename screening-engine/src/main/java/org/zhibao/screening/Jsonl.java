package org.zhibao.screening;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-lines formats of the command-line contract: patent, trademark and known-mark input lines in,
 * findings out. Parsing one line is a pure function, so a Spark job can map lines with it.
 */
public final class Jsonl {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** The byte-order mark as text, which a caller reading lines itself drops from the first ({@link #read} does). */
    public static final String BOM = String.valueOf(BYTE_ORDER_MARK);
    private static final char REPLACEMENT = '\uFFFD';

    private Jsonl() {
    }

    /** Thrown for a line that is not a usable record; the message says why, the kind and field say it for a program. */
    public static final class BadRecord extends RuntimeException {
        private final BadLine.Kind kind;
        private final String field;

        public BadRecord(BadLine.Kind kind, String field, String message) {
            super(message);
            this.kind = kind;
            this.field = field;
        }

        public BadLine.Kind kind() {
            return kind;
        }

        /** The field at fault, or null. */
        public String field() {
            return field;
        }
    }

    /**
     * A patent input line. A line holding U+FFFD is refused (as are trademark and known-mark lines): it is what a
     * UTF-8 decoder puts where the bytes were not UTF-8 (a file saved as GBK reads as such characters, every
     * Chinese one lost), so the text is not the filing's.
     */
    public static PatentRecord parsePatent(String line) {
        return patent(object(decodedWhole(line)));
    }

    /** A patent line stored by zhibao itself (the index's copies of lines it accepted once): taken as it is. */
    public static PatentRecord parseStoredPatent(String line) {
        return patent(object(line));
    }

    private static String decodedWhole(String line) {
        if (line.indexOf(REPLACEMENT) >= 0) {
            throw new BadRecord(BadLine.Kind.NOT_UTF8, null,
                    "not UTF-8 text (a file saved in another encoding, such as GBK? save it as UTF-8), or text that "
                            + "lost characters before (it holds U+FFFD, the replacement character)");
        }
        return line;
    }

    private static PatentRecord patent(JsonNode n) {
        return new PatentRecord(required(n, "applicationNo"), text(n, "kind"), text(n, "filingDate"),
                text(n, "title"), text(n, "abstract"), text(n, "claims"), strings(n, "ipc"), applicants(n),
                strings(n, "inventors"), text(n, "agency"), text(n, "contactPhone"), text(n, "contactEmail"));
    }

    public static TrademarkRecord parseTrademark(String line) {
        JsonNode n = object(decodedWhole(line));
        JsonNode applicant = n.get("applicant");
        return new TrademarkRecord(required(n, "applicationNo"), date(n, "filingDate"), required(n, "mark"),
                ints(n, "niceClasses"), strings(n, "goods"),
                applicant != null && applicant.isObject() ? applicant(applicant, "applicant") : null, text(n, "agency"));
    }

    public static KnownMark parseKnownMark(String line) {
        JsonNode n = object(decodedWhole(line));
        return new KnownMark(required(n, "mark"), text(n, "owner"), ints(n, "niceClasses"));
    }

    /** A finding as one output line (no line break). */
    public static String write(Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", f.rule().name());
        out.put("subjects", f.subjects());
        out.put("score", Math.round(f.score() * 10000) / 10000.0);
        out.put("evidence", f.evidence());
        return MAPPER.writeValueAsString(out);
    }

    /** Any value (record, map, list) as JSON; used by the generator and the index files. */
    public static String writeValue(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** One line as JSON; a byte-order mark before it is dropped (editors on Windows start a UTF-8 file with one). */
    public static JsonNode readTree(String json) {
        if (!json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK) {
            json = json.substring(1);
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new BadRecord(BadLine.Kind.NOT_JSON, null, "not JSON: " + e.getOriginalMessage());
        }
    }

    /** A finding read back from its line (evidence as plain maps and lists). */
    @SuppressWarnings("unchecked")
    public static Finding parseFinding(String line) {
        Map<String, Object> m = MAPPER.readValue(line, Map.class);
        List<String> subjects = (List<String>) m.get("subjects");
        return new Finding(Rule.valueOf((String) m.get("rule")), subjects, ((Number) m.get("score")).doubleValue(),
                (Map<String, Object>) m.get("evidence"));
    }

    /**
     * Reads a JSON-lines file, handing each parsed record to the sink and each unusable line (with its
     * number) to the bad-line handler. Blank lines are skipped silently. Returns the number of lines read.
     */
    public static <T> long read(Path file, Function<String, T> parser, Consumer<T> sink, Consumer<BadLine> bad) {
        // decoded leniently: bytes that are not UTF-8 become U+FFFD and that line is reported (readTree), not the file
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith(BOM)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                T record;
                try {
                    record = parser.apply(line);
                } catch (BadRecord | JacksonException | IllegalArgumentException e) {
                    bad.accept(BadLine.unreadable(number, e));
                    continue;
                }
                sink.accept(record);
            }
            return number;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeFindings(Path file, Iterable<Finding> findings) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Finding f : findings) {
                w.write(write(f));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode object(String line) {
        JsonNode n = readTree(line);
        if (n == null || !n.isObject()) {
            throw new BadRecord(BadLine.Kind.NOT_JSON, null, "not a JSON object");
        }
        return n;
    }

    private static String required(JsonNode n, String field) {
        String value = text(n, field);
        if (value == null || value.isBlank()) {
            throw new BadRecord(BadLine.Kind.MISSING, field, "missing " + field);
        }
        return value;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new BadRecord(BadLine.Kind.NOT_TEXT, field, field + " is not text");
    }

    private static LocalDate date(JsonNode n, String field) {
        String value = text(n, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRecord(BadLine.Kind.NOT_A_DATE, field, field + " is not a date (yyyy-mm-dd): " + value);
        }
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            if (v.isString()) {
                return List.of(v.asString());
            }
            throw new BadRecord(BadLine.Kind.NOT_A_LIST, field, field + " is not a list");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            JsonNode item = e.isObject() && e.has("name") ? e.get("name") : e;
            if (item.isNull()) {
                continue;
            }
            if (!(item.isString() || item.isNumber() || item.isBoolean())) {
                throw new BadRecord(BadLine.Kind.NOT_TEXT, field, field + " holds an entry that is not text");
            }
            out.add(item.asString());
        }
        return out;
    }

    private static List<Integer> ints(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadRecord(BadLine.Kind.NOT_A_LIST, field, field + " is not a list");
        }
        List<Integer> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (e.isNumber() && e.canConvertToInt()) {
                out.add(e.asInt());
            } else if (e.isString() && e.asString().strip().matches("\\d{1,2}")) {
                out.add(Integer.parseInt(e.asString().strip()));
            } else {
                throw new BadRecord(BadLine.Kind.NOT_AN_INTEGER, field, field + " holds a non-integer: " + e);
            }
        }
        return out;
    }

    private static List<Applicant> applicants(JsonNode n) {
        JsonNode v = n.get("applicants");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadRecord(BadLine.Kind.NOT_A_LIST, "applicants", "applicants is not a list");
        }
        List<Applicant> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (e.isObject()) {
                out.add(applicant(e, "applicants[]"));
            } else if (e.isString()) {
                out.add(new Applicant(e.asString(), "", ""));
            } else {
                throw new BadRecord(BadLine.Kind.NOT_AN_APPLICANT, "applicants", "an applicant is neither an object nor a name");
            }
        }
        return out;
    }

    /** An applicant object; a field at fault is named with {@code where} ("applicants[].name"). */
    private static Applicant applicant(JsonNode e, String where) {
        try {
            return new Applicant(text(e, "name"), text(e, "address"), text(e, "creditCode"));
        } catch (BadRecord bad) {
            throw new BadRecord(bad.kind(), where + "." + bad.field(), where + "." + bad.getMessage());
        }
    }
}
