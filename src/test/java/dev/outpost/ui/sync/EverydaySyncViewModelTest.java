package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

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
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** Retrying sooner while offline, on one thread: what gets scheduled after each sync. */
class EverydaySyncViewModelTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private DemoServer server;
    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = OfflineStore.open(new ProfileFolder(profile));
        server = DemoServer.start(0, DemoOptions.defaults().records(10).fixedToken("demo"));
        new ConnectionSettings(server.url(), "OUTPOST_ACCESS_TOKEN").write(new ProfileFolder(profile));
    }

    @AfterEach
    void close() {
        server.stop();
        store.close();
    }

    /** Runs work at once, and only records what is scheduled for later. */
    private static final class RecordedSchedule implements BackgroundTasks {
        final List<Duration> delays = new ArrayList<>();
        private final SameThreadTasks now = new SameThreadTasks();

        @Override
        public <T> void run(Callable<? extends T> work, Consumer<? super T> ok, Consumer<? super Exception> failed) {
            now.run(work, ok, failed);
        }

        @Override
        public Scheduled schedule(Duration delay, Runnable action) {
            if (delay.isZero()) {
                action.run();
            } else {
                delays.add(delay);
            }
            return () -> { };
        }
    }

    private SyncViewModel model(RecordedSchedule tasks, String token, Optional<Duration> every) {
        SyncConnection connection = new SyncConnection(new ProfileFolder(profile),
                Map.of("OUTPOST_ACCESS_TOKEN", token)::get, 10);
        return new SyncViewModel(connection, store.sync(), tasks, reported::add, Validation.inSystemZone(),
                ZoneOffset.UTC, every);
    }

    @Test
    void whileTheCrmCannotBeReachedEachTryWaitsTwiceAsLongUpToTheInterval() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel model = model(tasks, "not-the-token", Optional.of(Duration.ofMinutes(5)));

        for (int i = 0; i < 6; i++) {
            model.syncNow();
        }

        assertThat(model.connectivityTextProperty().get()).isEqualTo("Offline");
        assertThat(tasks.delays).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(model.retryInProperty().get()).contains(Duration.ofMinutes(5));
        assertThat(reported).isEmpty();
    }

    @Test
    void aSyncThatReachesTheCrmAgainGoesBackToTheInterval() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel offline = model(tasks, "not-the-token", Optional.of(Duration.ofMinutes(15)));
        offline.syncNow();
        offline.syncNow();
        SyncViewModel online = model(tasks, "demo", Optional.of(Duration.ofMinutes(15)));
        tasks.delays.clear();

        online.syncNow();

        assertThat(online.connectivityTextProperty().get()).isEqualTo("Online");
        assertThat(tasks.delays).containsExactly(Duration.ofMinutes(15));
        assertThat(online.retryInProperty().get()).isEmpty();
    }

    @Test
    void aNewIntervalWhileOfflineKeepsTheTriesSpacingOutRatherThanWaitingTheWholeInterval() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel model = model(tasks, "not-the-token", Optional.of(Duration.ofMinutes(15)));
        model.syncNow();
        model.syncNow();
        tasks.delays.clear();

        model.schedule(Optional.of(Duration.ofMinutes(10)), false);
        model.syncNow();

        assertThat(tasks.delays).containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(4));
        assertThat(model.retryInProperty().get()).contains(Duration.ofMinutes(4));
    }

    @Test
    void aClosedWindowNeitherSyncsNorSchedulesAnything() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel model = model(tasks, "demo", Optional.of(Duration.ofMinutes(15)));

        model.stop();
        model.syncNow();
        model.schedule(Optional.of(Duration.ofMinutes(5)), true);

        assertThat(tasks.delays).isEmpty();
        assertThat(store.sync().latestRuns(1)).isEmpty();
    }

    @Test
    void withoutAnIntervalNothingIsRetriedTheUserSyncsByHand() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel model = model(tasks, "not-the-token", Optional.empty());

        model.syncNow();

        assertThat(model.connectivityTextProperty().get()).isEqualTo("Offline");
        assertThat(tasks.delays).isEmpty();
    }

    @Test
    void aSignInThatIsMissingIsNotRetriedTheUserMustActFirst() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncConnection connection = new SyncConnection(new ProfileFolder(profile), Map.<String, String>of()::get, 10);
        SyncViewModel model = new SyncViewModel(connection, store.sync(), tasks, reported::add, Validation.inSystemZone(),
                ZoneOffset.UTC, Optional.of(Duration.ofMinutes(15)));

        model.syncNow();

        assertThat(model.retryInProperty().get()).isEmpty();
        assertThat(tasks.delays).containsExactly(Duration.ofMinutes(15));
    }

    @Test
    void cancelAsksTheRunningSyncToStopAndACleanSyncTellsNothing() {
        RecordedSchedule tasks = new RecordedSchedule();
        SyncViewModel model = model(tasks, "demo", Optional.empty());
        model.start();
        model.syncNow();

        assertThat(model.attentionProperty().get()).isNull();
        model.cancel(); // nothing runs: nothing to stop
        assertThat(model.cancellingProperty().get()).isFalse();
    }

    @Test
    void theBarFillsAsTheRunsTypesAreDoneAndCountsWhatEachTypeMoved() {
        SyncProgress progress = new SyncProgress();
        assertThat(progress.fraction()).as("nothing known yet").isEqualTo(-1);
        progress.expect(4);
        progress.working("CRM", dev.outpost.model.RecordType.ACCOUNT);
        progress.received(dev.outpost.model.RecordType.ACCOUNT, 120);
        assertThat(progress.fraction()).isZero();
        progress.working("CRM", dev.outpost.model.RecordType.CONTACT);
        progress.working("CRM", dev.outpost.model.RecordType.CONTACT);
        progress.sent(dev.outpost.model.RecordType.CONTACT, 3);
        progress.received(dev.outpost.model.RecordType.CONTACT, 2);

        assertThat(progress.fraction()).isEqualTo(0.25);
        assertThat(progress.perType()).containsExactly(
                Map.entry(dev.outpost.model.RecordType.ACCOUNT, new SyncProgress.Moved(120, 0)),
                Map.entry(dev.outpost.model.RecordType.CONTACT, new SyncProgress.Moved(2, 3)));
        assertThat(progress.movedSoFar(dev.outpost.model.RecordType.CONTACT)).isEqualTo(5);
    }

    @Test
    void onlyConflictsAndIssuesNotSeenBeforeAreToldAndThoseWaitingAtTheStartAreNot() {
        AttentionWatch watch = new AttentionWatch();

        assertThat(watch.look(List.of(1L, 2L), List.of(7L))).as("waiting when the window opened").isEmpty();
        assertThat(watch.look(List.of(1L, 2L), List.of(7L))).as("a clean sync").isEmpty();
        assertThat(watch.look(List.of(1L, 2L, 3L), List.of(7L, 8L))).contains(new SyncAttention(1, 1));
        assertThat(watch.look(List.of(3L), List.of(8L))).as("the same ones again").isEmpty();
        assertThat(watch.look(List.of(3L, 4L), List.of())).contains(new SyncAttention(1, 0));
    }

    @Test
    void theNoticeSaysWhatNeedsTheUser() {
        assertThat(new SyncAttention(2, 0).text()).isEqualTo("2 conflicts need your decision");
        assertThat(new SyncAttention(0, 1).text()).isEqualTo("1 sync issue needs a look");
        assertThat(new SyncAttention(1, 3).text()).isEqualTo("1 conflict and 3 sync issues need your attention");
        assertThat(new SyncAttention(0, 1).showsIssues()).isTrue();
        assertThat(new SyncAttention(1, 1).showsIssues()).isFalse();
        assertThat(SyncStatusLine.retryText(Duration.ofSeconds(30))).isEqualTo("Next try in 30 s");
        assertThat(SyncStatusLine.retryText(Duration.ofMinutes(2))).isEqualTo("Next try in 2 min");
    }
}
