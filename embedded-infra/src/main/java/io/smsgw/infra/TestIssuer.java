package io.smsgw.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the api-service's issuer in the tests of the services that check its tokens: an
 * RSA key, its JWK set served over HTTP on 127.0.0.1 ({@link #jwkSetUri()}), and tokens signed
 * with it. One per test JVM.
 */
public final class TestIssuer {

	private static final RSAKey KEY = generate();

	private static final String JWK_SET_URI = serve();

	private TestIssuer() {
	}

	/** Where the issuer's JWK set is served. */
	public static String jwkSetUri() {
		return JWK_SET_URI;
	}

	/**
	 * A bearer token with these scopes (space separated), valid for ten minutes.
	 * @param tenant the {@code tenant_id} claim, or {@code null} for a token without one (an operator's)
	 */
	public static String token(String tenant, String scopes) {
		try {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
				.subject((tenant != null) ? "client-of-" + tenant : "operator")
				.issuer("http://test-issuer")
				.claim("scope", scopes);
			if (tenant != null) {
				builder.claim("tenant_id", tenant);
			}
			JWTClaimsSet claims = builder.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(600)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(KEY));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
				.privateKey(pair.getPrivate())
				.keyID("test-key")
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String serve() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/oauth2/jwks", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.setExecutor(null);
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
