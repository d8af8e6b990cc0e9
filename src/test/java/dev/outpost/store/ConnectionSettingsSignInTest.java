package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.store.ConnectionSettings.SignInChoice;

class ConnectionSettingsSignInTest {

    @TempDir
    Path folder;

    @Test
    void aSignInIsSavedAndReadBack() {
        ProfileFolder profile = new ProfileFolder(folder);
        SignInChoice choice = new SignInChoice(Optional.of("app-id"),
                Optional.of(URI.create("https://login.microsoftonline.com/contoso/")));
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withSignIn(Optional.of(choice)).write(profile);

        assertThat(ConnectionSettings.read(profile).orElseThrow().signIn()).contains(choice);
    }

    @Test
    void aSignInWithEverythingLeftToTheAdminFileIsKeptAsSuch() {
        ProfileFolder profile = new ProfileFolder(folder);
        SignInChoice empty = new SignInChoice(Optional.empty(), Optional.empty());
        new ConnectionSettings(URI.create("https://contoso.crm.dynamics.com"), "OUTPOST_ACCESS_TOKEN")
                .withSignIn(Optional.of(empty)).syncingWhole(java.util.Set.of()).write(profile);

        assertThat(ConnectionSettings.read(profile).orElseThrow().signIn()).contains(empty);
    }

    @Test
    void aFileFromBeforeSignInMeansTokensFromTheEnvironment() throws Exception {
        Files.writeString(folder.resolve("connection.json"),
                "{\"crmUrl\": \"https://contoso.crm.dynamics.com\", \"tokenVariable\": \"MY_TOKEN\"}");

        ConnectionSettings read = ConnectionSettings.read(new ProfileFolder(folder)).orElseThrow();

        assertThat(read.signIn()).isEmpty();
        assertThat(read.tokenVariable()).isEqualTo("MY_TOKEN");
    }
}
