package dev.outpost.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "system browser" of the tests: it opens the sign-in page at the fake identity provider and does what a browser
 * does with the answer (a redirect, or Entra ID's self-submitting form_post page), which lands on MSAL's loopback
 * listener with the code and state.
 */
public final class FollowingBrowser implements Browser {

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final HttpClient client;
    private final List<URL> opened = new ArrayList<>();
    private final Consumer<Map<String, String>> onAnswer;

    public FollowingBrowser(FakeIdentityProvider idp) {
        this(idp, answer -> {
        });
    }

    /** @param onAnswer sees what the provider sent back (code, state) before it goes on to the listener */
    public FollowingBrowser(FakeIdentityProvider idp, Consumer<Map<String, String>> onAnswer) {
        this.client = HttpClient.newBuilder().sslContext(idp.clientTls()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.onAnswer = onAnswer;
    }

    public List<URL> opened() {
        return opened;
    }

    @Override
    public void open(URL signInPage) {
        opened.add(signInPage);
        try {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(signInPage.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 302) {
                URI back = URI.create(page.headers().firstValue("Location").orElseThrow());
                onAnswer.accept(FakeIdentityProvider.form(back.getRawQuery()));
                client.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.discarding());
                return;
            }
            Matcher action = ACTION.matcher(page.body());
            if (page.statusCode() != 200 || !action.find()) {
                throw new IllegalStateException("The sign-in page answered " + page.statusCode() + ": " + page.body());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(page.body());
            while (input.find()) {
                fields.put(input.group(1), input.group(2));
            }
            onAnswer.accept(fields);
            String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            client.send(HttpRequest.newBuilder(URI.create(action.group(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
