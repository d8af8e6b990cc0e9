package dev.outpost.sync.planner;

import static dev.outpost.sync.planner.Example.BASE;
import static dev.outpost.sync.planner.Example.EARLIER;
import static dev.outpost.sync.planner.Example.LATER;
import static dev.outpost.sync.planner.Example.base;
import static dev.outpost.sync.planner.Example.localChanged;
import static dev.outpost.sync.planner.Example.noBase;
import static dev.outpost.sync.planner.Example.remote;
import static dev.outpost.sync.planner.Example.remoteChanged;
import static dev.outpost.sync.planner.Example.with;
import static dev.outpost.sync.planner.Example.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import dev.outpost.sync.Planner;
import dev.outpost.sync.RemoteRecord;

/**
 * The "changed × changed" cell of the decision table (DESIGN.md, "The sync engine", steps 3 to 5): a
 * three-way merge against the base; fields changed on one side only are taken from that side; a field
 * changed on both sides to different values is a conflict, settled by the pair's policy.
 */
@DisplayName("Both sides changed: three-way merge, overlap settled by the policy")
class BothChangedTest {

    private static Decision decide(Optional<Map<String, String>> base, Map<String, String> local, Instant localAt,
                                   RemoteRecord remote, ConflictPolicy policy) {
        return Planner.decide(base, localChanged(local, localAt), remoteChanged(remote), policy);
    }

    private static Decision.Merge merge(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Merge.class);
        return (Decision.Merge) decision;
    }

    @Nested
    @DisplayName("non-overlapping edits merge cleanly under every policy")
    class CleanMerge {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("each side's edit is kept, both are auto-merged, and the result is pushed back")
        void disjointEdits(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(BASE, "email", "ada@new.example"), LATER);

            Decision.Merge merge = merge(decide(base(), with(BASE, "phone", "222"), EARLIER, remote, policy));

            assertThat(merge).isEqualTo(new Decision.Merge(with(BASE, "phone", "222", "email", "ada@new.example"),
                    remote, Set.of("phone", "email"), Set.of()));
            assertThat(merge.needsPush()).as("the endpoint lacks the local phone").isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("the local side changed later, but the answer does not depend on time")
        void disjointEditsIgnoreTime(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(BASE, "email", "ada@new.example"), EARLIER);

            assertThat(decide(base(), with(BASE, "phone", "222"), LATER, remote, policy)).isEqualTo(new Decision.Merge(
                    with(BASE, "phone", "222", "email", "ada@new.example"), remote, Set.of("phone", "email"), Set.of()));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("only the remote side really changed: take its values, nothing to push")
        void localTouchedButEqualToBase(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(BASE, "email", "ada@new.example"), LATER);

            Decision.Merge merge = merge(decide(base(), BASE, EARLIER, remote, policy));

            assertThat(merge.values()).isEqualTo(remote.values());
            assertThat(merge.autoMerged()).containsExactly("email");
            assertThat(merge.settled()).isEmpty();
            assertThat(merge.needsPush()).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("a field cleared here and another edited there: the clearing is a change and is kept")
        void clearedLocallyEditedRemotely(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(BASE, "email", "ada@new.example"), LATER);

            Decision.Merge merge = merge(decide(base(), without(BASE, "phone"), EARLIER, remote, policy));

            assertThat(merge.values()).isEqualTo(without(with(BASE, "email", "ada@new.example"), "phone"));
            assertThat(merge.autoMerged()).containsExactlyInAnyOrder("phone", "email");
            assertThat(merge.settled()).isEmpty();
            assertThat(merge.needsPush()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("a field cleared there and another edited here: the clearing is taken")
        void clearedRemotelyEditedLocally(ConflictPolicy policy) {
            RemoteRecord remote = remote(without(BASE, "phone"), LATER);

            Decision.Merge merge = merge(decide(base(), with(BASE, "email", "ada@new.example"), EARLIER, remote, policy));

            assertThat(merge.values()).isEqualTo(without(with(BASE, "email", "ada@new.example"), "phone"));
            assertThat(merge.autoMerged()).containsExactlyInAnyOrder("phone", "email");
            assertThat(merge.needsPush()).isTrue();
        }
    }

    @Nested
    @DisplayName("the same field changed to the same value is no conflict, under every policy")
    class SameValue {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("both set the phone to 222: agree, nothing auto-merged, nothing to push")
        void sameEditOnBothSides(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(BASE, "phone", "222"), LATER);

            Decision.Merge merge = merge(decide(base(), with(BASE, "phone", "222"), EARLIER, remote, policy));

            assertThat(merge).isEqualTo(new Decision.Merge(with(BASE, "phone", "222"), remote, Set.of(), Set.of()));
            assertThat(merge.needsPush()).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("both set the phone to 222 and only here the e-mail changed: push the e-mail")
        void sameEditPlusALocalOne(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(BASE, "phone", "222"), LATER);

            Decision.Merge merge = merge(decide(base(), with(BASE, "phone", "222", "email", "ada@new.example"),
                    EARLIER, remote, policy));

            assertThat(merge).isEqualTo(new Decision.Merge(with(BASE, "phone", "222", "email", "ada@new.example"),
                    remote, Set.of("email"), Set.of()));
            assertThat(merge.needsPush()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("both cleared the phone: agree, the field stays cleared")
        void clearedOnBothSides(ConflictPolicy policy) {
            RemoteRecord remote = remote(without(BASE, "phone"), LATER);

            Decision.Merge merge = merge(decide(base(), without(BASE, "phone"), EARLIER, remote, policy));

            assertThat(merge).isEqualTo(new Decision.Merge(without(BASE, "phone"), remote, Set.of(), Set.of()));
            assertThat(merge.needsPush()).isFalse();
        }
    }

    /**
     * Overlap: the phone was changed to 222 here and to 333 there. Besides, the e-mail was changed here only
     * and the last name there only, so every settled merge must keep those two as well.
     */
    @Nested
    @DisplayName("the same field changed to different values: a conflict, settled by the policy")
    class Overlap {

        private final Map<String, String> local = with(BASE, "phone", "222", "email", "ada@new.example");
        private final Map<String, String> remoteValues = with(BASE, "phone", "333", "lastName", "King");
        private final Map<String, String> bothEditsWithLocalPhone =
                with(BASE, "phone", "222", "email", "ada@new.example", "lastName", "King");
        private final Map<String, String> bothEditsWithRemotePhone =
                with(BASE, "phone", "333", "email", "ada@new.example", "lastName", "King");

        @Nested
        @DisplayName("ask")
        class Ask {

            @Test
            @DisplayName("a BOTH_CHANGED conflict naming the field and carrying the remote record")
            void conflict() {
                RemoteRecord remote = remote(remoteValues, LATER);

                assertThat(decide(base(), local, EARLIER, remote, ConflictPolicy.ASK))
                        .isEqualTo(new Decision.Conflict(ConflictKind.BOTH_CHANGED, Set.of("phone"), Optional.of(remote)));
            }

            @Test
            @DisplayName("every overlapping field is named, and only those")
            void conflictNamesEveryOverlappingField() {
                RemoteRecord remote = remote(with(remoteValues, "firstName", "Augusta"), LATER);

                Decision decision = decide(base(), with(local, "firstName", "Augusta Ada"), EARLIER, remote, ConflictPolicy.ASK);

                assertThat(decision).isEqualTo(
                        new Decision.Conflict(ConflictKind.BOTH_CHANGED, Set.of("firstName", "phone"), Optional.of(remote)));
            }

            @Test
            @DisplayName("cleared here, edited there is a conflict too")
            void clearedVersusEdited() {
                RemoteRecord remote = remote(with(BASE, "phone", "333"), LATER);

                assertThat(decide(base(), without(BASE, "phone"), EARLIER, remote, ConflictPolicy.ASK))
                        .isEqualTo(new Decision.Conflict(ConflictKind.BOTH_CHANGED, Set.of("phone"), Optional.of(remote)));
            }
        }

        @Nested
        @DisplayName("server-wins")
        class ServerWins {

            @Test
            @DisplayName("the remote phone wins, one-sided edits are kept, the phone is settled, the result is pushed")
            void remoteValueWins() {
                RemoteRecord remote = remote(remoteValues, EARLIER);

                Decision.Merge merge = merge(decide(base(), local, LATER, remote, ConflictPolicy.SERVER_WINS));

                assertThat(merge).isEqualTo(new Decision.Merge(bothEditsWithRemotePhone, remote,
                        Set.of("email", "lastName"), Set.of("phone")));
                assertThat(merge.needsPush()).as("the endpoint lacks the local e-mail").isTrue();
            }

            @Test
            @DisplayName("with no one-sided local edit the result is the remote record: nothing to push")
            void nothingToPush() {
                RemoteRecord remote = remote(with(BASE, "phone", "333"), EARLIER);

                Decision.Merge merge = merge(decide(base(), with(BASE, "phone", "222"), LATER, remote, ConflictPolicy.SERVER_WINS));

                assertThat(merge).isEqualTo(new Decision.Merge(remote.values(), remote, Set.of(), Set.of("phone")));
                assertThat(merge.needsPush()).isFalse();
            }

            @Test
            @DisplayName("cleared here, edited there: the remote value comes back")
            void clearedLocallyEditedRemotely() {
                RemoteRecord remote = remote(with(BASE, "phone", "333"), EARLIER);

                Decision.Merge merge = merge(decide(base(), without(BASE, "phone"), LATER, remote, ConflictPolicy.SERVER_WINS));

                assertThat(merge.values()).isEqualTo(with(BASE, "phone", "333"));
                assertThat(merge.settled()).containsExactly("phone");
                assertThat(merge.needsPush()).isFalse();
            }
        }

        @Nested
        @DisplayName("local-wins")
        class LocalWins {

            @Test
            @DisplayName("the local phone wins, one-sided edits are kept, the phone is settled, the result is pushed")
            void localValueWins() {
                RemoteRecord remote = remote(remoteValues, LATER);

                Decision.Merge merge = merge(decide(base(), local, EARLIER, remote, ConflictPolicy.LOCAL_WINS));

                assertThat(merge).isEqualTo(new Decision.Merge(bothEditsWithLocalPhone, remote,
                        Set.of("email", "lastName"), Set.of("phone")));
                assertThat(merge.needsPush()).isTrue();
            }

            @Test
            @DisplayName("cleared here, edited there: the field stays cleared and the clearing is pushed")
            void clearedLocallyEditedRemotely() {
                RemoteRecord remote = remote(with(BASE, "phone", "333"), LATER);

                Decision.Merge merge = merge(decide(base(), without(BASE, "phone"), EARLIER, remote, ConflictPolicy.LOCAL_WINS));

                assertThat(merge.values()).isEqualTo(without(BASE, "phone"));
                assertThat(merge.settled()).containsExactly("phone");
                assertThat(merge.needsPush()).isTrue();
            }
        }

        @Nested
        @DisplayName("newest-wins (by modifiedAt)")
        class NewestWins {

            @Test
            @DisplayName("changed here later: the local phone wins")
            void localNewer() {
                RemoteRecord remote = remote(remoteValues, EARLIER);

                Decision.Merge merge = merge(decide(base(), local, LATER, remote, ConflictPolicy.NEWEST_WINS));

                assertThat(merge).isEqualTo(new Decision.Merge(bothEditsWithLocalPhone, remote,
                        Set.of("email", "lastName"), Set.of("phone")));
                assertThat(merge.needsPush()).isTrue();
            }

            @Test
            @DisplayName("changed there later: the remote phone wins")
            void remoteNewer() {
                RemoteRecord remote = remote(remoteValues, LATER);

                Decision.Merge merge = merge(decide(base(), local, EARLIER, remote, ConflictPolicy.NEWEST_WINS));

                assertThat(merge).isEqualTo(new Decision.Merge(bothEditsWithRemotePhone, remote,
                        Set.of("email", "lastName"), Set.of("phone")));
            }

            @Test
            @DisplayName("changed at the same instant: the endpoint's value wins (as server-wins)")
            void tie() {
                RemoteRecord remote = remote(remoteValues, LATER);

                Decision.Merge merge = merge(decide(base(), local, LATER, remote, ConflictPolicy.NEWEST_WINS));

                assertThat(merge).isEqualTo(new Decision.Merge(bothEditsWithRemotePhone, remote,
                        Set.of("email", "lastName"), Set.of("phone")));
            }

            @Test
            @DisplayName("the newer side wins every overlapping field, one-sided edits of the older side are kept")
            void newerSideWinsAllOverlaps() {
                RemoteRecord remote = remote(with(remoteValues, "firstName", "Augusta"), EARLIER);

                Decision.Merge merge = merge(decide(base(), with(local, "firstName", "Augusta Ada"), LATER, remote,
                        ConflictPolicy.NEWEST_WINS));

                assertThat(merge.values()).isEqualTo(with(bothEditsWithLocalPhone, "firstName", "Augusta Ada"));
                assertThat(merge.settled()).containsExactlyInAnyOrder("firstName", "phone");
                assertThat(merge.autoMerged()).containsExactlyInAnyOrder("email", "lastName");
            }
        }
    }

    /**
     * On a first sync a local and a remote record matched by their user key are linked. There is no base, so
     * nothing tells which side changed a field: a field empty on one side is filled from the other, and a field
     * the two sides fill differently is a conflict.
     */
    @Nested
    @DisplayName("first-sync match by user key, without a base")
    class FirstSyncMatch {

        private final Map<String, String> local = Map.of(
                "firstName", "Ada", "lastName", "Lovelace", "email", "ada@old.example", "phone", "111");

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("fields empty on one side are filled from the other; the union is pushed back")
        void emptyFieldsFillFromTheOtherSide(ConflictPolicy policy) {
            RemoteRecord remote = remote(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@old.example",
                    "company", "Analytical Engines"), EARLIER);

            Decision.Merge merge = merge(decide(noBase(), local, LATER, remote, policy));

            assertThat(merge).isEqualTo(new Decision.Merge(with(local, "company", "Analytical Engines"), remote,
                    Set.of("phone", "company"), Set.of()));
            assertThat(merge.needsPush()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("identical records link without a push")
        void identicalRecords(ConflictPolicy policy) {
            RemoteRecord remote = remote(local, EARLIER);

            Decision.Merge merge = merge(decide(noBase(), local, LATER, remote, policy));

            assertThat(merge).isEqualTo(new Decision.Merge(local, remote, Set.of(), Set.of()));
            assertThat(merge.needsPush()).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConflictPolicy.class)
        @DisplayName("the remote record holds everything the local one does and more: take it, nothing to push")
        void remoteIsASuperset(ConflictPolicy policy) {
            RemoteRecord remote = remote(with(local, "company", "Analytical Engines"), EARLIER);

            Decision.Merge merge = merge(decide(noBase(), local, LATER, remote, policy));

            assertThat(merge.values()).isEqualTo(remote.values());
            assertThat(merge.autoMerged()).containsExactly("company");
            assertThat(merge.needsPush()).isFalse();
        }

        @Test
        @DisplayName("ask: differing fields are a BOTH_CHANGED conflict naming them")
        void ask_differingFieldsConflict() {
            RemoteRecord remote = remote(with(local, "phone", "999", "company", "Analytical Engines"), EARLIER);

            assertThat(decide(noBase(), local, LATER, remote, ConflictPolicy.ASK))
                    .isEqualTo(new Decision.Conflict(ConflictKind.BOTH_CHANGED, Set.of("phone"), Optional.of(remote)));
        }

        @Test
        @DisplayName("server-wins: the remote value of a differing field wins")
        void serverWins() {
            RemoteRecord remote = remote(with(local, "phone", "999", "company", "Analytical Engines"), EARLIER);

            Decision.Merge merge = merge(decide(noBase(), local, LATER, remote, ConflictPolicy.SERVER_WINS));

            assertThat(merge).isEqualTo(new Decision.Merge(remote.values(), remote, Set.of("company"), Set.of("phone")));
            assertThat(merge.needsPush()).isFalse();
        }

        @Test
        @DisplayName("local-wins: the local value of a differing field wins and is pushed")
        void localWins() {
            RemoteRecord remote = remote(with(local, "phone", "999", "company", "Analytical Engines"), LATER);

            Decision.Merge merge = merge(decide(noBase(), local, EARLIER, remote, ConflictPolicy.LOCAL_WINS));

            assertThat(merge).isEqualTo(new Decision.Merge(with(local, "company", "Analytical Engines"), remote,
                    Set.of("company"), Set.of("phone")));
            assertThat(merge.needsPush()).isTrue();
        }

        @Test
        @DisplayName("newest-wins: the record changed last wins a differing field, both ways")
        void newestWins() {
            RemoteRecord olderRemote = remote(with(local, "phone", "999"), EARLIER);
            RemoteRecord newerRemote = remote(with(local, "phone", "999"), LATER);

            assertThat(merge(decide(noBase(), local, LATER, olderRemote, ConflictPolicy.NEWEST_WINS)).values())
                    .containsEntry("phone", "111");
            assertThat(merge(decide(noBase(), local, EARLIER, newerRemote, ConflictPolicy.NEWEST_WINS)).values())
                    .containsEntry("phone", "999");
        }
    }
}
