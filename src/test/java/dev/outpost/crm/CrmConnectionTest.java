package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class CrmConnectionTest {

    private static final TokenSource TOKEN = TokenSource.fixed("t");

    @Test
    void plainHttpIsRefusedForARemoteHost() {
        assertThatThrownBy(() -> CrmConnection.of(URI.create("http://contoso.crm.dynamics.com/"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
    }

    @Test
    void plainHttpIsAcceptedForLoopback() {
        assertThat(CrmConnection.of(URI.create("http://127.0.0.1:8080"), TOKEN).apiUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/data/v9.2/"));
        assertThat(CrmConnection.of(URI.create("http://localhost:8080/"), TOKEN).pageSize()).isEqualTo(500);
    }

    @Test
    void theServiceRootFollowsTheOrganizationUrl() {
        assertThat(CrmConnection.of(URI.create("https://contoso.crm.dynamics.com"), TOKEN).apiUrl())
                .isEqualTo(URI.create("https://contoso.crm.dynamics.com/api/data/v9.2/"));
    }

    @Test
    void pageSizeAboveDataversesMaximumIsRefused() {
        assertThatThrownBy(() -> CrmConnection.of(URI.create("https://x.example.com/"), TOKEN).pageSize(5001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTokenNeverAppearsInTheConnectionsText() {
        assertThat(CrmConnection.of(URI.create("https://x.example.com/"), TokenSource.fixed("s3cr3t")).toString())
                .doesNotContain("s3cr3t");
    }
}
