package dev.outpost.sync.properties;

/** What happened in one try, for jqwik's statistics: proof that the interesting paths are taken. */
final class TryCounts {
    int completeSyncs;
    int faultySyncs;
    int crashes;
    int conflicts;
    int guardStops;
    int resolved;
    int overruled;
}
