package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.store.ProfileIdentity.Change;

/** Whose data a profile holds, and what counts as another identity. */
class ProfileIdentityTest {

    private static final URI CONTOSO = URI.create("https://contoso.crm.dynamics.com");

    @TempDir
    Path folder;

    private ProfileFolder profile() {
        return new ProfileFolder(folder.resolve("profile"));
    }

    private static ProfileIdentity ada(String url) {
        return new ProfileIdentity(URI.create(url), "ada@contoso.com", "72f988bf-86f1-41af-91ab-2d7cd011db47");
    }

    @Test
    void theSameServerWrittenDifferentlyIsTheSameIdentity() {
        ProfileIdentity plain = ada("https://contoso.crm.dynamics.com");

        assertThat(ada("https://Contoso.CRM.dynamics.com/").sameAs(plain)).isTrue();
        assertThat(ada("HTTPS://contoso.crm.dynamics.com:443//").sameAs(plain)).isTrue();
        assertThat(ada("https://Contoso.crm.dynamics.com/").crmUrl()).isEqualTo(CONTOSO);
    }

    @Test
    void anotherPortOrPathIsAnotherServer() {
        ProfileIdentity plain = ada("https://contoso.crm.dynamics.com");

        assertThat(ada("https://contoso.crm.dynamics.com:8443").differencesFrom(plain)).containsExactly(Change.SERVER);
        assertThat(ada("https://contoso.crm.dynamics.com/org2").differencesFrom(plain)).containsExactly(Change.SERVER);
    }

    @Test
    void theUserIsComparedIgnoringCase() {
        ProfileIdentity lower = new ProfileIdentity(CONTOSO, "ada@contoso.com", "");

        assertThat(new ProfileIdentity(CONTOSO, "Ada@Contoso.com", "").sameAs(lower)).isTrue();
    }

    @Test
    void eachChangeIsNamedForTheWarning() {
        ProfileIdentity before = new ProfileIdentity(CONTOSO, "ada@contoso.com", "t1");
        ProfileIdentity after = new ProfileIdentity(URI.create("https://fabrikam.crm4.dynamics.com"), "bob@fabrikam.com", "t2");

        assertThat(after.differencesFrom(before)).containsExactly(Change.SERVER, Change.USER, Change.TENANT);
        assertThat(Change.USER).hasToString("the signed-in user");
    }

    @Test
    void anIdentityWithoutSignInHasAnEmptyUserAndTenant() {
        ProfileIdentity fromToken = new ProfileIdentity(CONTOSO, null, null);

        assertThat(fromToken.user()).isEmpty();
        assertThat(fromToken.tenant()).isEmpty();
        assertThat(new ProfileIdentity(CONTOSO, "ada@contoso.com", "").differencesFrom(fromToken)).containsExactly(Change.USER);
    }

    @Test
    void somethingThatIsNotAServerAddressIsRefused() {
        assertThatThrownBy(() -> new ProfileIdentity(URI.create("contoso"), "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a server address");
    }

    @Test
    void aSavedIdentityReadsBackAndLeavesNoTemporaryFile() throws Exception {
        ProfileIdentity identity = ada("https://Contoso.crm.dynamics.com/");

        identity.write(profile());

        assertThat(ProfileIdentity.read(profile())).contains(identity);
        try (var files = Files.list(profile().path())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("identity.json");
        }
    }

    @Test
    void aProfileWithoutIdentityReadsAsEmpty() {
        assertThat(ProfileIdentity.read(profile())).isEmpty();
    }

    @Test
    void theIdentityOfAProfileWhoseResetWasInterruptedIsGone() throws Exception {
        ada("https://contoso.crm.dynamics.com").write(profile());
        Files.writeString(profile().path().resolve(ProfileReset.MARKER), "");

        assertThat(ProfileIdentity.read(profile())).isEmpty();
    }

    @Test
    void aDamagedIdentityFileIsNamedWithWhatToDo() throws Exception {
        Files.createDirectories(profile().path());
        Files.writeString(profile().path().resolve("identity.json"), "{ not json");

        assertThatThrownBy(() -> ProfileIdentity.read(profile()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("identity.json is damaged")
                .hasMessageContaining("Delete it and connect again");
    }
}
