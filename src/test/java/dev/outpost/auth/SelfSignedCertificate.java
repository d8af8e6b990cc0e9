package dev.outpost.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The fake identity provider's TLS certificate for localhost and 127.0.0.1, made once per test JVM with the JDK's
 * keytool (no library, nothing committed): the server's TLS, a client TLS trusting only it, and it as a PEM file.
 */
record SelfSignedCertificate(SSLContext serverTls, SSLContext clientTls, Path pem) {

    private static volatile SelfSignedCertificate made;

    static SelfSignedCertificate get() {
        SelfSignedCertificate certificate = made;
        if (certificate == null) {
            synchronized (SelfSignedCertificate.class) {
                if (made == null) {
                    made = make();
                }
                certificate = made;
            }
        }
        return certificate;
    }

    private static SelfSignedCertificate make() {
        try {
            Path dir = Files.createTempDirectory("fake-idp");
            Path store = dir.resolve("idp.p12");
            Path pem = dir.resolve("idp.pem");
            char[] password = "fake-idp-pass".toCharArray();
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "idp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(password));
            run(keytool, "-exportcert", "-rfc", "-alias", "idp", "-keystore", store.toString(), "-storepass",
                    new String(password), "-file", pem.toString());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("idp", keys.getCertificate("idp"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new SelfSignedCertificate(server, client, pem);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the fake identity provider's certificate", e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
