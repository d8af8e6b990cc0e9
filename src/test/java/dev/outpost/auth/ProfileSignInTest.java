package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;

/** Whose offline copy a profile holds, against who is signed in: the check the window and the CLI share. */
class ProfileSignInTest {

    private static final URI CRM = URI.create("https://contoso.crm.dynamics.com");
    private static final SignedInUser BOB = new SignedInUser("bob@contoso.com", "tid-contoso", "oid-bob.tid-contoso");

    @TempDir
    Path folder;

    @Test
    void aProfileWithoutAnIdentityIsNobodysCopy() {
        assertThat(ProfileSignIn.anotherUsersCopy(new ProfileFolder(folder), BOB)).isEmpty();
    }

    @Test
    void anIdentityWithoutAUserIsNobodysCopy() {
        ProfileFolder profile = new ProfileFolder(folder);
        new ProfileIdentity(CRM, "", "").write(profile); // connected, never signed in

        assertThat(ProfileSignIn.anotherUsersCopy(profile, BOB)).isEmpty();
    }

    @Test
    void theSameUserInAnotherCaseIsTheOwner() {
        ProfileFolder profile = new ProfileFolder(folder);
        new ProfileIdentity(CRM, "Bob@Contoso.com", "tid-contoso").write(profile);

        assertThat(ProfileSignIn.anotherUsersCopy(profile, BOB)).isEmpty();
    }

    @Test
    void anotherRecordedUserNamesBoth() {
        ProfileFolder profile = new ProfileFolder(folder);
        new ProfileIdentity(CRM, "ada@contoso.com", "tid-contoso").write(profile);

        assertThat(ProfileSignIn.anotherUsersCopy(profile, BOB))
                .contains(new AnotherUsersCopy("ada@contoso.com", "bob@contoso.com"));
    }
}
