package dev.outpost.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults IT deploys next to the installation in {@code outpost-admin.json}: which app registration and
 * authority people sign in with, and whether they may choose others. A value given by the user (CLI option, profile
 * setting) wins over the file, and the file over Outpost's built-in defaults; unless the file says
 * {@code "allowUserOverride": false}, then the file wins and a differing user value is reported.
 *
 * <p>A file that cannot be used never stops Outpost: it carries on with its built-in defaults and says why in
 * {@link #warning()}. Keys this version does not know are kept in {@link #file()} (later versions add some).
 *
 * @param clientId          the client id IT set, if any
 * @param authority         the authority IT set ("authority", or "tenant" turned into its authority), if any
 * @param allowUserOverride whether the user's own values win
 * @param file              the whole file as read (empty object when there is none or it is unusable)
 * @param source            the file the defaults came from, if one was read
 * @param warning           why the file was not used, in words for the user and IT, if it was not
 */
public record AdminDefaults(Optional<String> clientId, Optional<URI> authority, boolean allowUserOverride,
        ObjectNode file, Optional<Path> source, Optional<String> warning) {

    public static final String FILE_NAME = "outpost-admin.json";
    /** Names another admin file than the installation's: {@code -Doutpost.admin.file=PATH}. */
    public static final String FILE_PROPERTY = "outpost.admin.file";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No admin file: the built-in defaults, users may override everything. */
    public static AdminDefaults none() {
        return new AdminDefaults(Optional.empty(), Optional.empty(), true, JsonNodeFactory.instance.objectNode(),
                Optional.empty(), Optional.empty());
    }

    /** The defaults of this installation: the file named by {@value #FILE_PROPERTY}, else the one next to the app. */
    public static AdminDefaults forThisInstallation() {
        String named = System.getProperty(FILE_PROPERTY);
        if (named != null && !named.isBlank()) {
            Path file = Path.of(named.strip());
            return Files.exists(file) ? read(file) : unusable(file, "the file does not exist");
        }
        return installationFiles().stream().filter(Files::isRegularFile).findFirst().map(AdminDefaults::read)
                .orElse(none());
    }

    /**
     * Where the installation's admin file may be: next to the running jar, and one and two folders up (a jpackage
     * image keeps the jars in {@code lib/app/} or {@code app/}; a checkout's build in {@code target/}).
     */
    public static List<Path> installationFiles() {
        List<Path> candidates = new ArrayList<>();
        try {
            CodeSource code = AdminDefaults.class.getProtectionDomain().getCodeSource();
            if (code == null || code.getLocation() == null) {
                return candidates;
            }
            Path folder = Path.of(code.getLocation().toURI()).toAbsolutePath().getParent();
            for (int up = 0; up < 3 && folder != null; up++, folder = folder.getParent()) {
                candidates.add(folder.resolve(FILE_NAME));
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // no file location (a custom class loader): no admin file either
        }
        return candidates;
    }

    /** The defaults in the file; a missing file means none, an unusable one the built-in defaults and a warning. */
    public static AdminDefaults read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return unusable(file, "it is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            return unusable(file, "it cannot be read (" + e.getMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            return unusable(file, "it must hold one JSON object, like {\"clientId\": \"…\", \"tenant\": \"…\"}");
        }
        ObjectNode object = (ObjectNode) node;
        try {
            Optional<String> clientId = text(object, "clientId");
            Optional<URI> authority = text(object, "authority").map(URI::create);
            Optional<String> tenant = text(object, "tenant");
            if (authority.isPresent() && tenant.isPresent()) {
                throw new IllegalArgumentException("give either \"authority\" or \"tenant\", not both");
            }
            authority = authority.or(() -> tenant.map(SignInSettings::tenantAuthority));
            // Checked as they will be used, so that a wrong value is reported now, naming the file.
            authority = authority.map(a -> new SignInSettings("check", a).authority());
            JsonNode override = object.path("allowUserOverride");
            if (!override.isMissingNode() && !override.isBoolean()) {
                throw new IllegalArgumentException("\"allowUserOverride\" must be true or false");
            }
            return new AdminDefaults(clientId, authority, override.asBoolean(true), object, Optional.of(file),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return unusable(file, e.getMessage());
        }
    }

    /**
     * The sign-in settings to use, from what the user gave and this file.
     *
     * @return the settings (empty when no client id is known: then there is no sign-in, tokens come from elsewhere),
     *         and messages to show when the file overruled a user value
     */
    public Resolution resolve(Optional<String> userClientId, Optional<URI> userAuthority) {
        List<String> messages = new ArrayList<>();
        warning.ifPresent(messages::add);
        Optional<String> id = pick("client id", userClientId.filter(v -> !v.isBlank()).map(String::strip), clientId,
                messages);
        Optional<URI> where = pick("sign-in authority", userAuthority, authority, messages);
        Optional<SignInSettings> settings = id.map(c -> new SignInSettings(c, where.orElse(SignInSettings.ORGANIZATIONS)));
        return new Resolution(settings, messages);
    }

    /** The sign-in settings resolved, and what to tell the user about how. */
    public record Resolution(Optional<SignInSettings> settings, List<String> messages) {
    }

    private <T> Optional<T> pick(String what, Optional<T> user, Optional<T> admin, List<String> messages) {
        if (allowUserOverride || admin.isEmpty()) {
            return user.or(() -> admin);
        }
        if (user.isPresent() && !user.get().toString().equalsIgnoreCase(admin.get().toString())) {
            messages.add("IT has set the " + what + " for this installation to " + admin.get() + " (in "
                    + source.map(Path::toString).orElse(FILE_NAME) + "); the " + what + " " + user.get()
                    + " is not used.");
        }
        return admin;
    }

    private static AdminDefaults unusable(Path file, String why) {
        return new AdminDefaults(Optional.empty(), Optional.empty(), true, JsonNodeFactory.instance.objectNode(),
                Optional.of(file), Optional.of("The admin defaults in " + file + " are not used: " + why
                        + ". Outpost carries on with its built-in defaults; ask IT to fix the file."));
    }

    private static Optional<String> text(ObjectNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a non-empty text");
        }
        return Optional.of(value.asText().strip());
    }
}
