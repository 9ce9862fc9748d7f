package dev.thinkbench.app;

import dev.thinkbench.cli.ThinkbenchCli;

/**
 * Entry point (does not extend Application, so JavaFX can start from the classpath): no arguments open the
 * workbench, anything else runs the command line.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ThinkbenchApp.launchApp(args);
        } else {
            System.exit(ThinkbenchCli.run(args, AppContext.create()));
        }
    }
}
