package dev.thinkbench.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code thinkbench} command line: subcommands over the same lab and engine code as the workbench. */
@Command(name = "thinkbench", mixinStandardHelpOptions = true, version = "Thinkbench 0.1",
        description = "A lab for test-time compute: one prompt at several thinking budgets.",
        subcommands = {CommandLine.HelpCommand.class},
        footer = {"", "Without a command: the workbench window. The window can also open a saved session:",
                "  open FILE [--present] [--full-screen]   ready to replay, in presenter mode and full screen if asked",
                "", ThinkbenchCli.EXIT_CODES})
public final class ThinkbenchCli {

    /** The exit codes, in the help of the commands that run models (an interrupted JVM exits 128 + SIGINT). */
    static final String EXIT_CODES = "Exit codes: 0 all ran, 1 some run failed, 2 bad input, 130 interrupted (Ctrl-C).";

    private ThinkbenchCli() {
    }

    /**
     * Runs the command line and returns the exit code (0 ok, 1 a run failed, 2 bad arguments); Ctrl-C ends the JVM
     * with 130 once the command has printed what it had.
     */
    public static int run(String[] args, CliServices services) {
        CommandLine cli = new CommandLine(new ThinkbenchCli());
        cli.addSubcommand("compare", new CompareCommand(services));
        cli.addSubcommand("step", new StepCommand(services));
        cli.addSubcommand("sweep", new SweepCommand(services));
        cli.addSubcommand("report", new ReportCommand());
        cli.addSubcommand("replay", new ReplayCommand());
        cli.addSubcommand("export", new ExportCommand());
        footer(cli.getSubcommands().get("compare"), CompareCommand.engineHelp(services));
        footer(cli.getSubcommands().get("step"), StepCommand.engineHelp(services));
        footer(cli.getSubcommands().get("sweep"), CompareCommand.engineHelp(services));
        for (String runsModels : List.of("compare", "step", "sweep", "replay")) {
            footer(cli.getSubcommands().get(runsModels), EXIT_CODES);
        }
        // after the subcommands: picocli hands its writers to the commands it has at this point
        cli.setOut(masked(System.out));
        cli.setErr(masked(System.err));
        cli.setParameterExceptionHandler((ex, a) -> usageError(ex));
        cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                return usageError(pe);
            }
            commandLine.getErr().println("thinkbench: " + ex.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    /** {@code stream} as picocli writes to it, every line masked ({@link MaskingWriter}). */
    private static PrintWriter masked(PrintStream stream) {
        return new PrintWriter(new MaskingWriter(new OutputStreamWriter(stream, stream.charset())), true);
    }

    /** The longest synopsis a usage error repeats. */
    static final int SHORT_SYNOPSIS_LINES = 4;

    /**
     * Adds {@code text} under the command's help, after its own footer (the examples); picocli formats footers, so a
     * literal % is doubled.
     */
    private static void footer(CommandLine command, String text) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        List<String> lines = new ArrayList<>(List.of(usage.footer()));
        lines.add("");
        lines.add(text.replace("%", "%%"));
        usage.footer(lines.toArray(String[]::new));
    }

    /**
     * The message, the command's synopsis when it is short and the options were given wrong (not for a value that
     * does not work: a missing file), and where the full help is: short enough to see the message (sweep's synopsis
     * alone is some 30 lines, which scrolled the one line that mattered away).
     */
    private static int usageError(CommandLine.ParameterException ex) {
        CommandLine command = ex.getCommandLine();
        // picocli words some messages "Error: ..."; after "thinkbench: " that said it twice
        command.getErr().println("thinkbench: " + ex.getMessage().replaceFirst("^Error: ", ""));
        CommandLine.Help help = command.getHelp();
        String synopsis = help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength());
        if (!(ex instanceof Arguments.BadValue) && synopsis.lines().count() <= SHORT_SYNOPSIS_LINES) {
            command.getErr().print(synopsis);
        }
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options"
                + (command.getCommandSpec().subcommands().isEmpty() ? "." : " and commands."));
        command.getErr().flush();
        return 2;
    }
}
