package io.smsgw.smpp.cloudhopper;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.ssl.SslConfiguration;
import com.cloudhopper.smpp.type.Address;

import io.smsgw.smpp.properties.SmppProperties.Connection;
import io.smsgw.smpp.properties.SmppProperties.Tls;

/** The Cloudhopper session settings of one bind of a connection: type, window, timeouts, address range, TLS. */
final class BindSessions {

	private BindSessions() {
	}

	static SmppSessionConfiguration config(Connection connection, String name, SmppBindType type) {
		SmppSessionConfiguration config = new SmppSessionConfiguration();
		config.setName(name);
		config.setType(type);
		config.setHost(connection.host());
		config.setPort(connection.port());
		config.setSystemId(connection.systemId());
		config.setPassword(connection.password());
		config.setSystemType(connection.systemType());
		config.setWindowSize(connection.windowSize());
		config.setConnectTimeout(connection.connectTimeout().toMillis());
		config.setBindTimeout(connection.connectTimeout().toMillis());
		config.setRequestExpiryTimeout(connection.responseTimeout().toMillis());
		config.setWindowWaitTimeout(connection.responseTimeout().toMillis());
		config.setWindowMonitorInterval(Math.max(100, connection.responseTimeout().toMillis() / 4));
		config.setCountersEnabled(false);
		if (type != SmppBindType.TRANSMITTER && !connection.addressRange().isEmpty()) {
			config.setAddressRange(new Address((byte) 0, (byte) 0, connection.addressRange()));
		}
		if (connection.tls().enabled()) {
			config.setUseSsl(true);
			config.setSslConfiguration(ssl(connection.tls()));
		}
		// PDUs carry the bind password: keep Cloudhopper's PDU logging off
		config.getLoggingOptions().setLogPdu(false);
		config.getLoggingOptions().setLogBytes(false);
		return config;
	}

	private static SslConfiguration ssl(Tls tls) {
		SslConfiguration ssl = new SslConfiguration();
		ssl.setTrustAll(tls.trustAll());
		if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
			ssl.setTrustStorePath(tls.trustStore());
			ssl.setTrustStorePassword(tls.trustStorePassword());
			ssl.setTrustStoreType(tls.trustStoreType());
			// Cloudhopper insists on a key store even for a client that presents none: the trust
			// store serves (its certificates are only offered if the SMSC asks for client auth)
			ssl.setKeyStorePath(tls.trustStore());
			ssl.setKeyStorePassword(tls.trustStorePassword());
			ssl.setKeyManagerPassword(tls.trustStorePassword());
			ssl.setKeyStoreType(tls.trustStoreType());
		}
		return ssl;
	}

}
