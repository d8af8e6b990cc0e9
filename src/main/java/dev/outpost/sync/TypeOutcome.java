package dev.outpost.sync;

/** How one type's part of a run ended. */
public enum TypeOutcome {
    /** Everything was synced (conflicts and issues may still wait for the user). */
    DONE,
    /** The mass-delete guard stopped the type; nothing was deleted. */
    NEEDS_CONFIRMATION,
    /** The endpoint failed; the next run resumes where this one stopped. */
    FAILED,
    /** The user cancelled; the next run resumes where this one stopped. */
    CANCELLED
}
