package dev.outpost.auth;

import java.util.Locale;

/**
 * Who is signed in on a profile: part of the profile's identity (with the CRM URL).
 *
 * @param user          the user's sign-in name (preferred_username / UPN), e.g. ada@contoso.com
 * @param tenant        the id of the user's home tenant
 * @param homeAccountId MSAL's id of the account, "objectId.tenantId"
 */
public record SignedInUser(String user, String tenant, String homeAccountId) {

    /** Whether this is the same person in the same tenant (sign-in names compare without case, as Entra ID does). */
    public boolean samePersonAs(SignedInUser other) {
        return user.toLowerCase(Locale.ROOT).equals(other.user.toLowerCase(Locale.ROOT))
                && tenant.equalsIgnoreCase(other.tenant);
    }

    @Override
    public String toString() {
        return user + " (tenant " + tenant + ")";
    }
}
