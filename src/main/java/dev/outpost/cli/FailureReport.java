package dev.outpost.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a message on stderr and exit code 1. Store errors already speak to the
 * user; anything else is a bug, reported without a stack trace and logged for us.
 */
final class FailureReport implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureReport.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof StoreException) {
            // The message may quote the user's values: it goes to the terminal, never to the log file.
            cli.getErr().println(e.getMessage());
            LOG.info("Command '{}' failed: {}", cli.getCommandName(), e.getClass().getSimpleName());
            return e instanceof CrmSession.SignInNeededException ? CrmSession.SIGN_IN_NEEDED : OutpostCommand.FAILED;
        } else {
            cli.getErr().println("Outpost failed unexpectedly (" + e.getClass().getSimpleName()
                    + "). Nothing more was written. Please report this with the log from the profile's logs folder.");
            LOG.error("Command '{}' failed unexpectedly", cli.getCommandName(), e);
        }
        return OutpostCommand.FAILED;
    }
}
