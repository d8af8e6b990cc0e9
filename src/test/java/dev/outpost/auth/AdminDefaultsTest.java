package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminDefaultsTest {

    @TempDir
    Path folder;

    private AdminDefaults file(String json) throws Exception {
        Path file = folder.resolve(AdminDefaults.FILE_NAME);
        Files.writeString(file, json);
        return AdminDefaults.read(file);
    }

    @Test
    void noFileMeansBuiltInDefaultsAndNoSignInWithoutAClientId() {
        AdminDefaults none = AdminDefaults.read(folder.resolve("absent.json"));

        assertThat(none.warning()).isEmpty();
        assertThat(none.resolve(Optional.empty(), Optional.empty()).settings()).isEmpty();
        assertThat(none.resolve(Optional.of("mine"), Optional.empty()).settings()).contains(
                new SignInSettings("mine", SignInSettings.ORGANIZATIONS));
    }

    @Test
    void theFilesClientIdAndTenantAreUsedWhenTheUserGivesNone() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"tenant\": \"contoso.onmicrosoft.com\"}");

        assertThat(admin.resolve(Optional.empty(), Optional.empty()).settings()).contains(
                SignInSettings.forTenant("it-app", "contoso.onmicrosoft.com"));
    }

    @Test
    void theUsersValuesWinOverTheFileByDefault() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"authority\": \"https://login.microsoftonline.com/it/\"}");

        AdminDefaults.Resolution resolved = admin.resolve(Optional.of("my-app"),
                Optional.of(URI.create("https://login.microsoftonline.com/mine/")));

        assertThat(resolved.settings()).contains(new SignInSettings("my-app",
                URI.create("https://login.microsoftonline.com/mine/")));
        assertThat(resolved.messages()).isEmpty();
    }

    @Test
    void whenOverridesAreOffTheFileWinsAndADifferingUserValueIsReported() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"tenant\": \"it\", \"allowUserOverride\": false}");

        AdminDefaults.Resolution resolved = admin.resolve(Optional.of("my-app"), Optional.empty());

        assertThat(resolved.settings()).contains(SignInSettings.forTenant("it-app", "it"));
        assertThat(resolved.messages()).singleElement().asString().contains("it-app").contains("my-app")
                .contains("is not used");
    }

    @Test
    void aLockedAuthorityIsNotOverruledByTheSameAuthorityWrittenWithoutItsTrailingSlash() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"tenant\": \"it\", \"locked\": [\"tenant\"]}");

        AdminDefaults.Resolution resolved = admin.resolve(Optional.empty(),
                Optional.of(URI.create("https://login.microsoftonline.com/it")));

        assertThat(resolved.settings()).contains(SignInSettings.forTenant("it-app", "it"));
        assertThat(resolved.overruled()).isEmpty();
        assertThat(resolved.messages()).isEmpty();
    }

    @Test
    void unknownKeysAreKeptAndDoNotFail() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\", \"crmUrl\": \"https://contoso.crm.dynamics.com\", "
                + "\"filters\": {\"accounts\": \"mine\"}}");

        assertThat(admin.warning()).isEmpty();
        assertThat(admin.file().path("crmUrl").asText()).isEqualTo("https://contoso.crm.dynamics.com");
    }

    @Test
    void malformedJsonIsReportedNamingTheFileAndTheBuiltInDefaultsApply() throws Exception {
        AdminDefaults admin = file("{\"clientId\": \"it-app\",,}");

        assertThat(admin.warning()).hasValueSatisfying(w -> assertThat(w).contains(AdminDefaults.FILE_NAME)
                .contains("not valid JSON").contains("line 1").contains("built-in defaults"));
        assertThat(admin.clientId()).isEmpty();
        assertThat(admin.resolve(Optional.empty(), Optional.empty()).messages()).hasSize(1);
    }

    @Test
    void aWrongValueIsReportedSayingWhich() throws Exception {
        assertThat(file("{\"clientId\": 42}").warning()).hasValueSatisfying(w -> assertThat(w).contains("\"clientId\""));
        assertThat(file("{\"allowUserOverride\": \"no\"}").warning())
                .hasValueSatisfying(w -> assertThat(w).contains("allowUserOverride"));
        assertThat(file("{\"authority\": \"http://login.example.com/t/\"}").warning())
                .hasValueSatisfying(w -> assertThat(w).contains("https"));
        assertThat(file("[1, 2]").warning()).hasValueSatisfying(w -> assertThat(w).contains("one JSON object"));
        assertThat(file("{\"tenant\": \"a\", \"authority\": \"https://login.microsoftonline.com/b/\"}").warning())
                .hasValueSatisfying(w -> assertThat(w).contains("not both"));
    }

    @Test
    void aSystemPropertyNamesAnotherFile() throws Exception {
        Path file = folder.resolve("elsewhere.json");
        Files.writeString(file, "{\"clientId\": \"from-property\"}");
        String before = System.getProperty(AdminDefaults.FILE_PROPERTY);
        System.setProperty(AdminDefaults.FILE_PROPERTY, file.toString());
        try {
            assertThat(AdminDefaults.forThisInstallation().clientId()).contains("from-property");
            System.setProperty(AdminDefaults.FILE_PROPERTY, folder.resolve("missing.json").toString());
            assertThat(AdminDefaults.forThisInstallation().warning()).hasValueSatisfying(w -> assertThat(w)
                    .contains("missing.json").contains("does not exist"));
        } finally {
            if (before == null) {
                System.clearProperty(AdminDefaults.FILE_PROPERTY);
            } else {
                System.setProperty(AdminDefaults.FILE_PROPERTY, before);
            }
        }
    }

    @Test
    void theInstallationsFileIsLookedForNextToTheRunningCode() {
        assertThat(AdminDefaults.installationFiles()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getFileName()).hasToString(AdminDefaults.FILE_NAME));
    }
}
