package io.oncoaudit.api.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * A tiny OpenID Connect provider on 127.0.0.1 for the OIDC tests: it serves only the discovery
 * document and the JWKS (public key) that quarkus-oidc reads; tokens are signed in the test with the
 * private key, handed over through the config property {@code test.oidc.private-jwk}. No network.
 */
public class LocalOidcProvider implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key-1");
            key.setAlgorithm("RS256");
            key.setUse("sig");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/oncoaudit";
            String discovery = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "authorization_endpoint":"%1$s/protocol/openid-connect/auth","token_endpoint":"%1$s/protocol/openid-connect/token",
                     "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                     "subject_types_supported":["public"]}""".formatted(issuer);
            String jwks = new JsonWebKeySet(List.<JsonWebKey>of(key)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            server.createContext("/realms/oncoaudit/.well-known/openid-configuration", ex -> send(ex, discovery));
            server.createContext("/realms/oncoaudit/protocol/openid-connect/certs", ex -> send(ex, jwks));
            server.start();
            return Map.of(
                    "oncoaudit.oidc.auth-server-url", issuer,
                    "oncoaudit.oidc.client-id", "oncoaudit",
                    "oncoaudit.oidc.role-claim", "realm_access/roles",
                    "test.oidc.private-jwk", key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                    "test.oidc.issuer", issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
    }
}
