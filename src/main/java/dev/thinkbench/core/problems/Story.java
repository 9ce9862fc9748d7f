package dev.thinkbench.core.problems;

import java.util.List;
import java.util.Random;

/**
 * A family of templated word problems that share one scratchpad: every sentence after the opening is one step.
 * Placeholders: {@code %N} name, {@code %P} pronoun, {@code %T} things, {@code %a} start value, {@code %b} operand.
 */
enum Story {
    ITEMS("%N has %a %T.",
            List.of("%P buys %b more.", "%P finds %b more.", "%P gets %b more."),
            List.of("%P gives away %b.", "%P loses %b.", "%P sells %b."),
            "%P doubles them.", "%P triples them.", "%P keeps half.",
            "How many %T does %N have now?"),
    BUS("A bus has %a people.",
            List.of("%b get on.", "%b more board."),
            List.of("%b get off.", "%b leave."),
            "The crowd doubles.", "The crowd triples.", "Half of them get off.",
            "How many people are on the bus now?"),
    NUMBER("Start with %a.",
            List.of("Add %b.", "Increase it by %b."),
            List.of("Subtract %b.", "Take away %b."),
            "Double it.", "Triple it.", "Halve it.",
            "What number do you get?");

    private static final List<String> NAMES = List.of("Ann", "Ben", "Cal", "Dee", "Eva", "Finn", "Gus", "Ivy",
            "Jo", "Kim", "Leo", "Max");
    private static final List<String> PRONOUNS = List.of("She", "He", "He", "She", "She", "He", "He", "She",
            "She", "She", "He", "He");
    private static final List<String> THINGS = List.of("apples", "pens", "cards", "shells", "stamps", "coins",
            "marbles", "books");

    private final String opening;
    private final List<String> adds;
    private final List<String> subtracts;
    private final String doubles;
    private final String triples;
    private final String halves;
    private final String question;

    Story(String opening, List<String> adds, List<String> subtracts, String doubles, String triples, String halves,
          String question) {
        this.opening = opening;
        this.adds = adds;
        this.subtracts = subtracts;
        this.doubles = doubles;
        this.triples = triples;
        this.halves = halves;
        this.question = question;
    }

    /** The cast of one problem: who, which pronoun, what things. */
    record Cast(String name, String pronoun, String things) {
        static Cast draw(Random rng) {
            int who = rng.nextInt(NAMES.size());
            return new Cast(NAMES.get(who), PRONOUNS.get(who), THINGS.get(rng.nextInt(THINGS.size())));
        }
    }

    String opening(Cast cast, int start) {
        return fill(opening, cast).replace("%a", Integer.toString(start));
    }

    String sentence(Cast cast, Step step, Random rng) {
        String template = switch (step.op()) {
            case ADD -> adds.get(rng.nextInt(adds.size()));
            case SUB -> subtracts.get(rng.nextInt(subtracts.size()));
            case MUL -> step.right() == 2 ? doubles : triples;
            case DIV -> halves;
        };
        return fill(template, cast).replace("%b", Integer.toString(step.right()));
    }

    /** The family name the harness reports: {@code items}, {@code bus} or {@code number}. */
    String family() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String question(Cast cast) {
        return fill(question, cast);
    }

    /**
     * Every word any story can write, lower case, numbers left out: what {@link MicroWorld} checks a prompt against.
     */
    static java.util.Set<String> vocabulary() {
        java.util.Set<String> words = new java.util.HashSet<>();
        java.util.List<String> names = new java.util.ArrayList<>(NAMES);
        names.addAll(PRONOUNS);
        names.addAll(THINGS);
        names.add("%b");
        names.add("%a");
        for (Story s : values()) {
            java.util.List<String> templates = new java.util.ArrayList<>(s.adds);
            templates.addAll(s.subtracts);
            templates.addAll(java.util.List.of(s.opening, s.doubles, s.triples, s.halves, s.question));
            for (String t : templates) {
                words.addAll(MicroWorld.words(t.replace("%N", "").replace("%P", "").replace("%T", "")));
            }
        }
        for (String n : names) {
            words.addAll(MicroWorld.words(n));
        }
        return java.util.Set.copyOf(words);
    }

    private static String fill(String template, Cast cast) {
        return template.replace("%N", cast.name()).replace("%P", cast.pronoun()).replace("%T", cast.things());
    }
}
