package dev.outpost.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How a {@link DemoServer} starts. Start from {@link #defaults()} and change what matters:
 * {@code DemoOptions.defaults().records(1000).seed(7).folder(dir)}.
 *
 * @param folder             where the demo database lives, or null to keep it in memory
 * @param records            how many sample records to generate into a new (empty) database
 * @param seed               decides the sample data, its GUIDs and the fault dice
 * @param sampleTime         the moment sample dates are spread around, or null for now
 * @param fixedToken         a bearer token always accepted (never expires), or null for none
 * @param tokenLifetime      how long an issued token is valid
 * @param deltaTokenLifetime how long a delta link stays valid (Dataverse: 7 days by default)
 * @param faults             the fault knobs, changeable while the server runs
 * @param clock              the server's clock (tokens, modifiedon)
 * @param threads            request threads; also the {@code x-ms-dop-hint} the server advertises
 * @param mailboxItems       how many sample items to generate into a new (empty) demo mailbox
 */
public record DemoOptions(Path folder, int records, long seed, Instant sampleTime, String fixedToken,
        Duration tokenLifetime, Duration deltaTokenLifetime, DemoFaults faults, Clock clock, int threads,
        int mailboxItems) {

    /** An in-memory server with no CRM sample data, a modest sample mailbox (200 items), no fixed token, no faults, seed 42. */
    /** How many sample records a demo-mode profile's demo CRM starts with (the window and the CLI alike). */
    public static final int DEMO_MODE_RECORDS = 1000;
    /** The token a demo-mode profile's demo CRM and mailbox take: demo mode needs no sign-in. */
    public static final String DEMO_MODE_TOKEN = "demo";

    /**
     * The demo a profile in demo mode runs, in the window and on the command line alike: file-backed in the
     * profile's {@code demo} folder, so it survives a restart (a fresh demo would look like every record deleted,
     * which the mass-delete guard would hold back) and both see the same data.
     */
    public static DemoOptions demoMode(Path profileFolder, int records) {
        return defaults().folder(profileFolder.resolve("demo")).records(records).fixedToken(DEMO_MODE_TOKEN);
    }

    public static DemoOptions defaults() {
        return new DemoOptions(null, 0, 42, null, null, Duration.ofHours(1), Duration.ofDays(7), new DemoFaults(42),
                Clock.systemUTC(), 8, 200);
    }

    public DemoOptions folder(Path folder) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions records(int records) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    /** The seed of the sample data; the fault dice get a new {@link DemoFaults} seeded the same. */
    public DemoOptions seed(long seed) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime,
                new DemoFaults(seed), clock, threads, mailboxItems);
    }

    public DemoOptions sampleTime(Instant sampleTime) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions fixedToken(String fixedToken) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions tokenLifetime(Duration tokenLifetime) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions deltaTokenLifetime(Duration deltaTokenLifetime) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions faults(DemoFaults faults) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions clock(Clock clock) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    public DemoOptions threads(int threads) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }

    /** How many sample items a new demo mailbox gets (contacts, events, tasks, messages). */
    public DemoOptions mailboxItems(int mailboxItems) {
        return new DemoOptions(folder, records, seed, sampleTime, fixedToken, tokenLifetime, deltaTokenLifetime, faults,
                clock, threads, mailboxItems);
    }
}
