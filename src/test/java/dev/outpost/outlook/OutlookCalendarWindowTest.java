package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;
import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;
import dev.outpost.sync.RemoteChange;

/** The calendar window moves with the days; its anchors say which window they track. */
class OutlookCalendarWindowTest extends OutlookTestSupport {

    private OutlookEndpoint daysLater(int days) {
        return new OutlookEndpoint(settings().clock(Clock.fixed(NOW.plus(Duration.ofDays(days)), ZoneOffset.UTC)),
                waits::add);
    }

    @Test
    void anAnchorIsFollowedWhileTheWindowHasMovedLessThanAWeekWithUtcAskedForOnTheLinkToo() {
        graph.on("GET", "/v1.0/me/calendarView/delta()", 200, "events-delta-empty.json")
                .on("GET", "/v1.0/me/calendarView/delta", 200, "events-delta-empty.json");
        String anchor = endpoint.changes(RecordType.APPOINTMENT, Optional.empty()).anchor().orElseThrow();

        try (OutlookEndpoint later = daysLater(3)) {
            ChangePage page = later.changes(RecordType.APPOINTMENT, Optional.of(anchor));
            assertThat(page.anchor()).hasValueSatisfying(a -> assertThat(a).startsWith("outpost-calendar:1;2026-10-22T00:00:00Z;"));
        }
        GraphStub.Seen followed = graph.seen("GET", "/v1.0/me/calendarView/delta").getFirst();
        assertThat(followed.query()).isEqualTo("$deltatoken=R0usmci39OQxqJrxK5");
        assertThat(followed.header("Prefer")).contains("outlook.timezone=\"UTC\"");
        assertEveryRequestIsAuthorizedAndPrefers(2);
    }

    @Test
    void anAnchorOfAWindowMoreThanAWeekOldIsExpiredSoTheEngineRelistsTheCurrentWindow() {
        graph.on("GET", "/v1.0/me/calendarView/delta()", 200, "events-delta-empty.json");
        String anchor = endpoint.changes(RecordType.APPOINTMENT, Optional.empty()).anchor().orElseThrow();

        try (OutlookEndpoint later = daysLater(8)) {
            assertThatThrownBy(() -> later.changes(RecordType.APPOINTMENT, Optional.of(anchor)))
                    .isInstanceOf(AnchorExpiredException.class).hasMessageContaining("window");
        }
        assertThat(seenBesidesCategories()).hasSize(1);
    }

    @Test
    void anUnsharedItemIsOutOfScopeEvenWhenItCouldNotBeRead() {
        graph.on("GET", "/v1.0/me/contactFolders/contacts/contacts/delta()", 200, "contacts-delta-unshared-unreadable.json");

        assertThat(endpoint.changes(RecordType.CONTACT, Optional.empty()).changes())
                .containsExactly(new RemoteChange.OutOfScope("AAMkAGI2THVVAAA="));
    }
}
