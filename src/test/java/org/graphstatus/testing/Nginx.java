package org.graphstatus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx terminating TLS in front of the service, configured as "Behind a proxy" in docs/security.md shows,
 * from a configuration file of the test's own ({@code nginx -c FILE -p DIR}, in the foreground). It connects to
 * the service from {@link #PROXY_ADDRESS}, so that the service can tell its requests from a client's on
 * 127.0.0.1. {@code ./mvnw verify} installs nginx when it is missing (src/test/sh/debian-packages.sh).
 */
public final class Nginx implements AutoCloseable {

    /** The address nginx connects to the service from: the one the service trusts in these tests. */
    public static final String PROXY_ADDRESS = "127.0.0.2";

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** nginx on https://localhost:{port} with {@code tls}, forwarding to the service on {@code servicePort}. */
    public static Nginx start(Path folder, int port, int servicePort, TestTls tls) {
        try {
            Files.createDirectories(folder.resolve("temp"));
            Path conf = folder.resolve("nginx.conf");
            Files.writeString(conf, """
                    daemon off;
                    master_process off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events {}
                    http {
                        access_log %1$s/access.log;
                        client_body_temp_path %1$s/temp/body;
                        proxy_temp_path %1$s/temp/proxy;
                        fastcgi_temp_path %1$s/temp/fastcgi;
                        uwsgi_temp_path %1$s/temp/uwsgi;
                        scgi_temp_path %1$s/temp/scgi;
                        server {
                            listen 127.0.0.1:%2$d ssl;
                            server_name localhost;
                            ssl_certificate %3$s;
                            ssl_certificate_key %4$s;
                            location / {
                                proxy_pass http://127.0.0.1:%5$d;
                                proxy_bind %6$s;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $http_host;
                                proxy_set_header Forwarded "for=$remote_addr;proto=$scheme;host=\\"$http_host\\"";
                                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                                proxy_set_header X-Forwarded-Proto $scheme;
                                proxy_set_header X-Forwarded-Host $host;
                                proxy_set_header X-Forwarded-Port $server_port;
                            }
                        }
                    }
                    """.formatted(folder.toAbsolutePath(), port, tls.certificate().toAbsolutePath(),
                    tls.key().toAbsolutePath(), servicePort, PROXY_ADDRESS));
            Process process = new ProcessBuilder(List.of("/usr/sbin/nginx", "-c", conf.toAbsolutePath().toString(),
                    "-p", folder.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
            var nginx = new Nginx(process, port);
            nginx.awaitListening(folder);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void awaitListening(Path folder) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx stopped; see " + folder.resolve("error.log") + " and nginx.out");
            }
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                ChildProcesses.pause();
            }
        }
        throw new AssertionError("nginx did not listen on " + port + "; see " + folder.resolve("error.log"));
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
