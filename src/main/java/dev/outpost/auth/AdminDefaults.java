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

import dev.outpost.store.AdminSettings;

/**
 * The defaults IT deploys with the installation in {@code outpost-admin.json}: which app registration and
 * authority people sign in with, and (read by {@link AdminSettings}) which CRM they connect to, the Outlook sharing
 * category and limit, and the sync filters. A value given by the user (CLI option, profile setting) wins over the
 * file, and the file over Outpost's built-in defaults; unless the value binds ({@code "allowUserOverride": false}, or
 * the value named in {@code "locked"}): then the file wins and a differing user value is reported or refused.
 *
 * <p>A file that cannot be used never stops Outpost: it carries on with its built-in defaults and says why in
 * {@link #warning()}. One wrong key makes the whole file unusable, not just that key: the file applies as IT wrote it
 * or not at all, because half of it could bind users to values that only make sense with the other half (a locked
 * CRM without the client id that signs in to it). The warning names every wrong key and what to write instead, so
 * one round of fixing is enough. Keys this version does not know are kept in {@link #file()} (later versions add
 * some) and listed by {@link #unknownKeys()}.
 *
 * @param clientId          the client id IT set, if any
 * @param authority         the authority IT set ("authority", or "tenant" turned into its authority), if any
 * @param connection        the connection settings IT set, and which bind
 * @param file              the whole file as read (empty object when there is none or it is unusable)
 * @param source            the file the defaults came from, if one was read
 * @param warning           why the file was not used, in words for the user and IT, if it was not
 */
public record AdminDefaults(Optional<String> clientId, Optional<URI> authority, AdminSettings connection,
        ObjectNode file, Optional<Path> source, Optional<String> warning) {

    public static final String FILE_NAME = AdminSettings.FILE_NAME;
    /** Names another admin file than the installation's: {@code -Doutpost.admin.file=PATH}. */
    public static final String FILE_PROPERTY = "outpost.admin.file";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> SIGN_IN_KEYS = java.util.Set.of("clientId", "authority", "tenant");

    /** No admin file: the built-in defaults, users may override everything. */
    public static AdminDefaults none() {
        return new AdminDefaults(Optional.empty(), Optional.empty(), AdminSettings.NONE,
                JsonNodeFactory.instance.objectNode(), Optional.empty(), Optional.empty());
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
     * Where the installation's admin file may be, in the order looked at (the first that exists is used): next to
     * the running jar, and one and two folders up (a jpackage image keeps the jars in {@code lib/app/} or
     * {@code app/}, so its root is two up on Linux and one up on Windows; a checkout's build in {@code target/}); then
     * this system's place for it, which configuration management can fill without touching the installation.
     */
    public static List<Path> installationFiles() {
        return installationFiles(Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY)).filter(p -> !p.isBlank()));
    }

    /**
     * As {@link #installationFiles()}, for a jpackage launcher at {@code launcher} if there is one. The launcher's
     * path is trusted over the jar's code source: with the installers' AOT cache, classes keep the code source of
     * the build's training run, a folder that does not exist on the user's computer.
     */
    static List<Path> installationFiles(Optional<String> launcher) {
        List<Path> candidates = new ArrayList<>();
        Optional<Path> jarFolder = launcher.flatMap(AdminDefaults::appFolderOfLauncher).or(AdminDefaults::jarFolder);
        Path folder = jarFolder.orElse(null);
        for (int up = 0; up < 3 && folder != null; up++, folder = folder.getParent()) {
            candidates.add(folder.resolve(FILE_NAME));
        }
        systemFile(System.getProperty("os.name", ""), System::getenv).ifPresent(candidates::add);
        return candidates;
    }

    /** Set by jpackage's launchers to their own path: {@code /opt/outpost/bin/Outpost}, {@code …\Outpost.exe}. */
    static final String LAUNCHER_PROPERTY = "jpackage.app-path";

    /**
     * The folder jpackage put the jars in, from its launcher: {@code <root>/bin/Outpost} → {@code <root>/lib/app}
     * (Linux), {@code Outpost.app/Contents/MacOS/Outpost} → {@code Contents/app} (macOS), {@code <root>\Outpost.exe}
     * → {@code <root>\app} (Windows).
     */
    static Optional<Path> appFolderOfLauncher(String launcher) {
        try {
            Path folder = Path.of(launcher).toAbsolutePath().getParent();
            if (folder == null || folder.getParent() == null) {
                return Optional.empty();
            }
            String name = String.valueOf(folder.getFileName());
            if (name.equals("bin")) {
                return Optional.of(folder.getParent().resolve("lib").resolve("app"));
            }
            if (name.equals("MacOS")) {
                return Optional.of(folder.getParent().resolve("app"));
            }
            return Optional.of(folder.resolve("app"));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> jarFolder() {
        try {
            CodeSource code = AdminDefaults.class.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                return Optional.ofNullable(Path.of(code.getLocation().toURI()).toAbsolutePath().getParent());
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // no file location (a custom class loader): only the system's place
        }
        return Optional.empty();
    }

    /**
     * This system's place for the admin file: {@code /etc/outpost/} on Linux, {@code %ProgramData%\Outpost\} on
     * Windows, {@code /Library/Application Support/Outpost/} on macOS (where a file inside the signed app would
     * break its signature).
     */
    static Optional<Path> systemFile(String osName, java.util.function.Function<String, String> environment) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        try {
            if (os.startsWith("windows")) {
                String data = environment.apply("ProgramData");
                return Optional.of(Path.of(data == null || data.isBlank() ? "C:\\ProgramData" : data, "Outpost", FILE_NAME));
            }
            if (os.startsWith("mac")) {
                return Optional.of(Path.of("/Library/Application Support/Outpost", FILE_NAME));
            }
            return Optional.of(Path.of("/etc/outpost", FILE_NAME));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty(); // a Windows path asked for on another system (tests): nothing to look at
        }
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
        List<String> problems = new ArrayList<>();
        Optional<String> clientId = Optional.empty();
        Optional<URI> authority = Optional.empty();
        try {
            clientId = text(object, "clientId");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            authority = authority(object);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        AdminSettings connection = AdminSettings.parse(object, file, problems);
        if (!problems.isEmpty()) {
            return unusable(file, String.join("; ", problems));
        }
        return new AdminDefaults(clientId, authority, connection, object,
                Optional.of(file), Optional.empty());
    }

    private static Optional<URI> authority(ObjectNode object) {
        Optional<String> given = text(object, "authority");
        Optional<URI> authority;
        try {
            authority = given.map(URI::create);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"authority\" is not an address; write it like "
                    + "\"authority\": \"https://login.microsoftonline.com/contoso.onmicrosoft.com/\"", e);
        }
        Optional<String> tenant = text(object, "tenant");
        if (authority.isPresent() && tenant.isPresent()) {
            throw new IllegalArgumentException("give either \"authority\" or \"tenant\", not both");
        }
        authority = authority.or(() -> tenant.map(SignInSettings::tenantAuthority));
        String key = tenant.isPresent() ? "tenant" : "authority";
        // Checked as they will be used, so that a wrong value is reported now, naming the file.
        try {
            return authority.map(a -> new SignInSettings("check", a).authority());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + key + "\": " + e.getMessage(), e);
        }
    }

    /** The file's keys this version does not know (a typo, or a key of a later version); they are not used. */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        file.fieldNames().forEachRemaining(key -> {
            if (!SIGN_IN_KEYS.contains(key) && !AdminSettings.KEYS.contains(key)) {
                unknown.add(key);
            }
        });
        return unknown;
    }

    /**
     * The sign-in settings to use, from what the user gave and this file.
     *
     * @return the settings (empty when no client id is known: then there is no sign-in, tokens come from elsewhere),
     *         and messages to show when the file overruled a user value
     */
    public Resolution resolve(Optional<String> userClientId, Optional<URI> userAuthority) {
        List<String> messages = new ArrayList<>();
        List<AdminSettings.Setting> overruled = new ArrayList<>();
        warning.ifPresent(messages::add);
        Optional<String> id = pick(AdminSettings.Setting.CLIENT_ID,
                userClientId.filter(v -> !v.isBlank()).map(String::strip), clientId, messages, overruled);
        Optional<URI> where = pick(AdminSettings.Setting.AUTHORITY, userAuthority.map(AdminDefaults::asUsed), authority,
                messages, overruled);
        Optional<SignInSettings> settings = id.map(c -> new SignInSettings(c, where.orElse(SignInSettings.ORGANIZATIONS)));
        return new Resolution(settings, messages, List.copyOf(overruled));
    }

    /**
     * The sign-in settings resolved, and what to tell the user about how.
     *
     * @param overruled the settings where IT's bound value replaced the user's: a saved profile's is just not used
     *                  (the messages say so), one given on the command line now is refused
     */
    public record Resolution(Optional<SignInSettings> settings, List<String> messages,
            List<AdminSettings.Setting> overruled) {
    }

    /**
     * The authority as the sign-in uses it (with its trailing slash), so that IT's and the user's are compared alike:
     * the same authority written without the slash is not another one. One that cannot be used is left as given, to
     * be refused where the sign-in settings are made.
     */
    private static URI asUsed(URI authority) {
        try {
            return new SignInSettings("check", authority).authority();
        } catch (IllegalArgumentException e) {
            return authority;
        }
    }

    private <T> Optional<T> pick(AdminSettings.Setting setting, Optional<T> user, Optional<T> admin,
            List<String> messages, List<AdminSettings.Setting> overruled) {
        String what = setting.words();
        if (!connection.binds(setting) || admin.isEmpty()) {
            return user.or(() -> admin);
        }
        if (user.isPresent() && !user.get().toString().equalsIgnoreCase(admin.get().toString())) {
            overruled.add(setting);
            messages.add("IT has set the " + what + " for this installation to " + admin.get() + " (in "
                    + source.map(Path::toString).orElse(FILE_NAME) + "); the " + what + " " + user.get()
                    + " is not used.");
        }
        return admin;
    }

    private static AdminDefaults unusable(Path file, String why) {
        return new AdminDefaults(Optional.empty(), Optional.empty(), AdminSettings.NONE,
                JsonNodeFactory.instance.objectNode(), Optional.of(file), Optional.of("The admin defaults in " + file
                        + " are not used: " + why + ". Outpost carries on with its built-in defaults; ask IT to fix "
                        + "the file."));
    }

    private static Optional<String> text(ObjectNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a non-empty text in quotes, like \"" + key
                    + "\": \"…\"");
        }
        return Optional.of(value.asText().strip());
    }
}
