package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a session file of an older format version up to {@link Session#FORMAT_VERSION}, one version at a time, on
 * its JSON tree before it is read. Version 1 is the first, so this build has no steps yet; when the format changes,
 * the version goes up and a {@link Step} from the old version is added to {@link #standard()}. Immutable; any thread.
 */
public final class SessionMigrations {

    /** Rewrites a tree of version {@link #from()} as version {@code from() + 1}. */
    public interface Step {
        int from();

        /** The tree in the next version; may change and return {@code older}. */
        ObjectNode apply(ObjectNode older);
    }

    private final Map<Integer, Step> steps = new HashMap<>();
    private final int current;

    private SessionMigrations(List<Step> steps, int current) {
        for (Step s : steps) {
            if (this.steps.put(s.from(), s) != null) {
                throw new IllegalArgumentException("two migrations from version " + s.from());
            }
        }
        this.current = current;
    }

    /** This build's migrations. */
    public static SessionMigrations standard() {
        return new SessionMigrations(List.of(), Session.FORMAT_VERSION);
    }

    /** Migrations {@code steps} up to {@code current} (tests use a synthetic older format). */
    static SessionMigrations of(List<Step> steps, int current) {
        return new SessionMigrations(steps, current);
    }

    /** The version this reads up to. */
    int current() {
        return current;
    }

    /**
     * {@code root}, of format {@code version}, in the current format.
     *
     * @throws IllegalArgumentException when no migration leads from {@code version}
     */
    ObjectNode upgrade(ObjectNode root, int version) {
        ObjectNode tree = root;
        for (int v = version; v < current; v++) {
            Step step = steps.get(v);
            if (step == null) {
                throw new IllegalArgumentException("format version " + version + " is not one this Thinkbench can "
                        + "read (it reads versions " + lowest() + " to " + current + ")");
            }
            tree = step.apply(tree);
            tree.put("version", v + 1);
        }
        return tree;
    }

    private int lowest() {
        int low = current;
        while (steps.containsKey(low - 1)) {
            low--;
        }
        return low;
    }
}
