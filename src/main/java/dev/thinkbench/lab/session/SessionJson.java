package dev.thinkbench.lab.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.forcing.BranchView;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link Session} as JSON and back, in the current format ({@link Session#FORMAT_VERSION}); older versions are
 * brought up to date by {@link SessionMigrations} before {@link #read}. Every text is masked by {@link SecretScrubber}
 * on the way out, so no key reaches a file. Events are written one per line. Stateless; any thread.
 */
final class SessionJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    /** Indented with one array element per line (events too), the same line ends on every system. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n"));
    private static final UnaryOperator<String> MASK = SecretScrubber::scrub;
    static final String APP = "Thinkbench 0.1";

    private SessionJson() {
    }

    static String write(Session s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Session.FORMAT_NAME);
        root.put("version", Session.FORMAT_VERSION);
        root.put("savedAt", s.savedAt().toString());
        root.put("app", APP);
        root.put("note", MASK.apply(s.note()));
        root.set("setup", setup(s.setup()));
        ArrayNode columns = root.putArray("columns");
        s.columns().forEach(c -> columns.add(column(c)));
        root.set("stepper", s.stepper() == null ? null : StepperJson.write(s.stepper(), MASK));
        root.set("sweep", s.sweep() == null ? null : sweep(s.sweep()));
        if (s.bestOfN() != null) {
            root.set("bestOfN", BestOfNJson.write(s.bestOfN(), MASK));
        }
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a session", e);
        }
    }

    private static ObjectNode setup(RunSetup r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("prompt", MASK.apply(r.prompt()));
        o.put("system", MASK.apply(r.system()));
        o.put("engine", r.engineId());
        o.put("engineName", r.engineName());
        o.put("model", MASK.apply(r.model()));
        o.put("baseUrl", MASK.apply(r.baseUrl()));
        o.put("apiKeyEnv", r.apiKeyEnv());
        ObjectNode sampling = o.putObject("sampling");
        sampling.put("temperature", r.sampling().temperature());
        sampling.put("topP", r.sampling().topP());
        sampling.put("seed", r.sampling().seed());
        sampling.put("maxAnswerTokens", r.sampling().maxAnswerTokens());
        o.put("template", r.template());
        o.put("expectedAnswer", r.expectedAnswer());
        return o;
    }

    private static ObjectNode column(RecordedColumn c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("label", MASK.apply(c.label()));
        o.put("budget", MASK.apply(c.budget()));
        o.set("price", c.price() == null ? null : price(c.price()));
        o.put("skipped", MASK.apply(c.skipped()));
        o.set("events", events(c.events(), MASK));
        return o;
    }

    /** Events one per line: each is written compact and placed as a raw value in the indented array. */
    static ArrayNode events(List<ReasoningEvent> events, UnaryOperator<String> text) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ReasoningEvent e : SecretSafeEvents.of(events)) {
            try {
                list.addRawValue(new RawValue(COMPACT.writeValueAsString(EventJson.write(e, text))));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("cannot write an event", ex);
            }
        }
        return list;
    }

    private static ObjectNode price(Price p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", p.model());
        o.put("inputPerMillion", p.inputPerMillion());
        o.put("outputPerMillion", p.outputPerMillion());
        if (p.cachedInputPerMillion() != null) {
            o.put("cachedInputPerMillion", p.cachedInputPerMillion());
        }
        o.put("currency", p.currency());
        o.put("source", p.source());
        o.put("date", p.date());
        return o;
    }

    private static ObjectNode sweep(SweepResults r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("resultsFile", MASK.apply(r.resultsFile()));
        ArrayNode rows = o.putArray("rows");
        for (JsonNode row : r.rows()) {
            try {
                // a row's texts (answers, errors) are masked as a whole
                rows.add(MAPPER.readTree(SecretScrubber.scrub(COMPACT.writeValueAsString(row))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a sweep row", e);
            }
        }
        return o;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /**
     * Reads a session of the current version.
     *
     * @throws IllegalArgumentException saying what is wrong and where (e.g. {@code columns[1].events[3]: ...})
     */
    static Session read(JsonNode root) {
        Instant savedAt;
        try {
            savedAt = Instant.parse(Fields.requiredText(root, "savedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("savedAt is not a date and time: " + e.getParsedString());
        }
        RunSetup setup = at("setup", () -> readSetup(object(root, "setup")));
        List<RecordedColumn> columns = new ArrayList<>();
        JsonNode list = root.get("columns");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("columns must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode c = list.get(i);
                columns.add(at("columns[" + i + "]", () -> readColumn(c)));
            }
        }
        StepperRecord stepper = Fields.present(root, "stepper")
                ? at("stepper", () -> StepperJson.read(root.get("stepper"))) : null;
        SweepResults sweep = Fields.present(root, "sweep") ? at("sweep", () -> readSweep(root.get("sweep"))) : null;
        BestOfNRecord bestOfN = Fields.present(root, "bestOfN")
                ? at("bestOfN", () -> BestOfNJson.read(root.get("bestOfN"))) : null;
        return new Session(savedAt, Fields.text(root, "note"), setup, columns, stepper, sweep, bestOfN);
    }

    private static RunSetup readSetup(JsonNode o) {
        JsonNode s = o.get("sampling");
        Sampling sampling = s == null || s.isNull() ? Sampling.defaults()
                : at("sampling", () -> new Sampling(Fields.decimal(s, "temperature"), Fields.decimal(s, "topP"),
                Fields.longOrNull(s, "seed"), Fields.integer(s, "maxAnswerTokens")));
        return new RunSetup(Fields.text(o, "prompt"), Fields.text(o, "system"), Fields.text(o, "engine"),
                Fields.text(o, "engineName"), Fields.text(o, "model"), Fields.text(o, "baseUrl"),
                Fields.text(o, "apiKeyEnv"), sampling, Fields.text(o, "template"), Fields.text(o, "expectedAnswer"));
    }

    private static RecordedColumn readColumn(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("a column is not a JSON object");
        }
        Price price = Fields.present(o, "price") ? at("price", () -> readPrice(o.get("price"))) : null;
        List<ReasoningEvent> events = readEvents(o.get("events"));
        RecordedColumn c = new RecordedColumn(Fields.requiredText(o, "label"), Fields.requiredText(o, "budget"),
                price, Fields.text(o, "skipped"), events);
        if (c.ran()) {
            at("budget", () -> c.track(new RunSetup("", "", "", "", "", null, null, null, null, null)));
            long ends = events.stream().filter(EventTimes::terminal).count();
            if (ends != 1 || !EventTimes.terminal(events.getLast())) {
                throw new IllegalArgumentException("a recorded run must end with exactly one finished, cancelled "
                        + "or failed event");
            }
        }
        return c;
    }

    static List<ReasoningEvent> readEvents(JsonNode list) {
        List<ReasoningEvent> events = new ArrayList<>();
        if (list == null || list.isNull()) {
            return events;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("events must be a list");
        }
        long last = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            ReasoningEvent event = at("events[" + i + "]", () -> EventJson.read(e));
            if (event.nanos() < last) {
                throw new IllegalArgumentException("events[" + i + "]: time t goes backwards");
            }
            last = event.nanos();
            events.add(event);
        }
        return events;
    }

    private static Price readPrice(JsonNode o) {
        if (!o.isObject() || !o.path("inputPerMillion").isNumber() || !o.path("outputPerMillion").isNumber()) {
            throw new IllegalArgumentException("a price needs inputPerMillion and outputPerMillion numbers");
        }
        JsonNode cached = o.path("cachedInputPerMillion");
        if (Fields.present(o, "cachedInputPerMillion") && !cached.isNumber()) {
            throw new IllegalArgumentException("a price's cachedInputPerMillion must be a number");
        }
        return new Price(Fields.text(o, "model"), o.get("inputPerMillion").decimalValue(),
                o.get("outputPerMillion").decimalValue(), Fields.present(o, "currency")
                ? Fields.requiredText(o, "currency") : "USD", Fields.text(o, "source"), Fields.text(o, "date"),
                cached.isNumber() ? cached.decimalValue() : null);
    }

    private static SweepResults readSweep(JsonNode o) {
        JsonNode rows = o.get("rows");
        List<JsonNode> list = new ArrayList<>();
        if (rows != null && !rows.isNull()) {
            if (!rows.isArray()) {
                throw new IllegalArgumentException("rows must be a list");
            }
            rows.forEach(list::add);
        }
        return new SweepResults(Fields.text(o, "resultsFile"), list);
    }

    static JsonNode object(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(name + " must be a JSON object");
        }
        return v;
    }

    /** Runs {@code read}, naming {@code where} in front of what went wrong. */
    static <T> T at(String where, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
