package dev.thinkbench.core.problems;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the sentences of the story, tally, money and place families for {@link WordProblemGenerator}, drawing
 * shapes from {@link Phrases} and the arithmetic into a {@link Draft}. Placeholders in shapes: {@code {S}} the
 * subject (name or pronoun, drawn per sentence), {@code {N}} the name, {@code {O}} object pronoun, {@code {pos}}
 * possessive, {@code {T}} the things, {@code {F}} a friend, {@code {C}}/{@code {c}} container plural/singular,
 * {@code {day}}. One thread (shares the generator's random source).
 */
final class SceneWriter {

    /** Who and what one problem is about, and how it is told. */
    private static final class Cast {
        final Phrases.Person who;
        final Phrases.Thing thing;
        final boolean past;
        final String friend;
        final String[] container;
        final String day;
        boolean anyLoss;
        boolean lastLoss;
        String question;

        Cast(Phrases.Person who, Phrases.Thing thing, boolean past, String friend, String container, String day) {
            this.who = who;
            this.thing = thing;
            this.past = past;
            this.friend = friend;
            this.container = container.split("/");
            this.day = day;
        }
    }

    private final Random rng;

    SceneWriter(Random rng) {
        this.rng = rng;
    }

    // ---------------------------------------------------------------- story

    Draft story(int ops) {
        Phrases.Person who;
        Phrases.Thing thing;
        if (rng.nextInt(8) == 0) {
            String[] name = new String[1];
            who = Phrases.institution(rng, name);
            thing = Phrases.thingNamed(name[0]);
        } else {
            who = Phrases.person(rng);
            thing = Phrases.pick(rng, Phrases.THINGS);
        }
        Cast c = cast(who, thing);
        Draft d = new Draft("story");
        if (rng.nextInt(6) == 0) {
            openGroups(c, d);
        } else {
            int a = amount(2, 600);
            d.start(a);
            d.sentences.add(fill(c, pick(c.past
                    ? List.of("{first} had " + a + " {T}.", "{first} had " + a + " {T} at first.",
                    "At first, {first} had " + a + " {T}.", "{first} collected " + a + " {T}.")
                    : List.of("{first} has " + a + " {T}.", "{first} has " + a + " {T}.", "{first} owns " + a + " {T}.",
                    "{first} starts with " + a + " {T}.", "At first, {first} has " + a + " {T}.",
                    "{first} has a box with " + a + " {T} in it.", "There are " + a + " {T} in {first's} box."))));
        }
        while (d.ops < ops) {
            int left = ops - d.ops;
            if (left == 1 && !c.who.institution() && rng.nextInt(100) < 22 && storyFinal(c, d)) {
                break;
            }
            if (left >= 2 && rng.nextInt(100) < 16 && compound(c, d)) {
                continue;
            }
            storyOp(c, d);
        }
        fillers(c, d);
        d.sentences.add(c.question != null ? c.question : fill(c, storyQuestion(c)));
        instruction(d);
        return d;
    }

    private void openGroups(Cast c, Draft d) {
        int k = 2 + rng.nextInt(8);
        int m = groupSize(k, 999);
        d.startGroups(k, m);
        String has = c.past ? "had" : "has";
        String buys = c.past ? "bought" : "buys";
        String gets = c.past ? "got" : "gets";
        String each = c.past ? "had" : "has";
        String are = c.past ? "were" : "are";
        d.sentences.add(fill(c, pick(List.of(
                "{first} " + has + " " + k + " {C} of " + m + " {T}.",
                "{first} " + buys + " " + k + " {C} of " + m + " {T}.",
                "{first} " + has + " " + k + " {C} with " + m + " {T} in each.",
                "{first} " + gets + " " + k + " {C} of {T} with " + m + " in each {c}.",
                "{first} " + buys + " " + k + " {C} of {T}. Each {c} " + each + " " + m + " {T}.",
                "{first} " + has + " " + k + " {C} of {T}. There " + are + " " + m + " {T} in each {c}."))));
    }

    private void storyOp(Cast c, Draft d) {
        while (true) {
            int roll = rng.nextInt(100);
            if (roll < 26 && d.value < 990) {
                int b = amount(2, Math.min(500, 999 - d.value));
                d.apply(Op.ADD, b);
                d.sentences.add(fill(c, gain(c, b)));
                c.lastLoss = false;
                return;
            }
            if (roll >= 26 && roll < 52 && d.value >= 4) {
                int b = amount(2, d.value - 1);
                d.apply(Op.SUB, b);
                d.sentences.add(fill(c, loss(c, b)));
                loss(c);
                return;
            }
            if (roll >= 52 && roll < 66 && d.value <= 980) {
                int k = 2 + rng.nextInt(8);
                int m = groupSize(k, 999 - d.value);
                if (m >= 2) {
                    d.groups(k, m, Op.ADD);
                    d.sentences.add(fill(c, groupGain(c, k, m)));
                    c.lastLoss = false;
                    return;
                }
            }
            if (roll >= 66 && roll < 71 && d.value >= 8 && !c.who.institution()) {
                int k = 2 + rng.nextInt(8);
                int m = groupSize(k, d.value - 1);
                if (m >= 2) {
                    d.groups(k, m, Op.SUB);
                    d.sentences.add(fill(c, groupLoss(c, k, m)));
                    loss(c);
                    return;
                }
            }
            if (roll >= 71 && roll < 81 && d.value >= 2 && d.value * 2 <= 999 && !c.who.institution()) {
                int k = times(d.value);
                d.apply(Op.MUL, k);
                d.sentences.add(fill(c, times(c, k)));
                c.lastLoss = false;
                return;
            }
            if (roll >= 81 && roll < 91 && d.value >= 4 && d.value % 2 == 0) {
                d.apply(Op.DIV, 2);
                d.sentences.add(fill(c, half(c)));
                loss(c);
                return;
            }
            if (roll >= 91 && d.value >= 6 && !c.who.institution()) {
                int k = divisor(d.value);
                if (k > 2 || (k == 2 && rng.nextBoolean())) {
                    d.apply(Op.DIV, k);
                    d.sentences.add(fill(c, share(c, k)));
                    loss(c);
                    return;
                }
            }
        }
    }

    private static void loss(Cast c) {
        c.anyLoss = true;
        c.lastLoss = true;
    }

    /** Two additions or subtractions in one sentence ("gets 12 more and gives away 5"). */
    private boolean compound(Cast c, Draft d) {
        boolean firstGain = rng.nextBoolean();
        boolean secondGain = rng.nextInt(3) == 0;
        int before = d.value;
        int b = firstGain ? amount(2, Math.min(400, 999 - before)) : amount(2, Math.max(2, before - 2));
        int mid = firstGain ? before + b : before - b;
        if (mid < 3 || mid > 997) {
            return false;
        }
        int e = secondGain ? amount(2, Math.min(400, 999 - mid)) : amount(2, mid - 1);
        d.apply(firstGain ? Op.ADD : Op.SUB, b);
        d.apply(secondGain ? Op.ADD : Op.SUB, e);
        String one = firstGain ? gainPredicate(c, b, true) : lossPredicate(c, b, true);
        String two = secondGain ? gainPredicate(c, e, false) : lossPredicate(c, e, false);
        String glue = pick(List.of(" and ", " and then ", ", then "));
        d.sentences.add(fill(c, "{S} " + one + glue + two + "."));
        if (!secondGain) {
            loss(c);
        } else {
            c.anyLoss |= !firstGain;
            c.lastLoss = false;
        }
        return true;
    }

    private String gain(Cast c, int b) {
        if (!c.who.institution() && rng.nextInt(8) == 0) {
            String gives = c.past ? "gave" : "gives";
            return pick(List.of("{F} " + gives + " {O} " + b + " {T}.", "{F} " + gives + " {O} " + b + " more {T}.",
                    "{F} " + gives + " {O} another " + b + " {T}."));
        }
        String time = rng.nextInt(4) == 0 ? time(c) : "";
        return time + "{S} " + gainPredicate(c, b, true) + ".";
    }

    private String gainPredicate(Cast c, int b, boolean withThing) {
        Phrases.Verb v = verb(c, Phrases.GAINS);
        String verb = v.form(c.past);
        String place = " " + Phrases.pick(rng, v.places());
        String t = withThing ? " {T}" : "";
        return pick(List.of(verb + " " + b + " more" + t, verb + " " + b + " more", verb + " " + b + " {T}",
                verb + " another " + b + t, verb + " " + b + " more" + t + place, verb + " " + b + " {T}" + place));
    }

    private String loss(Cast c, int b) {
        int roll = rng.nextInt(10);
        if (roll == 0 && b >= 2) {
            String self = Phrases.tense(c.thing.selfLoss(), c.past);
            return pick(List.of(b + " of the {T} " + self + ".", b + " {T} " + self + ".", b + " of them " + self + "."));
        }
        if (roll == 1 && !c.who.institution()) {
            String gives = c.past ? "gave" : "gives";
            return pick(List.of("{S} " + gives + " " + b + " {T} to {F}.", "{S} " + gives + " {F} " + b + " {T}.",
                    "{S} " + gives + " " + b + " to {F}.", "{S} " + gives + " " + b + " of them to {F}."));
        }
        String time = rng.nextInt(4) == 0 ? time(c) : "";
        return time + "{S} " + lossPredicate(c, b, true) + ".";
    }

    private String lossPredicate(Cast c, int b, boolean withThing) {
        Phrases.Verb v = verb(c, Phrases.LOSSES);
        String verb = v.form(c.past);
        String place = " " + Phrases.pick(rng, v.places());
        String t = withThing ? " {T}" : "";
        return pick(List.of(verb + " " + b + t, verb + " " + b, verb + " " + b + " of them",
                verb + " " + b + " of {pos} {T}", verb + " " + b + t + place));
    }

    private String groupGain(Cast c, int k, int m) {
        Phrases.Verb v = verb(c, Phrases.GAINS.subList(0, 9));
        String verb = v.form(c.past);
        String has = c.past ? "had" : "has";
        String are = c.past ? "were" : "are";
        String time = rng.nextInt(5) == 0 ? time(c) : "";
        return time + pick(List.of(
                "{S} " + verb + " " + k + " {C} of " + m + " {T}.",
                "{S} " + verb + " " + k + " {C} of " + m + ".",
                "{S} " + verb + " " + k + " more {C} of " + m + " {T}.",
                "{S} " + verb + " " + k + " {C} with " + m + " {T} in each.",
                "{S} " + verb + " " + k + " {C} with " + m + " in each {c}.",
                "{S} " + verb + " " + k + " {C} of {T} with " + m + " {T} in each {c}.",
                "{S} " + verb + " " + k + " {C} of {T}. Each {c} " + has + " " + m + " {T}.",
                "{S} " + verb + " " + k + " {C} of {T}. There " + are + " " + m + " in each {c}."));
    }

    private String groupLoss(Cast c, int k, int m) {
        String gives = c.past ? "gave" : "gives";
        String sells = c.past ? "sold" : "sells";
        return pick(List.of(
                "{S} " + gives + " " + m + " {T} to each of " + k + " friends.",
                "{S} " + gives + " each of " + k + " friends " + m + " {T}.",
                "{S} " + sells + " " + k + " {C} of " + m + " {T}.",
                "{S} " + gives + " away " + k + " {C} with " + m + " {T} in each."));
    }

    private String times(Cast c, int k) {
        boolean p = c.past;
        String has = p ? "had" : "has";
        String word = k == 2 ? "twice" : k == 3 && rng.nextBoolean() ? "three times" : k + " times";
        if (k == 2 && rng.nextBoolean()) {
            String doubles = p ? "doubled" : "doubles";
            return pick(List.of("{S} " + doubles + " {pos} {T}.", "{S} " + doubles + " them.",
                    "The number of {T} " + doubles + "."));
        }
        if (k == 3 && rng.nextBoolean()) {
            String triples = p ? "tripled" : "triples";
            return pick(List.of("{S} " + triples + " {pos} {T}.", "{S} " + triples + " them.",
                    "The number of {T} " + triples + "."));
        }
        return pick(List.of("Now {S} " + has + " " + word + " as many {T}.",
                "{S} ends up with " + word + " as many {T}.".replace("ends", p ? "ended" : "ends"),
                "Then {S} " + has + " " + word + " as many."));
    }

    private String half(Cast c) {
        boolean p = c.past;
        String self = Phrases.tense(c.thing.selfLoss(), p);
        List<String> shapes = new java.util.ArrayList<>(List.of(
                "{S} " + (p ? "gave" : "gives") + " away half of {pos} {T}.",
                "{S} " + (p ? "kept" : "keeps") + " half of them.",
                "{S} " + (p ? "kept" : "keeps") + " half.",
                "{S} " + (p ? "sold" : "sells") + " half of {pos} {T}.",
                "{S} " + (p ? "lost" : "loses") + " half of them.",
                "Half of the {T} " + self + "."));
        if (!c.who.institution()) {
            shapes.add("{S} " + (p ? "gave" : "gives") + " half of them to {F}.");
        }
        if (c.thing.can(Phrases.EAT) && !c.who.institution()) {
            shapes.add("{S} " + (p ? "ate" : "eats") + " half of them.");
        }
        if (c.thing.can(Phrases.USE) && !c.who.institution()) {
            shapes.add("{S} " + (p ? "used" : "uses") + " half of them.");
        }
        return pick(shapes);
    }

    private String share(Cast c, int k) {
        boolean p = c.past;
        return pick(List.of(
                "{S} " + (p ? "shared" : "shares") + " them equally among " + k + " friends and "
                        + (p ? "kept" : "keeps") + " one share.",
                "{S} " + (p ? "shared" : "shares") + " {pos} {T} equally among " + k + " friends and "
                        + (p ? "kept" : "keeps") + " one share.",
                "{S} " + (p ? "split" : "splits") + " the {T} into " + k + " equal groups and "
                        + (p ? "kept" : "keeps") + " one group.",
                "{S} " + (p ? "divided" : "divides") + " {pos} {T} equally into " + k + " {C} and "
                        + (p ? "kept" : "keeps") + " one {c}."));
    }

    /** A last operation that changes the question: each one's share, someone with k times as many, the rest. */
    private boolean storyFinal(Cast c, Draft d) {
        int kind = rng.nextInt(3);
        boolean p = c.past;
        String does = p ? "did" : "does";
        if (kind == 0 && d.value >= 6) {
            int k = divisor(d.value);
            if (k < 2 || (k == 2 && rng.nextBoolean())) {
                return false;
            }
            d.apply(Op.DIV, k);
            int shape = rng.nextInt(3);
            d.sentences.add(fill(c, switch (shape) {
                case 0 -> "{S} " + (p ? "shared" : "shares") + " them equally among " + k + " friends.";
                case 1 -> "{S} " + (p ? "put" : "puts") + " them into " + k + " {C} with the same number in each {c}.";
                default -> "{S} " + (p ? "split" : "splits") + " them into " + k + " equal groups.";
            }));
            c.question = fill(c, switch (shape) {
                case 0 -> pick(List.of("How many {T} " + does + " each friend get?", "How many does each friend get?"));
                case 1 -> "How many {T} " + (p ? "were" : "are") + " in each {c}?";
                default -> "How many {T} " + (p ? "were" : "are") + " in each group?";
            });
            return true;
        }
        if (kind == 1 && d.value >= 2 && d.value * 2 <= 999) {
            int k = times(d.value);
            d.apply(Op.MUL, k);
            String other = rng.nextBoolean() ? c.friend : c.who.later() + "'s " + Phrases.pick(rng, Phrases.RELATIVES);
            String word = k == 2 ? "twice" : k + " times";
            String has = p ? "had" : "has";
            d.sentences.add(fill(c, pick(List.of(cap(other) + " " + has + " " + word + " as many {T} as {N}.",
                    cap(other) + " " + has + " " + word + " as many.", cap(other) + " " + has + " " + word
                            + " as many {T}."))));
            c.question = fill(c, "How many {T} " + does + " " + other + " have?");
            return true;
        }
        if (kind == 2 && d.value >= 6) {
            int b = amount(2, d.value - 2);
            d.apply(Op.SUB, b);
            String[] colors = pick(List.of("red/blue", "big/small", "new/old", "green/yellow", "white/brown"))
                    .split("/");
            String are = p ? "were" : "are";
            d.sentences.add(b + " of them " + are + " " + colors[0] + "."
                    + (rng.nextBoolean() ? " The rest " + are + " " + colors[1] + "." : ""));
            c.question = fill(c, pick(List.of("How many {T} " + are + " " + colors[1] + "?",
                    "How many " + are + " " + colors[1] + "?", "How many {T} " + are + " not " + colors[0] + "?")));
            return true;
        }
        return false;
    }

    private String storyQuestion(Cast c) {
        List<String> q = new java.util.ArrayList<>();
        if (c.past) {
            q.addAll(List.of("How many {T} did {N} have then?", "How many {T} did {N} end up with?",
                    "How many {T} did {N} have in the end?", "How many {T} does {N} have now?"));
            if (c.lastLoss) {
                q.addAll(List.of("How many {T} did {N} have left?", "How many {T} were left?"));
            }
        } else {
            q.addAll(List.of("How many {T} does {N} have now?", "How many {T} does {s} have now?",
                    "How many {T} does {N} have now?", "How many does {N} have now?",
                    "How many {T} does {N} have at the end?", "How many {T} does {N} end up with?",
                    "Now how many {T} does {N} have?", "How many {T} are there now?"));
            if (c.lastLoss) {
                q.addAll(List.of("How many {T} does {N} have left?", "How many {T} are left?",
                        "How many {T} does {s} have left?", "How many are left?"));
            }
            if (!c.anyLoss) {
                q.addAll(List.of("How many {T} does {N} have in all?", "How many {T} does {N} have altogether?",
                        "How many {T} does {N} have in total?", "How many {T} are there in all?"));
            }
        }
        return pick(q);
    }

    // ---------------------------------------------------------------- tally

    private static final List<String> ACTIVITIES = List.of("read/read/reads/pages", "score/scored/scores/points",
            "run/ran/runs/laps", "pick/picked/picks/apples", "bake/baked/bakes/cookies", "sell/sold/sells/tickets",
            "collect/collected/collects/cans", "swim/swam/swims/laps", "plant/planted/plants/flowers",
            "fold/folded/folds/paper cranes", "make/made/makes/bracelets", "count/counted/counts/birds");
    private static final List<List<String>> PERIODS = List.of(Phrases.DAYS.subList(0, 5),
            List.of("in the first game", "in the second game", "in the third game", "in the fourth game",
                    "in the last game"),
            List.of("in the morning", "at noon", "in the afternoon", "in the evening", "at night"),
            List.of("in January", "in February", "in March", "in April", "in May"));

    /** What someone did over several days (or games), added up. */
    Draft tally(int ops) {
        Phrases.Person who = Phrases.person(rng);
        String[] act = Phrases.pick(rng, ACTIVITIES).split("/");
        boolean past = rng.nextInt(4) != 0;
        String verb = past ? act[1] : act[2];
        String things = act[3];
        List<String> periods = Phrases.pick(rng, PERIODS);
        Cast c = new Cast(who, Phrases.THINGS.getFirst(), past, Phrases.friend(rng, who.name()), "box/boxes",
                Phrases.pick(rng, Phrases.DAYS));
        Draft d = new Draft("tally");
        int a = amount(2, 300);
        d.start(a);
        String p0 = period(periods.get(0));
        d.sentences.add(fill(c, rng.nextBoolean() ? "{first} " + verb + " " + a + " " + things + " " + p0 + "."
                : cap(p0) + ", {first} " + verb + " " + a + " " + things + "."));
        int i = 1;
        while (d.ops < ops && d.value < 990) {
            int b = amount(2, Math.min(300, 999 - d.value));
            d.apply(Op.ADD, b);
            String pi = period(periods.get(i++));
            if (ops - d.ops >= 1 && rng.nextInt(4) == 0 && d.value < 990) {
                int e = amount(2, Math.min(300, 999 - d.value));
                d.apply(Op.ADD, e);
                String pj = period(periods.get(i++));
                d.sentences.add(fill(c, "{S} " + verb + " " + b + " " + things + " " + pi + " and " + e + " " + pj
                        + "."));
                continue;
            }
            d.sentences.add(fill(c, pick(List.of(cap(pi) + ", {S} " + verb + " " + b + " " + things + ".",
                    "{S} " + verb + " " + b + " " + things + " " + pi + ".",
                    "{S} " + verb + " " + b + " more " + pi + ".", cap(pi) + " {S} " + verb + " " + b + "."))));
        }
        fillers(c, d);
        String base = act[0];
        String did = past ? "did" : "does";
        d.sentences.add(fill(c, pick(List.of("How many " + things + " " + did + " {N} " + base + " in all?",
                "How many " + things + " " + did + " {N} " + base + " altogether?",
                "How many " + things + " " + did + " {N} " + base + " in total?",
                "How many " + things + " " + did + " {s} " + base + " in all?"))));
        instruction(d);
        return d;
    }

    private static String period(String p) {
        return Phrases.DAYS.contains(p) ? "on " + p : p;
    }

    // ---------------------------------------------------------------- money

    private static final List<String> ITEMS = List.of("book", "toy", "ball", "kite", "game", "hat", "shirt", "lunch",
            "ticket", "puzzle", "bike helmet", "backpack", "plant", "pizza");

    Draft money(int ops) {
        Phrases.Person who = Phrases.person(rng);
        Cast c = cast(who, Phrases.THINGS.getFirst());
        Draft d = new Draft("money");
        boolean p = c.past;
        if (ops == 1 && rng.nextInt(3) == 0) {
            int k = 2 + rng.nextInt(8);
            int m = groupSize(k, 999);
            d.startGroups(k, m);
            String[] unit = pick(List.of("week/weeks", "day/days", "month/months")).split("/");
            String[] e = pick(List.of("earns/earned/earn", "saves/saved/save", "gets/got/get")).split("/");
            d.sentences.add(who.name() + " " + (p ? e[1] : e[0]) + " " + dollars(m) + " each " + unit[0] + ".");
            d.sentences.add(fill(c, "How many dollars " + (p ? "did" : "does") + " {N} " + e[2] + " in " + k + " "
                    + unit[1] + "?"));
            return d;
        }
        int a = amount(2, 800);
        d.start(a);
        d.sentences.add(pick(List.of(who.name() + (p ? " had " : " has ") + dollars(a) + ".",
                who.name() + (p ? " had " : " has ") + dollars(a) + " in " + who.possessive() + " piggy bank.",
                who.name() + " saved " + dollars(a) + ".", who.name() + (p ? " started" : " starts") + " with "
                        + dollars(a) + ".")));
        while (d.ops < ops) {
            moneyOp(c, d);
        }
        fillers(c, d);
        String does = p ? "did" : "does";
        List<String> q = new java.util.ArrayList<>(p
                ? List.of("How many dollars did {N} have then?", "How much money did {N} have in the end?",
                "How much money does {N} have now?")
                : List.of("How many dollars does {N} have now?", "How much money does {N} have now?",
                "How much money does {s} have now?"));
        if (c.lastLoss) {
            q.addAll(List.of("How much money " + does + " {N} have left?", "How many dollars " + does + " {N} have left?",
                    "How many dollars are left?"));
        }
        d.sentences.add(fill(c, pick(q)));
        instruction(d);
        return d;
    }

    private void moneyOp(Cast c, Draft d) {
        boolean p = c.past;
        while (true) {
            int roll = rng.nextInt(100);
            if (roll < 32 && d.value < 990) {
                int b = amount(2, Math.min(500, 999 - d.value));
                d.apply(Op.ADD, b);
                d.sentences.add(fill(c, pick(List.of(
                        "{S} " + (p ? "earned " : "earns ") + dollars(b) + pick(List.of("", " by doing chores",
                                " at work", " for mowing lawns")) + ".",
                        "{S} " + (p ? "got " : "gets ") + dollars(b) + " from {F}.",
                        "{F} " + (p ? "gave" : "gives") + " {O} " + dollars(b) + ".",
                        "{S} " + (p ? "found " : "finds ") + dollars(b) + ".",
                        "{S} " + (p ? "saved " : "saves ") + b + " more dollars.",
                        "{S} " + (p ? "was" : "is") + " given " + dollars(b) + " for {pos} birthday."))));
                c.lastLoss = false;
                return;
            }
            if (roll >= 32 && roll < 68 && d.value >= 4) {
                int b = amount(2, d.value - 1);
                d.apply(Op.SUB, b);
                String item = Phrases.pick(rng, ITEMS);
                d.sentences.add(fill(c, pick(List.of(
                        "{S} " + (p ? "spent " : "spends ") + dollars(b) + " on a " + item + ".",
                        "{S} " + (p ? "spent " : "spends ") + dollars(b) + ".",
                        "{S} " + (p ? "paid " : "pays ") + dollars(b) + " for a " + item + ".",
                        "{S} " + (p ? "bought" : "buys") + " a " + item + " for " + dollars(b) + ".",
                        "{S} " + (p ? "gave " : "gives ") + dollars(b) + " to {F}.",
                        "{S} " + (p ? "lost " : "loses ") + dollars(b) + "."))));
                loss(c);
                return;
            }
            if (roll >= 68 && roll < 78 && d.value <= 980) {
                int k = 2 + rng.nextInt(8);
                int m = groupSize(k, 999 - d.value);
                if (m >= 2) {
                    d.groups(k, m, Op.ADD);
                    String[] unit = pick(List.of("week/weeks", "day/days")).split("/");
                    d.sentences.add(fill(c, pick(List.of(
                            "{S} " + (p ? "earned " : "earns ") + dollars(m) + " a " + unit[0] + " for " + k + " "
                                    + unit[1] + ".",
                            "{S} " + (p ? "sold " : "sells ") + k + " " + plural(Phrases.pick(rng, ITEMS)) + " for "
                                    + dollars(m) + " each."))));
                    c.lastLoss = false;
                    return;
                }
            }
            if (roll >= 78 && roll < 86 && d.value >= 8) {
                int k = 2 + rng.nextInt(8);
                int m = groupSize(k, d.value - 1);
                if (m >= 2) {
                    d.groups(k, m, Op.SUB);
                    String item = Phrases.pick(rng, ITEMS);
                    d.sentences.add(fill(c, pick(List.of(
                            "{S} " + (p ? "bought " : "buys ") + k + " " + plural(item) + " for " + dollars(m)
                                    + " each.",
                            "{S} " + (p ? "bought " : "buys ") + k + " " + plural(item) + " that cost " + dollars(m)
                                    + " each."))));
                    loss(c);
                    return;
                }
            }
            if (roll >= 86 && roll < 92 && d.value >= 4 && d.value % 2 == 0) {
                d.apply(Op.DIV, 2);
                d.sentences.add(fill(c, pick(List.of("{S} " + (p ? "spent" : "spends") + " half of {pos} money.",
                        "{S} " + (p ? "gave" : "gives") + " half of {pos} money to {F}.",
                        "{S} " + (p ? "lost" : "loses") + " half of it."))));
                loss(c);
                return;
            }
            if (roll >= 92 && roll < 96 && d.value >= 2 && d.value * 2 <= 999) {
                int k = times(d.value);
                d.apply(Op.MUL, k);
                d.sentences.add(fill(c, k == 2 && rng.nextBoolean()
                        ? "{S} " + (p ? "doubled" : "doubles") + " {pos} money."
                        : "Now {S} " + (p ? "had " : "has ") + (k == 2 ? "twice" : k + " times") + " as much money."));
                c.lastLoss = false;
                return;
            }
            int k = roll >= 96 && d.value >= 6 ? divisor(d.value) : 1;
            if (k >= 2) {
                d.apply(Op.DIV, k);
                d.sentences.add(fill(c, "{S} " + (p ? "shared" : "shares") + " {pos} money equally among " + k
                        + " friends and " + (p ? "kept" : "keeps") + " one share."));
                loss(c);
                return;
            }
        }
    }

    private static String plural(String item) {
        return item.endsWith("ch") ? item + "es" : item + "s";
    }

    private String dollars(int n) {
        return rng.nextInt(3) == 0 ? "$" + n : n + " dollars";
    }

    // ---------------------------------------------------------------- place

    Draft place(int ops) {
        Phrases.Place pl = Phrases.pick(rng, Phrases.PLACES);
        boolean past = rng.nextInt(4) == 0;
        Draft d = new Draft("place");
        String are = past ? "were" : "are";
        String t = pl.things();
        boolean lastLoss = false;
        if (rng.nextInt(7) == 0) {
            int k = 2 + rng.nextInt(8);
            int m = groupSize(k, 999);
            d.startGroups(k, m);
            String unit = pick(List.of("groups", "rows", "groups"));
            d.sentences.add(pick(List.of("There " + are + " " + k + " " + unit + " of " + m + " " + t + " " + pl.where()
                    + ".", "There " + are + " " + k + " " + unit + " of " + t + " " + pl.where() + ", with " + m
                    + " " + t + " in each.")));
        } else {
            int a = amount(2, 700);
            d.start(a);
            d.sentences.add(pick(List.of("There " + are + " " + a + " " + t + " " + pl.where() + ".",
                    a + " " + t + " " + are + " " + pl.where() + ".",
                    "At first, there " + are + " " + a + " " + t + " " + pl.where() + ".")));
        }
        while (d.ops < ops) {
            int left = ops - d.ops;
            int roll = rng.nextInt(100);
            if (left == 1 && roll < 12 && d.value >= 6) {
                int b = amount(2, d.value - 2);
                d.apply(Op.SUB, b);
                String[] kinds = pl.things().equals("cars") || pl.things().equals("chairs") ? new String[] {"red", "blue"}
                        : pl.things().matches("kids|children|students|people|passengers")
                        ? new String[] {"boys", "girls"} : new String[] {"big", "small"};
                d.sentences.add(b + " of them " + are + " " + kinds[0] + ".");
                d.sentences.add(pick(List.of("How many " + are + " " + kinds[1] + "?",
                        "How many " + kinds[1] + " are there?".replace("are", are),
                        "How many " + t + " " + are + " " + kinds[1] + "?")));
                instruction(d);
                return d;
            }
            String arrive = Phrases.tense(Phrases.pick(rng, pl.arrive()), past);
            String leave = Phrases.tense(Phrases.pick(rng, pl.leave()), past);
            String time = rng.nextInt(3) == 0 ? pick(List.of("Then ", "Later, ", "After a while, ", "Soon ")) : "";
            if (roll < 32 && d.value < 990) {
                int b = amount(2, Math.min(400, 999 - d.value));
                d.apply(Op.ADD, b);
                d.sentences.add(cap(time + pick(List.of(b + " more " + t + " " + arrive + ".",
                        b + " more " + arrive + ".", b + " " + t + " " + arrive + "."))));
                lastLoss = false;
            } else if (roll < 64 && d.value >= 4) {
                int b = amount(2, d.value - 1);
                d.apply(Op.SUB, b);
                d.sentences.add(cap(time + pick(List.of(b + " " + t + " " + leave + ".", b + " of them " + leave + ".",
                        b + " " + leave + "."))));
                lastLoss = true;
            } else if (roll < 74 && left >= 2 && d.value >= 4) {
                int b = amount(2, d.value - 1);
                int e = amount(2, Math.min(400, 999 - (d.value - b)));
                d.apply(Op.SUB, b);
                d.apply(Op.ADD, e);
                d.sentences.add(cap(time + b + " " + t + " " + leave + " and " + e + " " + arrive + "."));
                lastLoss = false;
            } else if (roll < 84 && d.value <= 980) {
                int k = 2 + rng.nextInt(8);
                int m = groupSize(k, 999 - d.value);
                if (m >= 2) {
                    d.groups(k, m, Op.ADD);
                    d.sentences.add(cap(time + k + " groups of " + m + " " + t + " " + arrive + "."));
                    lastLoss = false;
                }
            } else if (roll < 92 && d.value >= 4 && d.value % 2 == 0) {
                d.apply(Op.DIV, 2);
                d.sentences.add(cap(time + pick(List.of("half of the " + t + " " + leave + ".",
                        "half of them " + leave + "."))));
                lastLoss = true;
            } else if (roll >= 92 && d.value >= 2 && d.value * 2 <= 999) {
                int k = times(d.value);
                d.apply(Op.MUL, k);
                d.sentences.add(k == 2 ? pick(List.of("The number of " + t + (past ? " doubled." : " doubles."),
                        "Soon there " + are + " twice as many " + t + "."))
                        : "Soon there " + are + " " + k + " times as many " + t + ".");
                lastLoss = false;
            }
        }
        String there = pl.where().replace(" a ", " the ");
        List<String> q = new java.util.ArrayList<>(List.of("How many " + t + " are " + there + " now?",
                "How many " + t + " are there now?", "How many " + t + " are " + there + " at the end?"));
        if (past) {
            q.add("How many " + t + " were " + there + " then?");
        }
        if (lastLoss) {
            q.addAll(List.of("How many " + t + " are left " + there + "?", "How many " + t + " are left?",
                    "How many " + t + " are still " + there + "?"));
        }
        d.sentences.add(pick(q));
        instruction(d);
        return d;
    }

    // ---------------------------------------------------------------- shared

    private Cast cast(Phrases.Person who, Phrases.Thing thing) {
        return new Cast(who, thing, rng.nextInt(3) == 0, Phrases.friend(rng, who.name()),
                Phrases.pick(rng, thing.containers()), Phrases.pick(rng, Phrases.DAYS));
    }

    private Phrases.Verb verb(Cast c, List<Phrases.Verb> verbs) {
        if (!c.who.institution()) {
            return Phrases.verb(rng, verbs, c.thing);
        }
        List<Phrases.Verb> allowed = verbs.stream().filter(v -> v.present().matches(
                "gets|buys|receives|is given|sells|gives away|donates|loses")).toList();
        return Phrases.pick(rng, allowed);
    }

    private String time(Cast c) {
        String t = Phrases.pick(rng, Phrases.TIMES);
        return t + (rng.nextBoolean() ? ", " : " ");
    }

    /**
     * Zero to two filler sentences without numbers, anywhere after the first sentence; without things where the
     * story has none (money, tally).
     */
    private void fillers(Cast c, Draft d) {
        int roll = rng.nextInt(100);
        int n = roll < 55 ? 0 : roll < 90 ? 1 : 2;
        boolean things = d.family.equals("story");
        for (int i = 0; i < n; i++) {
            String filler;
            do {
                filler = Phrases.pick(rng, Phrases.FILLERS);
            } while ((!things && (filler.contains("{T}") || filler.contains("them")))
                    || (c.who.institution() && !filler.startsWith("It is")));
            int at = 1 + rng.nextInt(d.sentences.size());
            d.sentences.add(at, fill(c, filler));
        }
    }

    private void instruction(Draft d) {
        if (rng.nextInt(25) == 0) {
            String last = d.sentences.removeLast();
            d.sentences.add(last + Phrases.pick(rng, Phrases.INSTRUCTIONS));
        }
    }

    private String fill(Cast c, String shape) {
        String s = shape;
        while (s.contains("{S}")) {
            s = s.replaceFirst("\\{S}", subject(c));
        }
        s = s.replace("{s}", c.who.institution() ? c.who.later() : c.who.subject())
                .replace("{first's}", possessiveName(c.who.name()))
                .replace("{first}", c.who.name())
                .replace("{N}", c.who.later())
                .replace("{O}", c.who.object())
                .replace("{pos}", c.who.possessive())
                .replace("{T}", c.thing.plural())
                .replace("{F}", c.friend)
                .replace("{C}", c.container[1])
                .replace("{c}", c.container[0])
                .replace("{day}", c.day)
                .replace(", A ", ", a ");
        return cap(s);
    }

    private static String possessiveName(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("a ") ? "the " + name.substring(2) + "'s" : name + "'s";
    }

    private String subject(Cast c) {
        return rng.nextInt(10) < 4 ? c.who.later() : c.who.subject();
    }

    /** A number in {@code lo..hi}: about a tenth one digit, half two digits, the rest three (where allowed). */
    int amount(int lo, int hi) {
        int roll = rng.nextInt(100);
        int from = roll < 12 ? 2 : roll < 62 ? 10 : 100;
        int to = roll < 12 ? 9 : roll < 62 ? 99 : hi;
        from = Math.max(lo, Math.min(from, hi));
        to = Math.max(from, Math.min(to, hi));
        return from + rng.nextInt(to - from + 1);
    }

    /** How many in each of {@code k} groups so that the product stays within {@code max}; below 2 when none fits. */
    private int groupSize(int k, int max) {
        int hi = Math.min(99, max / k);
        if (hi < 2) {
            return hi;
        }
        return rng.nextInt(10) < 4 ? 2 + rng.nextInt(Math.min(8, hi - 1)) : 2 + rng.nextInt(hi - 1);
    }

    private int times(int value) {
        int max = Math.min(5, 999 / value);
        int roll = rng.nextInt(10);
        int k = roll < 6 ? 2 : roll < 9 ? 3 : 4 + rng.nextInt(2);
        return Math.min(k, max);
    }

    /** A divisor (2..9) of {@code value} with a quotient below 100 unless round, or 1 when none was found. */
    int divisor(int value) {
        for (int tries = 0; tries < 12; tries++) {
            int k = 2 + rng.nextInt(8);
            if (value % k == 0 && value / k >= 2 && (value / k < 100 || value % (10 * k) == 0)) {
                return k;
            }
        }
        return value % 2 == 0 ? 2 : 1;
    }

    private <T> T pick(List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
