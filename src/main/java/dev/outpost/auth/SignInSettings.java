package dev.outpost.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who Outpost is to Microsoft Entra ID (the app registration's client id) and where people sign in (the
 * authority), with the scopes a profile asks for.
 *
 * @param clientId  the application (client) id of the app registration
 * @param authority an AAD-style authority, e.g. https://login.microsoftonline.com/organizations/ or
 *                  https://login.microsoftonline.com/&lt;tenant&gt;/; always ends with a slash
 */
public record SignInSettings(String clientId, URI authority) {

    /** Where people of any work or school tenant sign in. */
    public static final URI ORGANIZATIONS = URI.create("https://login.microsoftonline.com/organizations/");

    /** A tenant as Entra ID names it: a GUID or a domain like contoso.onmicrosoft.com. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    /** @throws IllegalArgumentException saying which value is wrong and why, in words for the user */
    public SignInSettings {
        clientId = clientId == null ? "" : clientId.strip();
        if (clientId.isEmpty()) {
            throw new IllegalArgumentException("A client id is needed to sign in: the application id of Outpost's app "
                    + "registration in Entra ID (ask IT)");
        }
        authority = checkedAuthority(Objects.requireNonNull(authority, "authority"));
    }

    /** Settings signing in at the given tenant's authority. */
    public static SignInSettings forTenant(String clientId, String tenant) {
        return new SignInSettings(clientId, tenantAuthority(tenant));
    }

    /** The Entra ID authority of one tenant (a GUID or a domain). */
    public static URI tenantAuthority(String tenant) {
        String name = tenant == null ? "" : tenant.strip();
        if (!TENANT.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a tenant: give its id (a GUID) or its domain, "
                    + "e.g. contoso.onmicrosoft.com");
        }
        return URI.create("https://login.microsoftonline.com/" + name + "/");
    }

    /** The scope of a token for the CRM: the organization URL (no trailing slash) + "/.default". */
    public static String crmScope(URI orgUrl) {
        return withoutTrailingSlashes(orgUrl.toString()) + "/.default";
    }

    /**
     * The scope of a token for Microsoft Graph: the Graph server's root + "/.default", so
     * https://graph.microsoft.com/v1.0 asks for https://graph.microsoft.com/.default, and a test or demo server on
     * this computer for its own root.
     */
    public static String graphScope(URI graphUrl) {
        return graphUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + graphUrl.getRawAuthority().toLowerCase(Locale.ROOT)
                + "/.default";
    }

    private static URI checkedAuthority(URI given) {
        String text = given.toString().strip();
        URI url = URI.create(text.endsWith("/") ? text : text + "/");
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // MSAL refuses it too, but with a message that does not say why it matters.
            throw new IllegalArgumentException("The sign-in authority " + url + " uses http: sign-in needs https, "
                    + "otherwise codes and tokens would travel unencrypted. Use https://…");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("'" + given + "' is not a sign-in authority; expected something like "
                    + ORGANIZATIONS);
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException("The sign-in authority " + given + " may not have a query or a fragment");
        }
        String path = url.getPath();
        if (path == null || path.equals("/") || path.contains("//")) {
            throw new IllegalArgumentException("The sign-in authority " + given + " names no tenant; expected "
                    + "something like " + ORGANIZATIONS + " or https://login.microsoftonline.com/<tenant>/");
        }
        return url;
    }

    private static String withoutTrailingSlashes(String text) {
        String result = text.strip();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
