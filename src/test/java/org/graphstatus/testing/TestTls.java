package org.graphstatus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate and key a test makes for {@code localhost} and {@code 127.0.0.1}, as an operator has them: PEM
 * files, and the PKCS#12 key store Payara reads, made from them with {@code openssl} as docs/operating.md says.
 */
public record TestTls(Path certificate, Path key, Path keyStore, String keyStorePassword, String alias) {

    public static TestTls create(Path folder) {
        try {
            Files.createDirectories(folder);
            var tls = new TestTls(folder.resolve("cert.pem"), folder.resolve("key.pem"), folder.resolve("keystore.p12"),
                    "test-only-password", "graph");
            run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", tls.key.toString(), "-out", tls.certificate.toString());
            run(folder, "openssl", "pkcs12", "-export", "-in", tls.certificate.toString(), "-inkey", tls.key.toString(),
                    "-name", tls.alias, "-out", tls.keyStore.toString(), "-passout", "pass:" + tls.keyStorePassword);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP client that trusts this certificate alone. */
    public HttpClient client() {
        try (InputStream pem = Files.newInputStream(certificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path folder, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
