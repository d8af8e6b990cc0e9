package dev.outpost.sync.planner;

import static dev.outpost.sync.planner.Example.BASE;
import static dev.outpost.sync.planner.Example.with;
import static dev.outpost.sync.planner.Example.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.outpost.sync.FieldMerge;

/**
 * DESIGN.md, "The sync engine", step 4: the three-way field merge. An absent field and an empty value are the
 * same thing, so clearing a field is a change like any other.
 */
@DisplayName("FieldMerge: three-way merge of one record's fields")
class FieldMergeTest {

    private static FieldMerge.Result merge(Map<String, String> local, Map<String, String> remote) {
        return FieldMerge.merge(BASE, local, remote, true);
    }

    @Nested
    @DisplayName("with a base")
    class WithBase {

        @Test
        @DisplayName("nothing changed: the base, nothing from either side")
        void nothingChanged() {
            FieldMerge.Result result = merge(BASE, BASE);

            assertThat(result.values()).isEqualTo(BASE);
            assertThat(result.clean()).isTrue();
            assertThat(result.fromLocal()).isEmpty();
            assertThat(result.fromRemote()).isEmpty();
        }

        @Test
        @DisplayName("a field changed on one side only is taken from that side")
        void oneSidedChanges() {
            FieldMerge.Result result = merge(with(BASE, "phone", "222"), with(BASE, "email", "ada@new.example"));

            assertThat(result.values()).isEqualTo(with(BASE, "phone", "222", "email", "ada@new.example"));
            assertThat(result.fromLocal()).containsExactly("phone");
            assertThat(result.fromRemote()).containsExactly("email");
            assertThat(result.conflicts()).isEmpty();
        }

        @Test
        @DisplayName("a field cleared here (removed from the map) is a change, taken over the unchanged remote value")
        void clearedLocallyByRemoval() {
            FieldMerge.Result result = merge(without(BASE, "phone"), BASE);

            assertThat(result.values()).isEqualTo(without(BASE, "phone"));
            assertThat(result.fromLocal()).containsExactly("phone");
            assertThat(result.clean()).isTrue();
        }

        @Test
        @DisplayName("a field cleared here to an empty value is the same change as removing it")
        void clearedLocallyToEmpty() {
            Map<String, String> local = new HashMap<>(BASE);
            local.put("phone", "");

            FieldMerge.Result result = merge(local, BASE);

            assertThat(result.values()).isEqualTo(without(BASE, "phone"));
            assertThat(result.values()).doesNotContainKey("phone");
            assertThat(result.fromLocal()).containsExactly("phone");
        }

        @Test
        @DisplayName("a field cleared there is a change, taken over the unchanged local value")
        void clearedRemotely() {
            FieldMerge.Result result = merge(BASE, without(BASE, "phone"));

            assertThat(result.values()).isEqualTo(without(BASE, "phone"));
            assertThat(result.fromRemote()).containsExactly("phone");
            assertThat(result.clean()).isTrue();
        }

        @Test
        @DisplayName("a field cleared on both sides: no conflict, stays cleared, from neither side")
        void clearedOnBothSides() {
            FieldMerge.Result result = merge(without(BASE, "phone"), without(BASE, "phone"));

            assertThat(result.values()).isEqualTo(without(BASE, "phone"));
            assertThat(result.clean()).isTrue();
            assertThat(result.fromLocal()).isEmpty();
            assertThat(result.fromRemote()).isEmpty();
        }

        @Test
        @DisplayName("cleared on one side, edited on the other: a conflict, holding the local value (cleared)")
        void clearedVersusEdited() {
            FieldMerge.Result result = merge(without(BASE, "phone"), with(BASE, "phone", "333"));

            assertThat(result.conflicts()).containsExactly("phone");
            assertThat(result.values()).doesNotContainKey("phone");
            assertThat(result.fromLocal()).isEmpty();
            assertThat(result.fromRemote()).isEmpty();
        }

        @Test
        @DisplayName("changed on both sides to the same value: no conflict, from neither side")
        void sameChangeOnBothSides() {
            FieldMerge.Result result = merge(with(BASE, "phone", "222"), with(BASE, "phone", "222"));

            assertThat(result.values()).isEqualTo(with(BASE, "phone", "222"));
            assertThat(result.clean()).isTrue();
            assertThat(result.fromLocal()).isEmpty();
            assertThat(result.fromRemote()).isEmpty();
        }

        @Test
        @DisplayName("changed on both sides to different values: a conflict holding the local value")
        void differentChangesConflict() {
            FieldMerge.Result result = merge(with(BASE, "phone", "222", "email", "ada@new.example"),
                    with(BASE, "phone", "333", "lastName", "King"));

            assertThat(result.conflicts()).containsExactly("phone");
            assertThat(result.clean()).isFalse();
            assertThat(result.values()).isEqualTo(with(BASE, "phone", "222", "email", "ada@new.example", "lastName", "King"));
            assertThat(result.fromLocal()).containsExactly("email");
            assertThat(result.fromRemote()).containsExactly("lastName");
        }
    }

    @Nested
    @DisplayName("a field absent from the base (added since the last sync)")
    class FieldAbsentFromBase {

        @Test
        @DisplayName("added on one side only: taken from that side")
        void addedOnOneSide() {
            FieldMerge.Result here = merge(with(BASE, "company", "Analytical Engines"), BASE);
            FieldMerge.Result there = merge(BASE, with(BASE, "company", "Analytical Engines"));

            assertThat(here.values()).containsEntry("company", "Analytical Engines");
            assertThat(here.fromLocal()).containsExactly("company");
            assertThat(there.values()).containsEntry("company", "Analytical Engines");
            assertThat(there.fromRemote()).containsExactly("company");
            assertThat(here.clean()).isTrue();
            assertThat(there.clean()).isTrue();
        }

        @Test
        @DisplayName("added on both sides with the same value: no conflict")
        void addedAlikeOnBothSides() {
            FieldMerge.Result result = merge(with(BASE, "company", "AE"), with(BASE, "company", "AE"));

            assertThat(result.values()).containsEntry("company", "AE");
            assertThat(result.clean()).isTrue();
        }

        @Test
        @DisplayName("added on both sides with different values: a conflict")
        void addedDifferentlyOnBothSides() {
            FieldMerge.Result result = merge(with(BASE, "company", "AE"), with(BASE, "company", "Babbage & Co"));

            assertThat(result.conflicts()).containsExactly("company");
            assertThat(result.values()).containsEntry("company", "AE");
        }

        @Test
        @DisplayName("an empty base (a record created on both sides since) merges field by field")
        void emptyBase() {
            FieldMerge.Result result = FieldMerge.merge(Map.of(), Map.of("a", "1", "b", "2"), Map.of("b", "3", "c", "4"), true);

            assertThat(result.values()).isEqualTo(Map.of("a", "1", "b", "2", "c", "4"));
            assertThat(result.conflicts()).containsExactly("b");
            assertThat(result.fromLocal()).containsExactly("a");
            assertThat(result.fromRemote()).containsExactly("c");
        }
    }

    @Nested
    @DisplayName("without a base (first-sync match)")
    class WithoutBase {

        @Test
        @DisplayName("a field empty on one side is taken from the other; a field filled differently is a conflict")
        void emptyFillsDifferingConflicts() {
            FieldMerge.Result result = FieldMerge.merge(Map.of(),
                    Map.of("email", "ada@x.example", "phone", "111", "city", "London"),
                    Map.of("email", "ada@x.example", "phone", "999", "company", "AE"), false);

            assertThat(result.values()).isEqualTo(Map.of("email", "ada@x.example", "phone", "111", "city", "London",
                    "company", "AE"));
            assertThat(result.conflicts()).containsExactly("phone");
            assertThat(result.fromLocal()).containsExactly("city");
            assertThat(result.fromRemote()).containsExactly("company");
        }

        @Test
        @DisplayName("a base passed along with hasBase=false is ignored")
        void baseIgnoredWhenAbsent() {
            FieldMerge.Result result = FieldMerge.merge(BASE, Map.of("phone", "222"), Map.of("phone", "111"), false);

            assertThat(result.conflicts()).containsExactly("phone");
        }
    }

    @Nested
    @DisplayName("resolvedWith: the merged values with every conflicting field taken from the winner")
    class ResolvedWith {

        private final Map<String, String> local = with(BASE, "phone", "222", "email", "ada@new.example");
        private final Map<String, String> remote = with(BASE, "phone", "333", "lastName", "King");
        private final FieldMerge.Result result = merge(local, remote);

        @Test
        @DisplayName("remote as winner: its value for the conflict, one-sided edits untouched")
        void remoteWins() {
            assertThat(result.resolvedWith(remote))
                    .isEqualTo(with(BASE, "phone", "333", "email", "ada@new.example", "lastName", "King"));
        }

        @Test
        @DisplayName("local as winner: the merged values as they are")
        void localWins() {
            assertThat(result.resolvedWith(local)).isEqualTo(result.values());
        }

        @Test
        @DisplayName("a winner lacking the conflicting field clears it")
        void winnerWithoutTheFieldClearsIt() {
            FieldMerge.Result cleared = merge(with(BASE, "phone", "222"), without(BASE, "phone"));

            assertThat(cleared.conflicts()).containsExactly("phone");
            assertThat(cleared.resolvedWith(without(BASE, "phone"))).isEqualTo(without(BASE, "phone"));
            assertThat(cleared.resolvedWith(Map.of("phone", ""))).doesNotContainKey("phone");
        }

        @Test
        @DisplayName("only conflicting fields are taken from the winner, even if it differs elsewhere")
        void onlyConflictsAreReplaced() {
            assertThat(result.resolvedWith(Map.of("phone", "444", "email", "x@y.example")))
                    .isEqualTo(with(BASE, "phone", "444", "email", "ada@new.example", "lastName", "King"));
        }

        @Test
        @DisplayName("a clean result resolves to its own values whoever wins")
        void cleanResultUnchanged() {
            FieldMerge.Result clean = merge(with(BASE, "phone", "222"), BASE);

            assertThat(clean.resolvedWith(Map.of())).isEqualTo(clean.values());
            assertThat(clean.resolvedWith(BASE)).isEqualTo(clean.values());
        }

        @Test
        @DisplayName("does not change the result itself")
        void leavesTheResultAlone() {
            Map<String, String> before = Map.copyOf(result.values());
            result.resolvedWith(remote);

            assertThat(result.values()).isEqualTo(before);
        }
    }
}
