package io.smsgw.common.connector;

import java.util.List;

/**
 * A set of connectors built from configuration (SMSC connections, modem racks), for services
 * that run several. The dispatch runtime serves these and any single {@link SmsConnector}.
 */
public interface ConnectorSet {

	/** The connectors, each with its own dispatch topic. */
	List<SmsConnector> connectors();

}
