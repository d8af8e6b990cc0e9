package dev.outpost.sync.planner;

import static dev.outpost.sync.planner.Example.BASE;
import static dev.outpost.sync.planner.Example.EARLIER;
import static dev.outpost.sync.planner.Example.LATER;
import static dev.outpost.sync.planner.Example.decide;
import static dev.outpost.sync.planner.Example.localAbsent;
import static dev.outpost.sync.planner.Example.localChanged;
import static dev.outpost.sync.planner.Example.localDeleted;
import static dev.outpost.sync.planner.Example.localUnchanged;
import static dev.outpost.sync.planner.Example.remote;
import static dev.outpost.sync.planner.Example.remoteChanged;
import static dev.outpost.sync.planner.Example.remoteDeleted;
import static dev.outpost.sync.planner.Example.remoteUnchanged;
import static dev.outpost.sync.planner.Example.remoteUnknown;
import static dev.outpost.sync.planner.Example.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.outpost.sync.ConflictKind;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.Decision;
import dev.outpost.sync.LocalSide;
import dev.outpost.sync.RemoteRecord;

/**
 * DESIGN.md, "The sync engine", step 3: one test per cell of the decision table, local state by remote state.
 * A cell whose answer does not depend on the pair's conflict policy is run under every policy; a cell that
 * does has one test per policy. Both sides changed is specified in detail in {@link BothChangedTest}.
 */
@DisplayName("Decision table: local state × remote state × conflict policy")
class DecisionTableTest {

    /** The remote record after an edit of its e-mail, made after the local edit. */
    private static final RemoteRecord EDITED_REMOTELY = remote(with(BASE, "email", "ada@new.example"), LATER);

    @Nested
    @DisplayName("local absent (no local record corresponds)")
    class LocalAbsent {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unknown: nothing to do")
        void remoteUnknown_nothing(ConflictPolicy policy) {
            assertThat(decide(localAbsent(), remoteUnknown(), policy)).isEqualTo(new Decision.Nothing());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unchanged: nothing to do")
        void remoteUnchanged_nothing(ConflictPolicy policy) {
            assertThat(decide(localAbsent(), remoteUnchanged(), policy)).isEqualTo(new Decision.Nothing());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote changed (new there): take the remote record as it is")
        void remoteChanged_takeRemote(ConflictPolicy policy) {
            assertThat(decide(localAbsent(), remoteChanged(EDITED_REMOTELY), policy))
                    .isEqualTo(new Decision.TakeRemote(EDITED_REMOTELY));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote deleted: nothing to do")
        void remoteDeleted_nothing(ConflictPolicy policy) {
            assertThat(decide(localAbsent(), remoteDeleted(), policy)).isEqualTo(new Decision.Nothing());
        }
    }

    @Nested
    @DisplayName("local unchanged since the last sync")
    class LocalUnchanged {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unknown (never sent there): push a create with the local values")
        void remoteUnknown_pushCreate(ConflictPolicy policy) {
            assertThat(decide(localUnchanged(), remoteUnknown(), policy)).isEqualTo(new Decision.PushCreate(BASE));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unchanged: nothing to do")
        void remoteUnchanged_nothing(ConflictPolicy policy) {
            assertThat(decide(localUnchanged(), remoteUnchanged(), policy)).isEqualTo(new Decision.Nothing());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote changed: apply the remote record")
        void remoteChanged_takeRemote(ConflictPolicy policy) {
            assertThat(decide(localUnchanged(), remoteChanged(EDITED_REMOTELY), policy))
                    .isEqualTo(new Decision.TakeRemote(EDITED_REMOTELY));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote deleted: delete the local record")
        void remoteDeleted_deleteLocal(ConflictPolicy policy) {
            assertThat(decide(localUnchanged(), remoteDeleted(), policy)).isEqualTo(new Decision.DeleteLocal());
        }
    }

    @Nested
    @DisplayName("local changed since the last sync")
    class LocalChanged {

        private final Map<String, String> edited = with(BASE, "phone", "222");
        private final LocalSide.Changed local = localChanged(edited, EARLIER);

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unknown (created here): push a create with the local values")
        void remoteUnknown_pushCreate(ConflictPolicy policy) {
            assertThat(decide(local, remoteUnknown(), policy)).isEqualTo(new Decision.PushCreate(edited));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unchanged: push an update with the local values")
        void remoteUnchanged_pushUpdate(ConflictPolicy policy) {
            assertThat(decide(local, remoteUnchanged(), policy)).isEqualTo(new Decision.PushUpdate(edited));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote changed, other fields: three-way merge, never a prompt (details: BothChangedTest)")
        void remoteChanged_merge(ConflictPolicy policy) {
            assertThat(decide(local, remoteChanged(EDITED_REMOTELY), policy)).isEqualTo(new Decision.Merge(
                    with(BASE, "phone", "222", "email", "ada@new.example"), EDITED_REMOTELY, Set.of("phone", "email"), Set.of()));
        }

        @Nested
        @DisplayName("× remote deleted: an update/delete conflict, settled by the policy")
        class RemoteDeleted {

            @Test
            @DisplayName("ask: a LOCAL_CHANGED_REMOTE_DELETED conflict with no fields and no remote record")
            void ask_conflict() {
                assertThat(decide(local, remoteDeleted(), ConflictPolicy.ASK)).isEqualTo(
                        new Decision.Conflict(ConflictKind.LOCAL_CHANGED_REMOTE_DELETED, Set.of(), Optional.empty()));
            }

            @Test
            @DisplayName("server-wins: the deletion wins, delete the local record")
            void serverWins_deleteLocal() {
                assertThat(decide(local, remoteDeleted(), ConflictPolicy.SERVER_WINS)).isEqualTo(new Decision.DeleteLocal());
            }

            @Test
            @DisplayName("local-wins: the edit wins, create the record there again with the local values")
            void localWins_recreateRemote() {
                assertThat(decide(local, remoteDeleted(), ConflictPolicy.LOCAL_WINS))
                        .isEqualTo(new Decision.RecreateRemote(edited));
            }

            @Test
            @DisplayName("newest-wins: a deletion carries no time, so the edit wins however old it is")
            void newestWins_recreateRemoteEvenForAnOldEdit() {
                LocalSide.Changed ancient = localChanged(edited, java.time.Instant.EPOCH);
                assertThat(decide(ancient, remoteDeleted(), ConflictPolicy.NEWEST_WINS))
                        .isEqualTo(new Decision.RecreateRemote(edited));
                assertThat(decide(local, remoteDeleted(), ConflictPolicy.NEWEST_WINS))
                        .isEqualTo(new Decision.RecreateRemote(edited));
            }
        }
    }

    @Nested
    @DisplayName("local deleted since the last sync")
    class LocalDeleted {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unknown (never synced): nothing to tell the endpoint")
        void remoteUnknown_nothing(ConflictPolicy policy) {
            assertThat(decide(localDeleted(EARLIER), remoteUnknown(), policy)).isEqualTo(new Decision.Nothing());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote unchanged: push the deletion")
        void remoteUnchanged_pushDelete(ConflictPolicy policy) {
            assertThat(decide(localDeleted(EARLIER), remoteUnchanged(), policy)).isEqualTo(new Decision.PushDelete());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("× remote deleted: deleted on both sides, drop the link")
        void remoteDeleted_dropLink(ConflictPolicy policy) {
            assertThat(decide(localDeleted(EARLIER), remoteDeleted(), policy)).isEqualTo(new Decision.DropLink());
        }

        @Nested
        @DisplayName("× remote changed: a delete/update conflict, settled by the policy")
        class RemoteChanged {

            @Test
            @DisplayName("ask: a LOCAL_DELETED_REMOTE_CHANGED conflict with no fields, keeping the remote record")
            void ask_conflict() {
                assertThat(decide(localDeleted(EARLIER), remoteChanged(EDITED_REMOTELY), ConflictPolicy.ASK)).isEqualTo(
                        new Decision.Conflict(ConflictKind.LOCAL_DELETED_REMOTE_CHANGED, Set.of(), Optional.of(EDITED_REMOTELY)));
            }

            @Test
            @DisplayName("server-wins: the remote edit wins, restore the local record with the remote values")
            void serverWins_restoreLocal() {
                assertThat(decide(localDeleted(LATER.plusSeconds(60)), remoteChanged(EDITED_REMOTELY), ConflictPolicy.SERVER_WINS))
                        .isEqualTo(new Decision.RestoreLocal(EDITED_REMOTELY));
            }

            @Test
            @DisplayName("local-wins: the deletion wins, delete the record there at its new version")
            void localWins_deleteRemoteAt() {
                assertThat(decide(localDeleted(EARLIER), remoteChanged(EDITED_REMOTELY), ConflictPolicy.LOCAL_WINS))
                        .isEqualTo(new Decision.DeleteRemoteAt(EDITED_REMOTELY));
            }

            @Test
            @DisplayName("newest-wins, deleted here after the remote edit: delete the record there")
            void newestWins_deletionLater_deleteRemoteAt() {
                assertThat(decide(localDeleted(LATER.plusSeconds(1)), remoteChanged(EDITED_REMOTELY), ConflictPolicy.NEWEST_WINS))
                        .isEqualTo(new Decision.DeleteRemoteAt(EDITED_REMOTELY));
            }

            @Test
            @DisplayName("newest-wins, edited there after the local deletion: restore the local record")
            void newestWins_editLater_restoreLocal() {
                assertThat(decide(localDeleted(EARLIER), remoteChanged(EDITED_REMOTELY), ConflictPolicy.NEWEST_WINS))
                        .isEqualTo(new Decision.RestoreLocal(EDITED_REMOTELY));
            }

            @Test
            @DisplayName("newest-wins, deleted and edited at the same instant: the edit wins (nothing is lost)")
            void newestWins_tie_restoreLocal() {
                assertThat(decide(localDeleted(LATER), remoteChanged(EDITED_REMOTELY), ConflictPolicy.NEWEST_WINS))
                        .isEqualTo(new Decision.RestoreLocal(EDITED_REMOTELY));
            }
        }
    }
}
