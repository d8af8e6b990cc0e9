package dev.outpost.ui.history;

/**
 * One sync run as the History view shows it.
 *
 * @param when    start, in the user's time zone
 * @param with    "the CRM" or "Outlook"
 * @param took    how long, e.g. "1.4 s"
 * @param result  how it ended, in words
 * @param changes what moved, per type and direction, e.g. "contacts: 3 received, 1 sent"; "nothing to do"
 * @param problem the first error, if any; empty when none
 */
public record HistoryRow(String when, String with, String took, String result, String changes, String problem) {
}
