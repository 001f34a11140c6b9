package io.smsgw.webhook.secret;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * At start, stores the secrets of {@code sms.webhook.signing-secrets} for tenants that have none
 * in the database yet. A stored secret wins over configuration, so that a rotation made at run
 * time survives a restart. Logs tenant ids and counts, never secrets.
 */
public class SigningSecretSeeder implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(SigningSecretSeeder.class);

	private final TenantSecrets secrets;

	private final Map<String, String> configured;

	private final Clock clock;

	public SigningSecretSeeder(TenantSecrets secrets, Map<String, String> configured, Clock clock) {
		this.secrets = secrets;
		this.configured = configured;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		int stored = 0;
		for (Map.Entry<String, String> entry : this.configured.entrySet()) {
			if (this.secrets.putIfAbsent(entry.getKey(), entry.getValue(), this.clock.instant())) {
				stored++;
			}
		}
		if (!this.configured.isEmpty()) {
			log.info("Signing secrets of {} configured tenant(s) {}: {} newly stored, {} kept as already stored",
					this.configured.size(), this.configured.keySet(), stored, this.configured.size() - stored);
		}
	}

}
