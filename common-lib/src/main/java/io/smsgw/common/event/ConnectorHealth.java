package io.smsgw.common.event;

import java.time.Instant;

/**
 * The health of one connector as one instance sees it: binds (or modems) up out of configured.
 *
 * @param connectorId the connector
 * @param instanceId the connector service instance reporting
 * @param linksUp binds or modems that can send now
 * @param linksTotal binds or modems configured
 * @param at when it was observed
 */
@EventSchema(name = "ConnectorHealth", version = 1)
public record ConnectorHealth(String connectorId, String instanceId, int linksUp, int linksTotal, Instant at)
		implements SmsEvent {

	/** Whether the connector can send at all. */
	public boolean isUp() {
		return this.linksUp > 0;
	}

	@Override
	public String key() {
		return this.connectorId;
	}

}
