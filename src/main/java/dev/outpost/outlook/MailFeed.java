package dev.outpost.outlook;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.microsoft.graph.models.Message;

import dev.outpost.sync.AnchorExpiredException;
import dev.outpost.sync.ChangePage;

/**
 * E-mail comes from two folders, Inbox and Sent Items, each with its own delta round. The engine sees one feed: Inbox
 * first, then Sent Items; its tokens carry both folders' links:
 * {@code outpost-mail:1;<folder being read>;<inbox link>;<sent link>} (links URL-encoded, empty = start a listing).
 */
final class MailFeed {

    private static final String PREFIX = "outpost-mail:1;";

    private final DeltaFeed<Message> inbox;
    private final DeltaFeed<Message> sent;

    MailFeed(DeltaFeed<Message> inbox, DeltaFeed<Message> sent) {
        this.inbox = inbox;
        this.sent = sent;
    }

    private record Token(boolean readingSent, String inboxLink, String sentLink) {

        String encode() {
            return PREFIX + (readingSent ? "sent" : "inbox") + ";" + enc(inboxLink) + ";" + enc(sentLink);
        }

        static Token decode(String text) {
            if (!text.startsWith(PREFIX)) {
                throw new AnchorExpiredException("The saved sync position for Outlook e-mail is not one Outpost "
                        + "handed out; a full listing follows.");
            }
            String[] parts = text.substring(PREFIX.length()).split(";", -1);
            if (parts.length != 3 || !(parts[0].equals("sent") || parts[0].equals("inbox"))) {
                throw new AnchorExpiredException("The saved sync position for Outlook e-mail is damaged; a full "
                        + "listing follows.");
            }
            return new Token(parts[0].equals("sent"), dec(parts[1]), dec(parts[2]));
        }

        private static String enc(String link) {
            return link == null ? "" : URLEncoder.encode(link, StandardCharsets.UTF_8);
        }

        private static String dec(String text) {
            return text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    ChangePage changes(Optional<String> from) {
        Token token = from.map(Token::decode).orElse(new Token(false, null, null));
        if (!token.readingSent()) {
            DeltaFeed.Page page = inbox.read(token.inboxLink());
            if (page.nextLink() != null) {
                return ChangePage.more(page.changes(), new Token(false, page.nextLink(), token.sentLink()).encode());
            }
            // Inbox is done; Sent Items follows on the next page (an empty page with a next token is allowed).
            return ChangePage.more(page.changes(), new Token(true, page.deltaLink(), token.sentLink()).encode());
        }
        DeltaFeed.Page page = sent.read(token.sentLink());
        if (page.nextLink() != null) {
            return ChangePage.more(page.changes(), new Token(true, token.inboxLink(), page.nextLink()).encode());
        }
        sent.roundEnded();
        return ChangePage.last(page.changes(), new Token(false, token.inboxLink(), page.deltaLink()).encode());
    }
}
