package dev.thinkbench.core.problems;

import java.util.List;
import java.util.Random;

/**
 * The word lists the widened problems are written from: people, things with what can happen to them, containers,
 * places, verbs in present and past. No entry holds a digit or a number word, so every number of a problem comes
 * from the generator. Immutable; any thread.
 */
final class Phrases {

    /** Thing flags: what a verb needs of its object. */
    static final int EAT = 1;
    static final int PICK = 2;
    static final int BAKE = 4;
    static final int BREAK = 8;
    static final int USE = 16;
    static final int TRADE = 32;
    static final int WIN = 64;

    /**
     * Who a story is about: the first mention ({@code Maria}, {@code A farmer}), later mentions ({@code Maria},
     * {@code the farmer}), pronouns; an institution ({@code A library}, {@code it}) only buys, gets, sells and gives.
     */
    record Person(String name, String later, String subject, String object, String possessive, boolean institution) {
    }

    /**
     * Something counted: plural and singular, flags, the containers it comes in (singular/plural pairs), and what
     * it does by itself when some are lost (present/past).
     */
    record Thing(String plural, String singular, int flags, List<String> containers, String selfLoss) {
        boolean can(int flag) {
            return flag == 0 || (flags & flag) != 0;
        }
    }

    /** A verb with its present and past form, what it needs of the thing, and where it may happen. */
    record Verb(String present, String past, int needs, List<String> places) {
        String form(boolean past) {
            return past ? this.past : present;
        }
    }

    /** A place with things that come and go, e.g. birds in a tree. */
    record Place(String things, String where, List<String> arrive, List<String> leave) {
    }

    private static final String[] NAMES = {
        "Ann:she", "Ben:he", "Maria:she", "Jake:he", "Lily:she", "Omar:he", "Emma:she", "Noah:he", "Grace:she",
        "Sam:he", "Mia:she", "Tom:he", "Ava:she", "Leo:he", "Zoe:she", "Ethan:he", "Chloe:she", "Ryan:he",
        "Henry:he", "Ana:she", "Isabel:she", "Jack:he", "Sofia:she", "Lucas:he", "Nina:she", "Owen:he", "Eli:he",
        "Ruby:she", "Max:he", "Kim:she", "Peter:he", "Julia:she", "Carlos:he", "Hannah:she", "Adam:he", "Kate:she",
        "Liam:he", "Olivia:she", "Dan:he", "Sara:she", "Jon:he", "Amy:she", "Kevin:he", "Paula:she", "Tim:he",
        "Rosa:she", "Mark:he", "Priya:she", "Ali:he", "Mei:she", "Diego:he", "Fatima:she", "Yuki:she", "Raj:he",
        "Ella:she", "Luke:he", "Nora:she", "Finn:he", "Ivy:she", "Gus:he", "Dee:she", "Cal:he", "Jo:she",
        "Mr. Diaz:he", "Ms. Lee:she", "Grandma:she", "Grandpa:he", "Aunt May:she", "Uncle Bob:he",
    };

    static final List<Thing> THINGS = List.of(
            thing("stickers", "sticker", TRADE | USE | WIN, "sheet/sheets pack/packs book/books", "get lost/got lost"),
            thing("cards", "card", TRADE | WIN, "pack/packs box/boxes deck/decks", "get lost/got lost"),
            thing("baseball cards", "baseball card", TRADE | WIN, "pack/packs box/boxes", "get lost/got lost"),
            thing("stamps", "stamp", TRADE | USE, "sheet/sheets pack/packs book/books", "get lost/got lost"),
            thing("marbles", "marble", TRADE | WIN, "bag/bags jar/jars box/boxes", "roll away/rolled away"),
            thing("shells", "shell", PICK | TRADE, "bag/bags bucket/buckets jar/jars", "break/broke"),
            thing("coins", "coin", TRADE, "bag/bags jar/jars roll/rolls", "get lost/got lost"),
            thing("beads", "bead", USE | WIN, "bag/bags box/boxes jar/jars", "roll away/rolled away"),
            thing("rocks", "rock", PICK | TRADE, "bag/bags bucket/buckets box/boxes", "get lost/got lost"),
            thing("buttons", "button", USE, "bag/bags jar/jars box/boxes", "get lost/got lost"),
            thing("toy cars", "toy car", TRADE | WIN | BREAK, "box/boxes bag/bags", "break/broke"),
            thing("comic books", "comic book", TRADE, "box/boxes stack/stacks", "get lost/got lost"),
            thing("apples", "apple", EAT | PICK, "bag/bags basket/baskets box/boxes", "go bad/went bad"),
            thing("oranges", "orange", EAT | PICK, "bag/bags basket/baskets box/boxes", "go bad/went bad"),
            thing("cookies", "cookie", EAT | BAKE | BREAK, "box/boxes bag/bags tray/trays jar/jars", "break/broke"),
            thing("cupcakes", "cupcake", EAT | BAKE, "box/boxes tray/trays", "get squashed/got squashed"),
            thing("muffins", "muffin", EAT | BAKE, "box/boxes tray/trays bag/bags", "get squashed/got squashed"),
            thing("grapes", "grape", EAT | PICK, "bag/bags bunch/bunches bowl/bowls", "go bad/went bad"),
            thing("strawberries", "strawberry", EAT | PICK, "basket/baskets box/boxes bowl/bowls", "go bad/went bad"),
            thing("eggs", "egg", EAT | BREAK | USE, "carton/cartons basket/baskets box/boxes", "break/broke"),
            thing("candies", "candy", EAT | WIN, "bag/bags jar/jars box/boxes", "melt/melted"),
            thing("bananas", "banana", EAT, "bunch/bunches bag/bags box/boxes", "go bad/went bad"),
            thing("carrots", "carrot", EAT | PICK, "bag/bags bunch/bunches box/boxes", "go bad/went bad"),
            thing("peaches", "peach", EAT | PICK, "basket/baskets box/boxes bag/bags", "go bad/went bad"),
            thing("pencils", "pencil", USE | BREAK, "box/boxes pack/packs", "break/broke"),
            thing("crayons", "crayon", USE | BREAK, "box/boxes pack/packs", "break/broke"),
            thing("markers", "marker", USE, "box/boxes pack/packs", "dry out/dried out"),
            thing("erasers", "eraser", USE, "pack/packs box/boxes", "get lost/got lost"),
            thing("notebooks", "notebook", USE, "pack/packs box/boxes stack/stacks", "get wet/got wet"),
            thing("books", "book", TRADE, "box/boxes stack/stacks shelf/shelves", "get lost/got lost"),
            thing("balloons", "balloon", USE | WIN, "bag/bags pack/packs", "pop/popped"),
            thing("blocks", "block", BREAK, "box/boxes bag/bags", "get lost/got lost"),
            thing("flowers", "flower", PICK, "bunch/bunches pot/pots vase/vases", "wilt/wilted"),
            thing("toy trucks", "toy truck", TRADE | WIN | BREAK, "box/boxes", "break/broke"),
            thing("photos", "photo", TRADE, "album/albums box/boxes pack/packs", "get lost/got lost"),
            thing("paper cups", "paper cup", USE | BREAK, "pack/packs stack/stacks bag/bags", "get torn/got torn"));

    static final List<Verb> GAINS = List.of(
            verb("gets/got", 0, "from {F}|from {pos} mom|from {pos} dad|for {pos} birthday"),
            verb("buys/bought", 0, "at the store|at the shop|with {pos} money"),
            verb("finds/found", 0, "at the park|at school|under {pos} bed|in the garden"),
            verb("wins/won", WIN, "at the fair|in a game|in a contest"),
            verb("receives/received", 0, "from {F}|in the mail|from {pos} grandma"),
            verb("is given/was given", 0, "by {F}|by {pos} teacher|by {pos} uncle"),
            verb("picks/picked", PICK, "in the garden|at the farm|at the beach"),
            verb("collects/collected", 0, "at school|at the beach|from {pos} friends"),
            verb("bakes/baked", BAKE, "in the kitchen|for a party"),
            verb("trades for/traded for", TRADE, "with {F}"));

    static final List<Verb> LOSSES = List.of(
            verb("gives away/gave away", 0, "at school|to {pos} friends"),
            verb("loses/lost", 0, "at the park|on the way home|at school"),
            verb("sells/sold", 0, "at the market|to {F}|at a yard sale"),
            verb("eats/ate", EAT, "for lunch|after dinner|at the party"),
            verb("uses/used", USE, "for a project|at school|for a card"),
            verb("breaks/broke", BREAK, "by accident|while playing"),
            verb("drops/dropped", 0, "on the way home|in the bus"),
            verb("donates/donated", 0, "to the school|to a charity"),
            verb("trades away/traded away", TRADE, "to {F}"),
            verb("throws away/threw away", 0, "after lunch"));

    static final List<Place> PLACES = List.of(
            new Place("birds", "in a tree", List.of("land/landed", "fly in/flew in", "join them/joined them"),
                    List.of("fly away/flew away", "leave/left")),
            new Place("kids", "on the playground", List.of("come to play/came to play", "join them/joined them",
                    "arrive/arrived"), List.of("go home/went home", "leave/left")),
            new Place("people", "on the bus", List.of("get on/got on", "board/boarded"),
                    List.of("get off/got off", "leave/left")),
            new Place("passengers", "on a train", List.of("get on/got on", "board/boarded"),
                    List.of("get off/got off", "leave/left")),
            new Place("cars", "in a parking lot", List.of("park there/parked there", "drive in/drove in",
                    "arrive/arrived"), List.of("drive away/drove away", "leave/left")),
            new Place("ducks", "in a pond", List.of("swim over/swam over", "join them/joined them"),
                    List.of("fly away/flew away", "swim away/swam away")),
            new Place("people", "at a concert", List.of("arrive/arrived", "come in/came in"),
                    List.of("leave early/left early", "go home/went home", "leave/left")),
            new Place("students", "in the library", List.of("come in/came in", "join them/joined them"),
                    List.of("leave/left", "go back to class/went back to class")),
            new Place("children", "at the party", List.of("arrive/arrived", "come/came"),
                    List.of("go home/went home", "leave/left")),
            new Place("sheep", "in a field", List.of("join them/joined them", "walk in/walked in"),
                    List.of("run away/ran away", "walk away/walked away")),
            new Place("fish", "in a tank", List.of("are added/were added", "are put in/were put in"),
                    List.of("are taken out/were taken out", "are moved/were moved")),
            new Place("chairs", "in the hall", List.of("are added/were added", "are brought in/were brought in"),
                    List.of("are taken away/were taken away", "are moved out/were moved out")));

    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday");
    static final List<String> TIMES = List.of("Then", "Later", "After that", "Next", "The next day", "In the afternoon",
            "After school", "That evening", "On {day}");
    static final List<String> FILLERS = List.of("{S} is very happy.", "{S} likes {T} a lot.", "{S} loves {T}.",
            "It is a sunny day.", "{F} is {pos} best friend.", "{S} puts them in a box.", "{S} counts them carefully.",
            "{S} smiles.", "{S} wants even more {T}.", "The {T} are red and blue.", "It is {day}.",
            "{S} keeps them in {pos} room.", "{S} shows them to {F}.",
            "{S} takes good care of them.", "{N} has a little brother.");
    static final List<String> RELATIVES = List.of("brother", "sister", "cousin", "friend", "neighbor");
    static final List<String> INSTRUCTIONS = List.of(" End your reply with \"Final Answer: \" and the number.",
            " Show your work.", " Think step by step.", " Explain your answer.", " Please help.");

    private Phrases() {
    }

    private static final String[] ROLES = {"farmer", "baker", "teacher", "shopkeeper", "coach", "librarian"};
    private static final String[] INSTITUTIONS = {"library:books,comic books", "toy shop:toy cars,balloons,marbles",
        "bakery:cookies,cupcakes,muffins", "school:pencils,notebooks,crayons", "fruit stand:apples,oranges,peaches",
        "craft store:beads,buttons,stickers"};

    /** Mostly a named person, sometimes a role ({@code A farmer}). */
    static Person person(Random rng) {
        if (rng.nextInt(10) == 0) {
            String role = ROLES[rng.nextInt(ROLES.length)];
            boolean she = rng.nextBoolean();
            return new Person("A " + role, "the " + role, she ? "she" : "he", she ? "her" : "him",
                    she ? "her" : "his", false);
        }
        String[] p = NAMES[rng.nextInt(NAMES.length)].split(":");
        return p[1].equals("she") ? new Person(p[0], p[0], "she", "her", "her", false)
                : new Person(p[0], p[0], "he", "him", "his", false);
    }

    /** An institution and one of its things, e.g. a library with books. */
    static Person institution(Random rng, String[] thingOut) {
        String[] inst = INSTITUTIONS[rng.nextInt(INSTITUTIONS.length)].split(":");
        String[] things = inst[1].split(",");
        thingOut[0] = things[rng.nextInt(things.length)];
        return new Person("A " + inst[0], "the " + inst[0], "it", "it", "its", true);
    }

    static Thing thingNamed(String plural) {
        return THINGS.stream().filter(t -> t.plural().equals(plural)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no thing " + plural));
    }

    /** A first name other than {@code not}. */
    static String friend(Random rng, String not) {
        while (true) {
            String name = NAMES[rng.nextInt(NAMES.length)].split(":")[0];
            if (!name.equals(not) && !name.contains(" ") && !name.startsWith("G")) {
                return name;
            }
        }
    }

    static <T> T pick(Random rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    /** A verb whose needs the thing meets. */
    static Verb verb(Random rng, List<Verb> verbs, Thing thing) {
        while (true) {
            Verb v = pick(rng, verbs);
            if (thing.can(v.needs())) {
                return v;
            }
        }
    }

    /** Present or past of a {@code present/past} pair. */
    static String tense(String pair, boolean past) {
        String[] p = pair.split("/");
        return past ? p[1] : p[0];
    }

    private static Thing thing(String plural, String singular, int flags, String containers, String selfLoss) {
        return new Thing(plural, singular, flags, List.of(containers.split(" ")), selfLoss);
    }

    private static Verb verb(String pair, int needs, String places) {
        String[] p = pair.split("/");
        return new Verb(p[0], p[1], needs, List.of(places.split("\\|")));
    }
}
