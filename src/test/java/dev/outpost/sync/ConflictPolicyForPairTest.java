package dev.outpost.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A profile's chosen conflict policy for a pair, and the pair's built-in one when there is no usable choice. */
class ConflictPolicyForPairTest {

    @Test
    void theProfilesChoiceIsUsed() {
        assertThat(ConflictPolicy.forPair(Optional.of("newest-wins"), ConflictPolicy.ASK))
                .isEqualTo(ConflictPolicy.NEWEST_WINS);
    }

    @Test
    void withoutAChoiceThePairsBuiltInPolicyIsUsed() {
        assertThat(ConflictPolicy.forPair(Optional.empty(), ConflictPolicy.LOCAL_WINS))
                .isEqualTo(ConflictPolicy.LOCAL_WINS);
    }

    @Test
    void aChoiceThisVersionDoesNotKnowFallsBackToTheBuiltInPolicyInsteadOfStoppingTheSync() {
        assertThat(ConflictPolicy.forPair(Optional.of("mine-wins"), ConflictPolicy.SERVER_WINS))
                .isEqualTo(ConflictPolicy.SERVER_WINS);
    }
}
