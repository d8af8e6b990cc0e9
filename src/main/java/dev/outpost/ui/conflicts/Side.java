package dev.outpost.ui.conflicts;

/** Whose value a field, or a whole record, keeps. */
public enum Side {
    /** This computer's. */
    MINE,
    /** The server's (the CRM's or Outlook's). */
    SERVER
}
