package io.smsgw.api.security;

import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import io.smsgw.api.config.ApiProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@Test
	void configuredPemKeyIsUsedWithAStableKeyId() throws Exception {
		RSAKey generated = SigningKeys.generate();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generated.toPrivateKey().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";

		RSAKey fromValue = SigningKeys.load(jwt(null, pem, null));
		RSAKey fromFile = SigningKeys.load(jwt(new ByteArrayResource(pem.getBytes()), null, null));

		assertThat(fromValue.toRSAPublicKey().getModulus()).isEqualTo(generated.toRSAPublicKey().getModulus());
		assertThat(fromValue.getKeyID()).isEqualTo(generated.getKeyID()).isEqualTo(fromFile.getKeyID());
		assertThat(SigningKeys.load(jwt(null, pem, "key-2025")).getKeyID()).isEqualTo("key-2025");
	}

	@Test
	void generatedKeysDifferPerStart() {
		assertThat(SigningKeys.load(jwt(null, null, null)).getKeyID())
			.isNotEqualTo(SigningKeys.load(jwt(null, null, null)).getKeyID());
	}

	@Test
	void unreadableKeyFailsStartupWithoutEchoingIt() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.load(jwt(null, "not a key", null)))
			.withMessageNotContaining("not a key");
	}

	private static ApiProperties.Jwt jwt(org.springframework.core.io.Resource location, String pem, String keyId) {
		return new ApiProperties.Jwt(null, null, null, null, location, pem, keyId, null, null, null);
	}

}
