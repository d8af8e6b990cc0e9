package dev.outpost.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the certificates of one PEM file instead of the system's authorities: for a sign-in server on this
 * computer with a self-signed certificate (the tests' fake identity provider, an integration test rig). Set only on
 * purpose; a normal installation trusts the system's authorities.
 */
public final class TrustedCertificate {

    private TrustedCertificate() {
    }

    /** A socket factory trusting exactly the certificates in the file. */
    public static SSLSocketFactory socketFactory(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("trusted-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("No certificate in " + pemFile);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the certificate file " + pemFile + ": " + e.getMessage(), e);
        }
    }
}
