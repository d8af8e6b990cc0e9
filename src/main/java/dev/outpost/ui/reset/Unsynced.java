package dev.outpost.ui.reset;

/**
 * What removing the offline copy would throw away: local changes not yet sent, conflicts waiting for a choice,
 * and sync issues (changes the server refused).
 */
public record Unsynced(int changes, int conflicts, int issues) {

    public boolean isEmpty() {
        return changes == 0 && conflicts == 0 && issues == 0;
    }
}
