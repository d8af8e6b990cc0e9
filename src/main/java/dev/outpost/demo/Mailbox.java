package dev.outpost.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo server's mailbox: the Microsoft Graph subset Outpost's Outlook connector uses, under
 * {@code http://127.0.0.1:P/v1.0/} — contacts, calendar view, To Do, Inbox and Sent Items with real delta state,
 * item CRUD, master categories, JSON {@code $batch}, extended properties and linked resources — behind the same
 * bearer tokens and fault knobs as the CRM, plus {@link MailboxFaults}. The real Graph SDK can be pointed at it
 * ({@code requestAdapter.setBaseUrl(server.graphUrl())}).
 */
final class Mailbox {

    static final String ROOT = "/v1.0";

    static final String CONTACTS = "contacts";
    static final String CALENDAR = "calendar";
    static final String TASKS = "tasks";
    static final String INBOX = "inbox";
    static final String SENT_ITEMS = "sentitems";
    static final String CATEGORIES = "categories";

    static final String USER_ID = UUID.nameUUIDFromBytes("outpost-mailbox-user".getBytes(StandardCharsets.UTF_8)).toString();
    static final String ROOT_FOLDER_ID = folderId("root");
    static final String CONTACTS_FOLDER_ID = folderId(CONTACTS);
    static final String CALENDAR_ID = folderId(CALENDAR);
    static final String TODO_LIST_ID = folderId(TASKS);
    static final String INBOX_ID = folderId(INBOX);
    static final String SENT_ITEMS_ID = folderId(SENT_ITEMS);

    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

    private final MailboxStore store;
    private final DemoTokens tokens;
    private final DemoFaults faults;
    private final GraphRoutes routes;
    private final GraphBatch batch;

    /**
     * Opens the mailbox of {@code options.folder()} (or a new one in memory), filling an empty one with sample items.
     *
     * @param base the service root, e.g. {@code http://127.0.0.1:5000/v1.0}
     */
    Mailbox(DemoOptions options, String base, DemoTokens tokens, DemoFaults faults) {
        this.store = options.folder() == null ? MailboxStore.inMemory() : MailboxStore.inFolder(options.folder());
        this.tokens = tokens;
        this.faults = faults;
        if (store.isEmpty()) {
            Instant now = options.sampleTime() != null ? options.sampleTime() : options.clock().instant();
            store.putAll(new MailboxSample(options.seed(), now).entries(options.mailboxItems()));
        }
        MailboxDelta delta = new MailboxDelta(store, faults.mailbox(), options.clock(), options.deltaTokenLifetime(), base);
        this.routes = new GraphRoutes(store, delta, options.clock(), base);
        this.batch = new GraphBatch(this::route, faults);
    }

    /** Answers a request for {@code /v1.0/…}: token, throttling and server-error faults first, as for the CRM. */
    ApiResponse answer(ApiRequest request) {
        Optional<String> rejected = tokens.reject(request.header("Authorization").orElse(null));
        if (rejected.isPresent()) {
            return GraphErrors.unauthorized(rejected.get().contains("expired") ? "Lifetime validation failed, the "
                    + "token is expired."
                    : rejected.get());
        }
        if (faults.throttleNow()) {
            return GraphErrors.throttled(faults.retryAfterSeconds());
        }
        if (faults.failNow()) {
            return GraphErrors.unavailable();
        }
        String path = relative(request.path());
        if (path.equals("$batch")) {
            return request.method().equals("POST") ? safely(() -> batch.handle(request))
                    : GraphErrors.noRoute(request.method(), path);
        }
        return route(request);
    }

    /** Runs one request without the token and fault checks: a socket request that passed them, or a batch part. */
    ApiResponse route(ApiRequest request) {
        return safely(() -> routes.handle(request, relative(request.path())));
    }

    /** How many live items a folder holds ({@code contacts}, {@code calendar}, {@code tasks}, {@code inbox}, …). */
    int count(String folder) {
        return store.count(folder);
    }

    /** The store folder a mail folder id or well-known name means, or null. */
    static String mailFolder(String idOrName) {
        if (idOrName.equalsIgnoreCase(INBOX) || idOrName.equals(INBOX_ID)) {
            return INBOX;
        }
        if (idOrName.equalsIgnoreCase(SENT_ITEMS) || idOrName.equals(SENT_ITEMS_ID)) {
            return SENT_ITEMS;
        }
        return null;
    }

    /**
     * Whether {@code /users/{id}} means the signed-in user: the demo user's id or address, or the SDK's placeholder
     * {@code TokenToReplace} (which GraphClientFactory's middleware normally rewrites to {@code /me}).
     */
    static boolean isMe(String user) {
        return user.equals(USER_ID) || user.equalsIgnoreCase(MailboxSample.ME) || user.equals("TokenToReplace");
    }

    static String mailFolderId(String folder) {
        return folder.equals(INBOX) ? INBOX_ID : SENT_ITEMS_ID;
    }

    private static String folderId(String name) {
        return GraphJson.outlookId("AAMkAGRlbW8uAC4", UUID.nameUUIDFromBytes(("outpost-mailbox-folder:" + name)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code v1.0/me/contacts} → {@code me/contacts}. */
    private static String relative(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        String root = ROOT.substring(1);
        if (p.regionMatches(true, 0, root, 0, root.length())) {
            p = p.substring(root.length());
        }
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private ApiResponse safely(java.util.function.Supplier<ApiResponse> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            // A bug or a broken store: the client sees a Graph 500, the log the cause.
            LOG.error("The demo mailbox failed to answer", e);
            return GraphErrors.error(500, "generalException", "An unexpected error occurred.");
        }
    }
}
