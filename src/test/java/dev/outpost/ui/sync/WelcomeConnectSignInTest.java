package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ProfileFolder;

/** The welcome's Connect, like outpost connect: it signs in where IT's admin file names a client id. */
class WelcomeConnectSignInTest {

    @TempDir
    Path folder;

    @AfterEach
    void forgetTheAdminFile() {
        System.clearProperty(AdminDefaults.FILE_PROPERTY);
    }

    private ConnectionSettings connect() {
        ProfileFolder profile = new ProfileFolder(folder.resolve("profile"));
        new SyncConnection(profile, Map.<String, String>of()::get, 10).connectTo(URI.create("https://contoso.crm.dynamics.com"));
        return ConnectionSettings.read(profile).orElseThrow();
    }

    @Test
    void withAnAdminClientIdTheProfileSignsIn() throws Exception {
        Path admin = Files.writeString(folder.resolve("outpost-admin.json"),
                "{\"clientId\": \"11111111-2222-3333-4444-555555555555\", \"tenant\": \"contoso.onmicrosoft.com\"}");
        System.setProperty(AdminDefaults.FILE_PROPERTY, admin.toString());

        assertThat(connect().signIn()).isPresent();
    }

    @Test
    void withoutOneTheTokenComesFromTheEnvironmentAsBefore() {
        System.setProperty(AdminDefaults.FILE_PROPERTY, folder.resolve("absent.json").toString());

        ConnectionSettings settings = connect();
        assertThat(settings.signIn()).isEmpty();
        assertThat(settings.tokenVariable()).isEqualTo("OUTPOST_ACCESS_TOKEN");
    }
}
