package dev.outpost.sync.properties;

import java.util.ArrayList;
import java.util.List;

import dev.outpost.sync.ConflictPolicy;

/**
 * What happened in one try, with the real ids and values, told in a failure message: jqwik's list of
 * actions says what was picked, this says what it did.
 */
final class TryStory {

    private final ConflictPolicy policy;
    private final List<String> lines = new ArrayList<>();

    TryStory(ConflictPolicy policy) {
        this.policy = policy;
    }

    void tell(String line) {
        lines.add(line);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\nWhat happened in this try (" + policy.id() + "):");
        for (int i = 0; i < lines.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(lines.get(i));
        }
        return text.toString();
    }
}
