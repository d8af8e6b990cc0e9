package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Where the endpoint may send the user's token. */
class OutlookSettingsTest {

    @Test
    void httpsAnywhereAndPlainHttpOnLoopbackAreAccepted() {
        assertThat(OutlookSettings.of(URI.create("https://graph.microsoft.com/v1.0"), () -> "t").base())
                .isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(OutlookSettings.of(URI.create("http://127.0.0.1:8123/v1.0/"), () -> "t").base())
                .isEqualTo("http://127.0.0.1:8123/v1.0");
        assertThat(OutlookSettings.of(URI.create("http://localhost:8123/v1.0"), () -> "t").base())
                .isEqualTo("http://localhost:8123/v1.0");
    }

    @Test
    void autocaptureAndTheSharingOfRepliesAreOffByDefaultAndSurviveOtherChanges() {
        OutlookSettings defaults = OutlookSettings.of(URI.create("https://graph.microsoft.com/v1.0"), () -> "t");

        OutlookSettings both = defaults.autocapture(true).shareReplies(true).pageSize(10).calendarWindow(1, 2);

        assertThat(defaults.autocapture()).isFalse();
        assertThat(defaults.shareReplies()).isFalse();
        assertThat(both.autocapture()).isTrue();
        assertThat(both.shareReplies()).isTrue();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedSayingWhy() {
        assertThatThrownBy(() -> OutlookSettings.of(URI.create("http://graph.example.org/v1.0"), () -> "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use https");
    }

    @Test
    void aUrlThatIsNotAServerRootPlusVersionIsRefused() {
        assertThatThrownBy(() -> OutlookSettings.of(URI.create("https://graph.microsoft.com/beta"), () -> "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/v1.0");
        assertThatThrownBy(() -> OutlookSettings.of(URI.create("https://proxy.example.org/graph/v1.0"), () -> "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutlookSettings.of(URI.create("ftp://graph.microsoft.com/v1.0"), () -> "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
    }

    @Test
    void theTokenGoesOnlyToTheConfiguredServer() {
        OutlookSettings settings = OutlookSettings.of(URI.create("http://127.0.0.1:8123/v1.0"), () -> "t");

        assertThat(settings.isOurs(URI.create("http://127.0.0.1:8123/v1.0/me/contacts"))).isTrue();
        assertThat(settings.isOurs(URI.create("http://127.0.0.1:9999/v1.0/me/contacts"))).isFalse();
        assertThat(settings.isOurs(URI.create("https://graph.microsoft.com/v1.0/me/contacts"))).isFalse();
    }
}
