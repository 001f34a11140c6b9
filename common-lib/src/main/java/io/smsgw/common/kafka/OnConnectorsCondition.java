package io.smsgw.common.kafka;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

import io.smsgw.common.connector.ConnectorSet;
import io.smsgw.common.connector.SmsConnector;

/** Matches when the service defines connectors. */
class OnConnectorsCondition extends AnyNestedCondition {

	OnConnectorsCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBean(SmsConnector.class)
	static class HasConnector {

	}

	@ConditionalOnBean(ConnectorSet.class)
	static class HasConnectorSet {

	}

}
