package dev.outpost.ui.settings;

/**
 * When the window syncs on its own.
 *
 * @param minutes how often while the window is open; 0 = only when asked (<em>Sync now</em>)
 * @param onStart whether to sync as soon as the window opens
 */
public record SyncSchedule(int minutes, boolean onStart) {

    /** Issue 7's defaults: every 15 minutes, and on start. */
    public static final SyncSchedule DEFAULT = new SyncSchedule(15, true);
    /** A day: more than that is as good as never, and "never" is 0. */
    public static final int MAX_MINUTES = 24 * 60;

    public SyncSchedule {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("Sync every 1 to " + MAX_MINUTES + " minutes, or 0 to sync only when "
                    + "you ask; not " + minutes);
        }
    }

    /** Reads what the user typed in the interval field. */
    public static SyncSchedule parse(String minutesText, boolean onStart) {
        String text = minutesText == null ? "" : minutesText.strip();
        try {
            return new SyncSchedule(Integer.parseInt(text), onStart);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Type a whole number of minutes (0 to sync only when you ask); not '"
                    + text + "'");
        }
    }
}
