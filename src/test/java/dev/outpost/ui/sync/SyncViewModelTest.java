package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.Validation;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.SyncRun;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** The sync's words in the status bar, on one thread. */
class SyncViewModelTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant TEN_FORTY_TWO = Instant.parse("2026-03-01T10:42:00Z");

    @TempDir
    Path profile;

    private OfflineStore store;
    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void open() {
        store = OfflineStore.open(new ProfileFolder(profile));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SyncViewModel model(Map<String, String> environment) {
        SyncConnection connection = new SyncConnection(new ProfileFolder(profile), environment::get, 10);
        return new SyncViewModel(connection, store.sync(), new SameThreadTasks(), reported::add,
                Validation.inSystemZone(), UTC, Optional.empty());
    }

    private static SyncRun run(String outcome, String message) {
        return new SyncRun(0, "crm", TEN_FORTY_TWO, 1200, outcome, "[]", message, false);
    }

    @Test
    void aDoneRunReadsLastSyncTimeAndDone() {
        assertThat(SyncStatusText.lastSync(Optional.of(run("done", "")), 0, UTC)).isEqualTo("Last sync: 10:42 \u2014 done");
    }

    @Test
    void conflictsWaitingAreCounted() {
        assertThat(SyncStatusText.lastSync(Optional.of(run("conflicts", "")), 2, UTC))
                .isEqualTo("Last sync: 10:42 \u2014 2 conflicts");
        assertThat(SyncStatusText.lastSync(Optional.of(run("conflicts", "")), 1, UTC))
                .isEqualTo("Last sync: 10:42 \u2014 1 conflict");
    }

    @Test
    void aFailedRunGivesItsReasonAndMeansOffline() {
        Optional<SyncRun> failed = Optional.of(run("failed", "The CRM did not answer within 10 s."));

        assertThat(SyncStatusText.lastSync(failed, 0, UTC))
                .isEqualTo("Last sync: 10:42 \u2014 failed: The CRM did not answer within 10 s.");
        assertThat(SyncStatusText.reachedServer(failed)).isFalse();
        assertThat(SyncStatusText.reachedServer(Optional.of(run("done", "")))).isTrue();
    }

    @Test
    void aProfileNeverSyncedSaysSo() {
        assertThat(SyncStatusText.lastSync(Optional.empty(), 0, UTC)).isEqualTo("Not synced yet");
    }

    @Test
    void withoutAConnectionTheWindowWorksOfflineAndOffersTheWelcome() {
        SyncViewModel model = model(Map.of());

        model.start();

        assertThat(model.needsWelcome()).isTrue();
        assertThat(model.statusTextProperty().get()).isEqualTo("Not connected \u2014 working offline");
        assertThat(model.connectivityTextProperty().get()).isEqualTo("Not connected");
        assertThat(model.connectedProperty().get()).isFalse();
    }

    @Test
    void withoutAnAccessTokenTheStatusAsksForIt() {
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .write(new ProfileFolder(profile));
        SyncViewModel model = model(Map.of());

        model.syncNow();

        assertThat(model.statusTextProperty().get()).isEqualTo("Sign-in needed: set OUTPOST_ACCESS_TOKEN");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(reported).isEmpty();
    }

    @Test
    void aFailedSyncShowsTheServersReasonNotAStackTrace() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(10).fixedToken("demo"))) {
            new ConnectionSettings(server.url(), "OUTPOST_ACCESS_TOKEN").write(new ProfileFolder(profile));
            SyncViewModel model = model(Map.of("OUTPOST_ACCESS_TOKEN", "not-the-token"));

            model.syncNow();

            assertThat(model.statusTextProperty().get()).startsWith("Last sync: ").contains("failed: ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(model.connectivityTextProperty().get()).isEqualTo("Offline");
            assertThat(reported).isEmpty();
        }
    }

    @Test
    void theProgressNamesEachTypeAsItIsSyncedWithItsCount() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(30).fixedToken("demo"))) {
            new ConnectionSettings(server.url(), "OUTPOST_ACCESS_TOKEN").write(new ProfileFolder(profile));
            SyncViewModel model = model(Map.of("OUTPOST_ACCESS_TOKEN", "demo"));
            List<String> shown = new ArrayList<>();
            model.progressTextProperty().addListener((obs, old, text) -> shown.add(text));

            model.syncNow();

            assertThat(shown).contains("Syncing Accounts\u2026 0 records", "Syncing E-mails\u2026 0 records");
            assertThat(shown).anyMatch(text -> text.matches("Syncing Contacts\u2026 [1-9]\\d* records"));
            assertThat(model.progressTextProperty().get()).isEmpty();
            assertThat(model.statusTextProperty().get()).endsWith("done");
        }
    }

    @Test
    void aConnectedMailboxIsSyncedInTheSameRunAndTheStatusBarSaysWhen() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(20).mailboxItems(30).fixedToken("demo"))) {
            new ConnectionSettings(server.url(), "OUTPOST_ACCESS_TOKEN")
                    .withMailbox(Optional.of(new ConnectionSettings.Mailbox(server.graphUrl(), "OUTPOST_GRAPH_TOKEN")))
                    .write(new ProfileFolder(profile));
            SyncViewModel model = model(Map.of("OUTPOST_ACCESS_TOKEN", "demo", "OUTPOST_GRAPH_TOKEN", "demo"));
            assertThat(model.outlookStatusTextProperty().get()).isEmpty();

            model.syncNow();

            assertThat(model.statusTextProperty().get()).endsWith("done");
            assertThat(model.outlookStatusTextProperty().get()).matches("Outlook: \\d\\d:\\d\\d");
            assertThat(store.sync().linkCount("outlook")).as("items linked to the mailbox").isPositive();
        }
    }

    @Test
    void withoutAGraphTokenTheStatusAsksForItAndNothingRuns() throws Exception {
        try (DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(10).fixedToken("demo"))) {
            new ConnectionSettings(server.url(), "OUTPOST_ACCESS_TOKEN")
                    .withMailbox(Optional.of(new ConnectionSettings.Mailbox(server.graphUrl(), "OUTPOST_GRAPH_TOKEN")))
                    .write(new ProfileFolder(profile));
            SyncViewModel model = model(Map.of("OUTPOST_ACCESS_TOKEN", "demo"));

            model.syncNow();

            assertThat(model.statusTextProperty().get()).isEqualTo("Sign-in needed: set OUTPOST_GRAPH_TOKEN");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void aSecondCrmPassThatWentWellDoesNotHideAFailureOfTheFirst() {
        SyncRun first = run("failed", "The CRM did not answer within 10 s.");
        SyncRun outlook = new SyncRun(0, "outlook", TEN_FORTY_TWO, 300, "done", "[]", "", false);
        SyncRun second = run("done", "");

        assertThat(SyncStatusText.crmOfLastRound(List.of(second, outlook, first))).contains(first);
        assertThat(SyncStatusText.crmOfLastRound(List.of(second, first))).contains(second);
        assertThat(SyncStatusText.crmOfLastRound(List.of(outlook))).isEmpty();
    }

    @Test
    void aTypedAddressIsCheckedAsTheCliChecksIt() {
        assertThat(SyncConnection.checkedUrl("https://Contoso.crm.dynamics.com/")).hasToString("https://contoso.crm.dynamics.com");
        assertThat(SyncConnection.checkedUrl("http://127.0.0.1:8080")).hasToString("http://127.0.0.1:8080");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncConnection.checkedUrl("http://crm.example.com"))
                .hasMessageContaining("https");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncConnection.checkedUrl(" "))
                .hasMessageContaining("organization URL");
    }

    /** Runs work at once, and only records what is scheduled: the schedule is what these tests look at. */
    private static final class RecordedSchedule implements dev.outpost.ui.concurrent.BackgroundTasks {
        final List<java.time.Duration> delays = new ArrayList<>();
        int runs;

        @Override
        public <T> void run(java.util.concurrent.Callable<? extends T> work, java.util.function.Consumer<? super T> ok,
                            java.util.function.Consumer<? super Exception> failed) {
            runs++;
            try {
                ok.accept(work.call());
            } catch (Exception e) {
                failed.accept(e);
            }
        }

        @Override
        public Scheduled schedule(java.time.Duration delay, Runnable action) {
            if (!delay.isZero()) {
                delays.add(delay);
            } else {
                action.run(); // showing progress and the like
            }
            return () -> { };
        }
    }

    @Test
    void withoutSyncOnStartTheWindowWaitsForTheIntervalAndAnIntervalOfZeroSchedulesNothing() {
        dev.outpost.store.ConnectionSettings.demoMode().write(new ProfileFolder(profile));
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel model = new SyncViewModel(new SyncConnection(new ProfileFolder(profile), Map.<String, String>of()::get, 10),
                store.sync(), tasks, reported::add, Validation.inSystemZone(), UTC, Optional.of(SyncViewModel.EVERY));
        model.schedule(Optional.of(java.time.Duration.ofMinutes(30)), false);
        tasks.delays.clear();

        model.start();

        assertThat(model.runningProperty().get()).as("no sync on start").isFalse();
        assertThat(tasks.delays).containsExactly(java.time.Duration.ofMinutes(30));

        model.schedule(Optional.empty(), false);
        tasks.delays.clear();
        model.start();
        assertThat(tasks.delays).as("0 = only when asked").isEmpty();
    }
}
