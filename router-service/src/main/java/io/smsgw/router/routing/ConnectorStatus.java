package io.smsgw.router.routing;

/** What the router knows about connectors' health. */
@FunctionalInterface
public interface ConnectorStatus {

	/** Every connector counts as up. */
	ConnectorStatus ALL_UP = (connectorId) -> false;

	/** Whether the connector recently reported that it cannot send (no bind or modem up). */
	boolean isDown(String connectorId);

}
