package dev.outpost.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whose data a profile holds: the CRM server, the signed-in user and the tenant. When another identity
 * connects, the old one's data must go (see {@link ProfileReset}). The URL is normalized (scheme and host in
 * lower case, no default port, no trailing slash) and the user compared ignoring case, so only a real change
 * counts. User and tenant are empty when no one signs in (a token from an environment variable, the demo).
 *
 * @param crmUrl the CRM's address, normalized
 * @param user   the signed-in user, e.g. {@code ada@contoso.com}, or empty
 * @param tenant the Entra ID tenant id, or empty
 */
public record ProfileIdentity(URI crmUrl, String user, String tenant) {

    static final String FILE = "identity.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ProfileIdentity {
        crmUrl = normalize(crmUrl);
        user = user == null ? "" : user.trim();
        tenant = tenant == null ? "" : tenant.trim().toLowerCase(Locale.ROOT);
    }

    /** What differs between two identities, in the user's words; empty when they are the same. */
    public enum Change {
        SERVER("the CRM server"), USER("the signed-in user"), TENANT("the organization (tenant)");

        private final String words;

        Change(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** What changed from {@code other} to this identity, e.g. [SERVER] when only the URL differs. */
    public List<Change> differencesFrom(ProfileIdentity other) {
        List<Change> changes = new ArrayList<>();
        if (!crmUrl.equals(other.crmUrl)) {
            changes.add(Change.SERVER);
        }
        if (!user.equalsIgnoreCase(other.user)) {
            changes.add(Change.USER);
        }
        if (!tenant.equals(other.tenant)) {
            changes.add(Change.TENANT);
        }
        return List.copyOf(changes);
    }

    public boolean sameAs(ProfileIdentity other) {
        return differencesFrom(other).isEmpty();
    }

    /**
     * The identity saved in the profile; empty when none was saved yet or a reset removed it (also one a crash
     * interrupted: its data counts as gone).
     *
     * @throws StoreException when the file is damaged, saying which file
     */
    public static Optional<ProfileIdentity> read(ProfileFolder profile) {
        Path file = profile.path().resolve(FILE);
        if (ProfileReset.interrupted(profile) || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new ProfileIdentity(URI.create(node.path("crmUrl").asText()),
                    node.path("user").asText(""), node.path("tenant").asText("")));
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("The profile's identity file " + file + " is damaged (" + e.getMessage()
                    + "). Delete it and connect again: Outpost then asks before it removes any data.", e);
        }
    }

    /** Saves this identity in the profile, atomically: a crash leaves the old file or the new one. */
    public void write(ProfileFolder profile) {
        Path file = profile.path().resolve(FILE);
        Path temp = profile.path().resolve(FILE + ".new");
        ObjectNode node = JSON.createObjectNode();
        node.put("crmUrl", crmUrl.toString());
        node.put("user", user);
        node.put("tenant", tenant);
        try {
            Files.createDirectories(profile.path());
            Files.write(temp, JSON.writeValueAsBytes(node));
            WholeFile.moveOver(temp, file);
        } catch (IOException e) {
            throw new StoreException("Cannot save the profile's identity in " + file + ": " + e.getMessage()
                    + ". Check that you may write to the profile folder.", e);
        }
    }

    /** The URL as identities compare it. */
    public static URI normalize(URI url) {
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || url.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not a server address; expected something like "
                    + "https://contoso.crm.dynamics.com");
        }
        int port = url.getPort();
        if (("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
            port = -1;
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port >= 0 ? ":" + port : "") + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a server address", e);
        }
    }

    @Override
    public String toString() {
        return crmUrl + (user.isEmpty() ? "" : " as " + user) + (tenant.isEmpty() ? "" : " (tenant " + tenant + ")");
    }
}
