package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    @Test
    void theCrmScopeIsTheOrganizationUrlWithDefault() {
        assertThat(SignInSettings.crmScope(URI.create("https://contoso.crm4.dynamics.com/")))
                .isEqualTo("https://contoso.crm4.dynamics.com/.default");
        assertThat(SignInSettings.crmScope(URI.create("https://contoso.crm.dynamics.com")))
                .isEqualTo("https://contoso.crm.dynamics.com/.default");
    }

    @Test
    void theGraphScopeIsTheGraphServersRootWithDefault() {
        assertThat(SignInSettings.graphScope(URI.create("https://graph.microsoft.com/v1.0")))
                .isEqualTo("https://graph.microsoft.com/.default");
        assertThat(SignInSettings.graphScope(URI.create("http://127.0.0.1:8123/v1.0")))
                .isEqualTo("http://127.0.0.1:8123/.default");
    }

    @Test
    void aTenantBecomesItsEntraAuthority() {
        assertThat(SignInSettings.forTenant("app", "contoso.onmicrosoft.com").authority())
                .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/"));
    }

    @Test
    void theAuthorityGetsItsTrailingSlash() {
        assertThat(new SignInSettings("app", URI.create("https://login.microsoftonline.com/organizations")).authority())
                .isEqualTo(SignInSettings.ORGANIZATIONS);
    }

    @Test
    void aPlainHttpAuthorityIsRefusedSayingWhy() {
        assertThatThrownBy(() -> new SignInSettings("app", URI.create("http://127.0.0.1:9000/tenant/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https")
                .hasMessageContaining("unencrypted");
    }

    @Test
    void anHttpsAuthorityOnThisComputerIsAllowed() {
        assertThat(new SignInSettings("app", URI.create("https://localhost:9443/tenant/")).authority().getPort())
                .isEqualTo(9443);
    }

    @Test
    void anAuthorityWithoutTenantIsRefused() {
        assertThatThrownBy(() -> new SignInSettings("app", URI.create("https://login.microsoftonline.com/")))
                .hasMessageContaining("names no tenant");
    }

    @Test
    void aClientIdIsRequired() {
        assertThatThrownBy(() -> new SignInSettings(" ", SignInSettings.ORGANIZATIONS)).hasMessageContaining("client id");
    }

    @Test
    void aTenantWithOddCharactersIsRefused() {
        assertThatThrownBy(() -> SignInSettings.tenantAuthority("contoso/../evil")).hasMessageContaining("is not a tenant");
    }
}
