package dev.outpost.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An Entra ID stand-in for tests: HTTPS on 127.0.0.1 (a self-signed certificate made at test time), speaking the
 * wire protocol MSAL4J uses with an AAD-style authority https://localhost:PORT/&lt;tenant&gt;/ and instance discovery
 * off: /&lt;tenant&gt;/oauth2/v2.0/authorize (authorization code + PKCE S256, form_post or query), /token
 * (authorization_code, refresh_token, device_code grants) and /devicecode. Tokens are opaque random strings; the
 * id token is an unsigned JWT (MSAL4J decodes it without checking a signature); client_info gives the account.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    /** A person who can sign in. */
    public record FakeUser(String name, String objectId, String tenantId) {
        public static FakeUser of(String name, String tenantId) {
            return new FakeUser(name, "oid-" + name.replaceAll("[^A-Za-z0-9]", "-"), tenantId);
        }
    }

    private record PendingCode(String clientId, String redirectUri, String challenge, String scope, String nonce,
                               FakeUser user) {
    }

    private record DeviceGrant(String clientId, String scope, String userCode, FakeUser[] approvedAs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");

    private final HttpsServer server;
    private final String tenant;
    private volatile FakeUser user;
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile boolean wrongState;
    private volatile boolean approveDeviceCodes = true;
    private volatile String fixedAccessToken;
    private volatile Duration deviceCodeLifetime = Duration.ofMinutes(15);
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, FakeUser> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, DeviceGrant> deviceCodes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

    private FakeIdentityProvider(String tenant, FakeUser user) throws IOException {
        this.tenant = tenant;
        this.user = user;
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificate.get().serverTls()));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A provider for the tenant, signing everyone in as the user (until {@link #signInAs} says otherwise). */
    public static FakeIdentityProvider start(String tenant, FakeUser user) throws IOException {
        return new FakeIdentityProvider(tenant, user);
    }

    /**
     * Every access token issued from now on is this one (and still recorded): for a CRM stand-in that accepts one
     * fixed token, like the demo server.
     */
    public void issueAccessTokensAs(String token) {
        this.fixedAccessToken = token;
    }

    /** The authority MSAL is given: https://localhost:PORT/&lt;tenant&gt;/. */
    public URI authority() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/" + tenant + "/");
    }

    /** TLS that trusts this provider (and nothing else). */
    public SSLSocketFactory trust() {
        return SelfSignedCertificate.get().clientTls().getSocketFactory();
    }

    SSLContext clientTls() {
        return SelfSignedCertificate.get().clientTls();
    }

    /** The provider's certificate as a PEM file. */
    public Path certificateFile() {
        return SelfSignedCertificate.get().pem();
    }

    /** Who the next sign-in (browser or device code) is. */
    public void signInAs(FakeUser next) {
        this.user = next;
    }

    /** How long access tokens issued from now on last. */
    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** Every refresh token issued so far is revoked: a refresh answers invalid_grant. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** The authorize page sends the browser back with another state than it was given (an attacker's). */
    void answerWithWrongState() {
        this.wrongState = true;
    }

    /** Device codes stay pending (the user never approves) and expire after the given time. */
    public void neverApproveDeviceCodes(Duration expiry) {
        this.approveDeviceCodes = false;
        this.deviceCodeLifetime = expiry;
    }

    /** Whether this access token was issued, and for which scope. */
    public String scopeOf(String accessToken) {
        return accessTokens.get(accessToken);
    }

    public List<String> issuedAccessTokens() {
        synchronized (accessTokens) {
            return List.copyOf(accessTokens.keySet());
        }
    }

    /** How many token requests of this grant type came (refused ones too). */
    public int tokenRequests(String grantType) {
        return grants.getOrDefault(grantType, new AtomicInteger()).get();
    }

    /** Why requests were refused, in the provider's words (error codes). */
    public List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/" + tenant + "/oauth2/v2.0/";
            if (!path.startsWith(prefix)) {
                send(exchange, 404, "text/plain", "no such page: " + path);
                return;
            }
            switch (path.substring(prefix.length())) {
                case "authorize" -> authorize(exchange, form(exchange.getRequestURI().getRawQuery()));
                case "token" -> token(exchange, form(body(exchange)));
                case "devicecode" -> deviceCode(exchange, form(body(exchange)));
                default -> send(exchange, 404, "text/plain", "no such endpoint: " + path);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", e.toString());
        }
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirect = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || redirect == null || !redirect.startsWith("http://localhost")
                || query.get("state") == null) {
            refuse(exchange, "invalid_request", "response_type=code, a loopback redirect_uri and a state are required");
            return;
        }
        if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            refuse(exchange, "invalid_request", "AADSTS9002325: Proof Key for Code Exchange is required");
            return;
        }
        String code = random("code-");
        codes.put(code, new PendingCode(query.get("client_id"), redirect, query.get("code_challenge"),
                query.get("scope"), query.get("nonce"), user));
        String state = wrongState ? "forged-" + query.get("state") : query.get("state");
        if ("form_post".equals(query.get("response_mode"))) {
            // What Entra ID does: a page whose form the browser posts to the redirect URI.
            send(exchange, 200, "text/html", "<html><body onload=\"document.forms[0].submit()\"><form method=\"POST\" "
                    + "action=\"" + redirect + "\"><input type=\"hidden\" name=\"code\" value=\"" + code + "\"/>"
                    + "<input type=\"hidden\" name=\"state\" value=\"" + state + "\"/></form></body></html>");
        } else {
            exchange.getResponseHeaders().set("Location", redirect + "?code=" + enc(code) + "&state=" + enc(state));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        String grant = form.getOrDefault("grant_type", "");
        grants.computeIfAbsent(grant, g -> new AtomicInteger()).incrementAndGet();
        switch (grant) {
            case "authorization_code" -> {
                PendingCode pending = codes.remove(form.getOrDefault("code", ""));
                if (pending == null) {
                    refuse(exchange, "invalid_grant", "AADSTS70008: The provided authorization code is unknown or used");
                } else if (!pending.redirectUri().equals(form.get("redirect_uri"))
                        || !pending.clientId().equals(form.get("client_id"))) {
                    refuse(exchange, "invalid_grant", "AADSTS50011: redirect_uri or client_id differ from the request's");
                } else if (!s256(form.getOrDefault("code_verifier", "")).equals(pending.challenge())) {
                    refuse(exchange, "invalid_grant", "AADSTS501481: The Code_Verifier does not match the code_challenge");
                } else {
                    issue(exchange, pending.user(), form.get("client_id"), form.get("scope"), pending.nonce());
                }
            }
            case "refresh_token" -> {
                FakeUser owner = refreshTokens.get(form.getOrDefault("refresh_token", ""));
                if (owner == null) {
                    refuse(exchange, "invalid_grant", "AADSTS70008: The refresh token has expired or was revoked");
                } else {
                    issue(exchange, owner, form.get("client_id"), form.get("scope"), null);
                }
            }
            // MSAL4J sends the short name Entra ID accepts besides RFC 8628's URN.
            case "device_code", "urn:ietf:params:oauth:grant-type:device_code" -> {
                DeviceGrant device = deviceCodes.get(form.getOrDefault("device_code", ""));
                if (device == null) {
                    refuse(exchange, "expired_token", "AADSTS70020: The device code is unknown or expired");
                } else if (device.approvedAs()[0] == null) {
                    if (approveDeviceCodes) {
                        device.approvedAs()[0] = user; // the user approves while the app waits
                    }
                    refuse(exchange, "authorization_pending", "AADSTS70016: Pending end-user authorization");
                } else {
                    deviceCodes.remove(form.get("device_code"));
                    issue(exchange, device.approvedAs()[0], form.get("client_id"), device.scope(), null);
                }
            }
            default -> refuse(exchange, "unsupported_grant_type", "AADSTS70003: unsupported grant " + grant);
        }
    }

    private void deviceCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        String deviceCode = random("device-");
        String userCode = String.format("%04X-%04X", RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000));
        deviceCodes.put(deviceCode, new DeviceGrant(form.get("client_id"), form.get("scope"), userCode, new FakeUser[1]));
        String page = "https://localhost:" + server.getAddress().getPort() + "/devicelogin";
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user_code", userCode);
        answer.put("device_code", deviceCode);
        answer.put("verification_uri", page);
        answer.put("expires_in", deviceCodeLifetime.toSeconds());
        answer.put("interval", 1);
        answer.put("message", "To sign in, use a web browser to open the page " + page + " and enter the code "
                + userCode + " to authenticate.");
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private void issue(HttpExchange exchange, FakeUser who, String clientId, String requested, String nonce)
            throws IOException {
        String scope = requested == null ? "" : java.util.Arrays.stream(requested.split(" "))
                .filter(s -> !s.isBlank() && !OIDC_SCOPES.contains(s)).collect(Collectors.joining(" "));
        String accessToken = fixedAccessToken != null ? fixedAccessToken : random("at-");
        String refreshToken = random("rt-");
        accessTokens.put(accessToken, scope);
        refreshTokens.put(refreshToken, who);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", clientId);
        claims.put("iss", authority() + "v2.0");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("name", who.name());
        claims.put("oid", who.objectId());
        claims.put("preferred_username", who.name());
        claims.put("sub", "sub-" + who.objectId());
        claims.put("tid", who.tenantId());
        claims.put("ver", "2.0");
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("scope", scope);
        answer.put("expires_in", accessTokenLifetime.toSeconds());
        answer.put("ext_expires_in", accessTokenLifetime.toSeconds());
        answer.put("access_token", accessToken);
        answer.put("refresh_token", refreshToken);
        answer.put("id_token", b64(JSON.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT"))) + "."
                + b64(JSON.writeValueAsBytes(claims)) + ".");
        answer.put("client_info", b64(JSON.writeValueAsBytes(Map.of("uid", who.objectId(), "utid", who.tenantId()))));
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private void refuse(HttpExchange exchange, String error, String description) throws IOException {
        refusals.add(error + ": " + description);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("error_codes", List.of(70008));
        answer.put("timestamp", Instant.now().toString());
        answer.put("trace_id", "trace");
        answer.put("correlation_id", "correlation");
        send(exchange, 400, "application/json", JSON.writeValueAsString(answer));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + b64(bytes);
    }
}
