package dev.outpost.ui.sync;

/**
 * One field changed on both sides, as shown in the conflicts list.
 *
 * @param label  the field's label, e.g. "City"
 * @param mine   this computer's value ("" when empty)
 * @param server the server's value ("" when empty)
 */
public record FieldCollision(String label, String mine, String server) {
}
