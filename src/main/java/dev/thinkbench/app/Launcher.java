package dev.thinkbench.app;

import dev.thinkbench.cli.ThinkbenchCli;

/**
 * Entry point (does not extend Application, so the app itself can stay on the class path): no arguments open the
 * workbench, {@code open FILE [--present] [--full-screen]} opens it with a saved session, anything else runs the command
 * line. Without a display the workbench is not attempted: one line says
 * how to get one or use the command line, and the exit code is 2.
 */
public final class Launcher {

    /** How the user started Thinkbench, for messages ({@code -Dthinkbench.command}; the launchers set it). */
    static final String COMMAND_PROPERTY = "thinkbench.command";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && OpenArguments.OPEN.equals(args[0])
                && java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            // help needs no display
            System.out.println(OpenArguments.USAGE);
            System.exit(0);
        }
        if (args.length == 0 || OpenArguments.OPEN.equals(args[0])) {
            System.exit(openWorkbench(args));
        } else {
            AppContext context = AppContext.create();
            context.settings().setOnProblem(problem -> System.err.println("thinkbench: " + problem));
            System.exit(ThinkbenchCli.run(args, context));
        }
    }

    private static int openWorkbench(String[] args) {
        String noDisplay = DisplayCheck.noDisplayMessage(System.getProperty(COMMAND_PROPERTY, "thinkbench"));
        if (DisplayCheck.missing(System.getenv(), System.getProperties())) {
            System.err.println(noDisplay);
            return 2;
        }
        try {
            ThinkbenchApp.launchApp(args);
            return 0;
        } catch (RuntimeException e) {
            if (DisplayCheck.isNoDisplayFailure(e)) {
                System.err.println(noDisplay);
                return 2;
            }
            throw e;
        }
    }
}
