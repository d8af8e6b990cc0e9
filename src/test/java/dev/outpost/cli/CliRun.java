package dev.outpost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the CLI in this JVM on one profile and keeps what it printed. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(Path profile, String... args) {
        return runWith(p -> {
            throw new AssertionError("the window must not open for a command");
        }, profile, args);
    }

    static CliRun runWith(java.util.function.Consumer<Optional<Path>> windowOpener, Path profile, String... args) {
        return runIn(windowOpener, name -> null, profile, args);
    }

    /** Runs with the given environment variables (and no others). */
    static CliRun runWithEnvironment(java.util.Map<String, String> environment, Path profile, String... args) {
        return runIn(p -> {
            throw new AssertionError("the window must not open for a command");
        }, environment::get, profile, args);
    }

    private static CliRun runIn(java.util.function.Consumer<Optional<Path>> windowOpener,
                                java.util.function.Function<String, String> environment, Path profile, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--profile", profile.toString()));
        all.addAll(List.of(args));
        int code = OutpostCommand.commandLine(windowOpener, environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }
}
