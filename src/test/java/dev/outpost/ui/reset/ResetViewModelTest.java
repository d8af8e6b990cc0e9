package dev.outpost.ui.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** The reset warning's logic: what it counts and says, and that only Remove removes. */
class ResetViewModelTest {

    /** An offline copy that records what was asked of it. */
    private static final class Copy implements OfflineCopy {
        Unsynced now = new Unsynced(3, 1, 2);
        boolean reachable = true;
        Exception syncFailure;
        Exception removeFailure;
        final List<String> calls = new ArrayList<>();

        @Override
        public Unsynced unsynced() {
            calls.add("count");
            return now;
        }

        @Override
        public boolean canSyncFirst() {
            return reachable;
        }

        @Override
        public Unsynced syncFirst() throws Exception {
            calls.add("sync");
            if (syncFailure != null) {
                throw syncFailure;
            }
            now = new Unsynced(0, 1, 0);
            return now;
        }

        @Override
        public int export(Path file) {
            calls.add("export " + file.getFileName());
            return now.changes();
        }

        @Override
        public void remove() throws Exception {
            calls.add("remove");
            if (removeFailure != null) {
                throw removeFailure;
            }
        }
    }

    private final Copy copy = new Copy();
    private final List<ResetViewModel.Outcome> outcomes = new ArrayList<>();
    private final ResetViewModel model = new ResetViewModel(copy, new SameThreadTasks(),
            "old.crm.dynamics.com as ann@contoso.com", "new.crm.dynamics.com", outcomes::add);

    @Test
    void itSaysWhatWouldBeLostLineByLine() {
        model.load();

        assertThat(model.lossLines()).containsExactly("3 changes not yet sent to the CRM",
                "1 conflict waiting for your choice", "2 changes the server refused (sync issues)");
        assertThat(model.heading()).isEqualTo("Switch to new.crm.dynamics.com?");
        assertThat(model.explanation()).contains("old.crm.dynamics.com as ann@contoso.com");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.syncFirstPossibleProperty().get()).isTrue();
    }

    @Test
    void nothingWaitingMeansNoLossLines() {
        copy.now = new Unsynced(0, 0, 0);
        model.load();

        assertThat(model.lossLines()).isEmpty();
        assertThat(model.unsyncedProperty().get().isEmpty()).isTrue();
    }

    @Test
    void syncFirstCountsAgainAndSaysWhatIsLeft() {
        model.load();
        model.syncFirst();

        assertThat(model.lossLines()).containsExactly("1 conflict waiting for your choice");
        assertThat(model.messageIsProblemProperty().get()).isFalse();
        assertThat(outcomes).as("syncing does not switch").isEmpty();
    }

    @Test
    void aFailedSyncSaysWhyAndOffersTheOtherWays() {
        copy.syncFailure = new IllegalStateException("the CRM is unreachable");
        model.load();
        model.syncFirst();

        assertThat(model.messageProperty().get()).contains("the CRM is unreachable").contains("Export");
        assertThat(model.messageIsProblemProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).as("the buttons work again").isFalse();
        assertThat(model.lossLines()).hasSize(3);
    }

    @Test
    void withoutAValidSignInSyncFirstIsNotOffered() {
        copy.reachable = false;
        model.load();

        assertThat(model.syncFirstPossibleProperty().get()).isFalse();
    }

    @Test
    void exportSaysHowManyAndWhereAndDoesNotSwitch() {
        model.load();
        model.export(Path.of("/tmp/unsynced.json"));

        assertThat(copy.calls).containsExactly("count", "export unsynced.json");
        assertThat(model.messageProperty().get()).isEqualTo("Saved 3 changes to " + Path.of("/tmp/unsynced.json") + ".");
        assertThat(model.exportedTo()).contains(Path.of("/tmp/unsynced.json"));
        assertThat(outcomes).isEmpty();
    }

    @Test
    void cancelRemovesNothing() {
        model.load();
        model.cancel();

        assertThat(copy.calls).containsExactly("count");
        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.CANCELLED);
    }

    /** A slow worker: work runs only when the test releases it. */
    private static final class HeldTasks implements BackgroundTasks {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<? extends T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Exception> onFailure) {
            held.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        @Override
        public Scheduled schedule(Duration delay, Runnable action) {
            return () -> { };
        }

        void release() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void cancelWaitsForASyncInFlight() {
        HeldTasks tasks = new HeldTasks();
        ResetViewModel slow = new ResetViewModel(copy, tasks, "old.crm.dynamics.com", "new.crm.dynamics.com", outcomes::add);
        slow.load();
        tasks.release();
        slow.syncFirst();

        assertThat(slow.cancel()).as("refused while the sync runs").isFalse();
        assertThat(outcomes).isEmpty();
        tasks.release();
        assertThat(slow.cancel()).isTrue();
        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.CANCELLED);
    }

    @Test
    void cancelWhileStillCountingEndsAtOnce() {
        HeldTasks tasks = new HeldTasks();
        ResetViewModel slow = new ResetViewModel(copy, tasks, "old.crm.dynamics.com", "new.crm.dynamics.com", outcomes::add);
        slow.load();

        assertThat(slow.cancel()).isTrue();
        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.CANCELLED);
    }

    @Test
    void removeRemovesAndEndsOnce() {
        model.load();
        model.remove();
        model.cancel();

        assertThat(copy.calls).containsExactly("count", "remove");
        assertThat(outcomes).containsExactly(ResetViewModel.Outcome.REMOVED);
    }

    @Test
    void aFailedRemovalSwitchesNothingAndSaysWhatToDo() {
        copy.removeFailure = new java.io.IOException("db/outpost.data is in use");
        model.load();
        model.remove();

        assertThat(outcomes).isEmpty();
        assertThat(model.messageProperty().get()).contains("db/outpost.data is in use").contains("Nothing was switched");
        assertThat(model.messageIsProblemProperty().get()).isTrue();
    }

    @Test
    void theSuggestedFileNameNamesTheServerAndTheDay() {
        assertThat(model.suggestedFileName(LocalDate.of(2026, 11, 21)))
                .isEqualTo("outpost-unsynced-old.crm.dynamics.com-as-ann-contoso.com-2026-11-21.json");
    }
}
