package dev.outpost.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.outpost.model.RecordType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code outpost} command: with no subcommand it opens the window, with one it runs the CLI.
 * Exit codes: 0 done, 1 failed (a message on stderr), 2 usage.
 */
@Command(name = "outpost", mixinStandardHelpOptions = true, versionProvider = OutpostVersion.class,
        description = "Your CRM records offline. With no command, opens the Outpost window.",
        subcommands = {ListCommand.class, ShowCommand.class, CreateCommand.class, UpdateCommand.class,
                DeleteCommand.class, RestoreCommand.class, StatusCommand.class, ConnectCommand.class, SyncCommand.class,
                ConflictsCommand.class, ResolveCommand.class, IssuesCommand.class, TrackCommand.Track.class,
                TrackCommand.Untrack.class, DemoServerCommand.class, BenchCommand.class,
                ExportUnsyncedCommand.class, ImportCommand.class, LoginCommand.class, LogoutCommand.class,
                CommandLine.HelpCommand.class})
public final class OutpostCommand implements Callable<Integer> {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Mixin
    ProfileOption profile;

    private final Consumer<Optional<Path>> windowOpener;
    /** The process environment (tests pass their own): where access tokens come from. */
    final java.util.function.Function<String, String> environment;

    OutpostCommand(Consumer<Optional<Path>> windowOpener, java.util.function.Function<String, String> environment) {
        this.windowOpener = windowOpener;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        windowOpener.accept(profile.directory());
        return DONE;
    }

    /**
     * Runs the command line.
     *
     * @param windowOpener opens the window on the given profile and returns when it closes
     * @return the exit code
     */
    public static int run(String[] args, Consumer<Optional<Path>> windowOpener) {
        return commandLine(windowOpener, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    /** The configured command line, writing to the given streams (tests capture them). */
    public static CommandLine commandLine(Consumer<Optional<Path>> windowOpener, PrintWriter out, PrintWriter err) {
        return commandLine(windowOpener, System::getenv, out, err);
    }

    /** The command line with the given environment, for tests. */
    static CommandLine commandLine(Consumer<Optional<Path>> windowOpener, java.util.function.Function<String, String> environment,
                                   PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OutpostCommand(windowOpener, environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(RecordType.class, name -> {
            try {
                return RecordType.parse(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        });
        cli.setExecutionExceptionHandler(new FailureReport());
        cli.setParameterExceptionHandler(new UsageReport());
        return cli;
    }
}
