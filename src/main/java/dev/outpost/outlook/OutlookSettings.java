package dev.outpost.outlook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the Outlook endpoint reaches the mailbox and what it syncs.
 *
 * @param baseUrl         Graph's root, ending in {@code /v1.0} (the SDK's batch code cuts those 5 characters off);
 *                        https, or plain http to a loopback address only (the demo mailbox, tests)
 * @param token           the bearer token to send now; asked before every request, never logged
 * @param pageSize        {@code Prefer: odata.maxpagesize}, sent on every request
 * @param shareCategory   the category that puts an Outlook item in scope ("Shared with CRM")
 * @param daysBack        how far back the calendar window reaches
 * @param daysAhead       how far ahead the calendar window reaches
 * @param contactFolderId the contact folder synced; "contacts" names the default folder
 * @param clock           the clock the calendar window moves with
 * @param maxRetryWait    the longest Retry-After a throttled batch part is waited for before it is reported retryable
 * @param autocapture     every appointment in the calendar window is in scope, shared or not (the seeds' "autocapture
 *                        of appointments"); off by default
 * @param shareReplies    a message in a conversation that holds a shared message is shared too, and gets the category
 *                        (the seeds' "automatic sharing of email responses", an option an administrator enables); off
 *                        by default
 */
public record OutlookSettings(URI baseUrl, Supplier<String> token, int pageSize, String shareCategory, int daysBack,
        int daysAhead, String contactFolderId, Clock clock, Duration maxRetryWait, boolean autocapture,
        boolean shareReplies) {

    public static final String DEFAULT_CATEGORY = "Shared with CRM";

    public OutlookSettings {
        Objects.requireNonNull(token);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(maxRetryWait);
        baseUrl = checkedBaseUrl(baseUrl);
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("The page size must be between 1 and 1000, not " + pageSize);
        }
        if (shareCategory == null || shareCategory.isBlank()) {
            throw new IllegalArgumentException("The sharing category needs a name");
        }
        if (daysBack < 0 || daysAhead < 1) {
            throw new IllegalArgumentException("The calendar window must reach at least one day ahead");
        }
        if (contactFolderId == null || contactFolderId.isBlank()) {
            throw new IllegalArgumentException("The contact folder needs an id");
        }
    }

    /**
     * The defaults: pages of 100, "Shared with CRM", 30 days back and 180 ahead, the default contact folder, no
     * autocapture, no sharing of replies.
     */
    public static OutlookSettings of(URI baseUrl, Supplier<String> token) {
        return new OutlookSettings(baseUrl, token, 100, DEFAULT_CATEGORY, 30, 180, "contacts", Clock.systemUTC(),
                Duration.ofSeconds(30), false, false);
    }

    public OutlookSettings pageSize(int size) {
        return new OutlookSettings(baseUrl, token, size, shareCategory, daysBack, daysAhead, contactFolderId, clock,
                maxRetryWait, autocapture, shareReplies);
    }

    public OutlookSettings shareCategory(String name) {
        return new OutlookSettings(baseUrl, token, pageSize, name, daysBack, daysAhead, contactFolderId, clock,
                maxRetryWait, autocapture, shareReplies);
    }

    public OutlookSettings calendarWindow(int back, int ahead) {
        return new OutlookSettings(baseUrl, token, pageSize, shareCategory, back, ahead, contactFolderId, clock,
                maxRetryWait, autocapture, shareReplies);
    }

    public OutlookSettings contactFolder(String id) {
        return new OutlookSettings(baseUrl, token, pageSize, shareCategory, daysBack, daysAhead, id, clock,
                maxRetryWait, autocapture, shareReplies);
    }

    public OutlookSettings clock(Clock newClock) {
        return new OutlookSettings(baseUrl, token, pageSize, shareCategory, daysBack, daysAhead, contactFolderId,
                newClock, maxRetryWait, autocapture, shareReplies);
    }

    public OutlookSettings maxRetryWait(Duration wait) {
        return new OutlookSettings(baseUrl, token, pageSize, shareCategory, daysBack, daysAhead, contactFolderId, clock,
                wait, autocapture, shareReplies);
    }

    /**
     * The choices a profile keeps for its mailbox (`outpost connect`), all at once: the window and the command line
     * both call this, so an option added here is a compile error until both pass it.
     */
    public OutlookSettings choices(String category, int back, int ahead, boolean capture, boolean replies) {
        return shareCategory(category).calendarWindow(back, ahead).autocapture(capture).shareReplies(replies);
    }

    public OutlookSettings autocapture(boolean on) {
        return new OutlookSettings(baseUrl, token, pageSize, shareCategory, daysBack, daysAhead, contactFolderId, clock,
                maxRetryWait, on, shareReplies);
    }

    public OutlookSettings shareReplies(boolean on) {
        return new OutlookSettings(baseUrl, token, pageSize, shareCategory, daysBack, daysAhead, contactFolderId, clock,
                maxRetryWait, autocapture, on);
    }

    /** The base URL without a trailing slash, as the SDK's request adapter wants it. */
    String base() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whether a URL may receive the bearer token: same scheme, host and port as the base. */
    boolean isOurs(URI uri) {
        return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                && uri.getHost() != null && uri.getHost().equalsIgnoreCase(baseUrl.getHost())
                && uri.getPort() == baseUrl.getPort();
    }

    static boolean isLoopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.startsWith("127.") || h.equals("[::1]")
                || h.equals("::1");
    }

    private static URI checkedBaseUrl(URI url) {
        Objects.requireNonNull(url, "The Graph URL is missing");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("The Graph URL " + url + " is not an absolute http(s) URL");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("The Graph URL " + url + " uses plain http to another machine; "
                    + "use https (plain http is only accepted for this computer's own loopback address)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The Graph URL " + url + " must start with https://");
        }
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        if (!path.equals("/v1.0")) {
            // The SDK's batch code writes each part's URL as the request path minus its first 5 characters.
            throw new IllegalArgumentException("The Graph URL " + url
                    + " must be a server's root plus /v1.0, e.g. https://graph.microsoft.com/v1.0");
        }
        return url;
    }
}
