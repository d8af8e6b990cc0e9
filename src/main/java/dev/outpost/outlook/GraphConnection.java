package dev.outpost.outlook;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Graph SDK client the endpoint talks through: a bearer token from the settings' supplier, the OkHttp client
 * from {@link GraphClientFactory} (its middleware retries 429/503/504 honouring Retry-After and rewrites
 * {@code /users/TokenToReplace} to {@code /me}), the base URL of the settings, and the Prefer header on every request.
 */
final class GraphConnection implements AutoCloseable {

    /** Statuses worth another try after Retry-After, as the SDK's retry middleware treats them. */
    static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);

    private final OutlookSettings settings;
    private final OkHttpClient http;
    private final GraphServiceClient client;

    GraphConnection(OutlookSettings settings) {
        this.settings = settings;
        BaseBearerTokenAuthenticationProvider auth = new BaseBearerTokenAuthenticationProvider(new TokenProvider(settings));
        this.http = GraphClientFactory.create(auth).addInterceptor(new PreferEveryRequest(settings.pageSize()))
                .socketFactory(new NoDelaySockets()).build();
        // The base URL must be in the adapter before the client is made: the client copies it into the path
        // parameters of every request builder, and batch parts are built from those without the adapter's later
        // setBaseUrl (they would name graph.microsoft.com while the envelope goes to the configured server).
        this.client = new GraphServiceClient(new BaseGraphRequestAdapter(auth, settings.base(), http));
        client.getRequestAdapter().setBaseUrl(settings.base());
    }

    GraphServiceClient client() {
        return client;
    }

    OutlookSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * Sockets with Nagle's algorithm off. OkHttp writes a POST's or PATCH's headers and body in separate segments;
     * with Nagle on, the body waits for the ACK of the headers, which the server delays (40 ms on Linux): every
     * {@code $batch} cost 40 ms of nothing (JFR: the server blocked reading the body; 17 s of a 544-item push).
     * TLS sockets are layered over these, so real Graph gains the same.
     */
    private static final class NoDelaySockets extends javax.net.SocketFactory {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        @Override
        public java.net.Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
                int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        private static java.net.Socket noDelay(java.net.Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /** The token supplier as Kiota's provider; the token goes only to the configured server. */
    private static final class TokenProvider implements AccessTokenProvider {
        private final OutlookSettings settings;
        private final AllowedHostsValidator hosts;

        TokenProvider(OutlookSettings settings) {
            this.settings = settings;
            this.hosts = new AllowedHostsValidator(settings.baseUrl().getHost());
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            if (!settings.isOurs(uri)) {
                // A link from a page pointing elsewhere must not carry the user's token.
                throw new IllegalArgumentException("Refusing to send the Outlook sign-in to " + uri.getHost());
            }
            String token = settings.token().get();
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("There is no Outlook sign-in token. Sign in to Outlook, then sync again.");
            }
            return token;
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }
    }

    /**
     * Adds {@link GraphPrefer#common} to a request that carries no Prefer header: the {@code $batch} envelope the SDK
     * builds itself, and anything else a request configurator missed. Requests built by this package already carry
     * it (inside a batch too, where only the part's own headers count).
     */
    private static final class PreferEveryRequest implements Interceptor {
        private final int pageSize;

        PreferEveryRequest(int pageSize) {
            this.pageSize = pageSize;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (request.header("Prefer") == null) {
                request = request.newBuilder().header("Prefer", GraphPrefer.common(pageSize).value()).build();
            }
            return chain.proceed(request);
        }
    }
}
