package dev.outpost.auth;

/**
 * The profile holds the offline copy of one user while another is signed in: nothing may sync until the owner signs
 * in again or the profile is switched to the new user (the reset), or the owner's data would reach the new user's CRM
 * as theirs.
 *
 * @param owner    the user the offline copy belongs to (recorded in the profile's identity)
 * @param signedIn the user signed in now
 */
public record AnotherUsersCopy(String owner, String signedIn) {
}
