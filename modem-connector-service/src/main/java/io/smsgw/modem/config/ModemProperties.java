package io.smsgw.modem.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.smsgw.modem.rack.RackSettings;
import io.smsgw.modem.rack.RackTimeouts;

/**
 * The modem connector's settings ({@code sms.modem.*}).
 *
 * @param racks the racks, each one connector; none means the service idles
 * @param commandTimeout timeout of an ordinary AT command (default 5 s)
 * @param sendTimeout timeout of one {@code AT+CMGS}, to its final result (default 20 s)
 * @param maxQueueWait longest a message waits for its modem before it goes to another (default 20 s)
 * @param reconnectInterval pause between attempts to bring a modem that is down back up (default 15 s)
 * @param readPoll longest a serial read waits before it checks for a close (default 100 ms)
 * @param probeInterval how often initialised modems are probed and their storage drained (default 30 s)
 * @param reassemblyTimeout how long parts of a concatenated inbound message are awaited (default 5 min)
 */
@ConfigurationProperties("sms.modem")
public record ModemProperties(List<RackSettings> racks, Duration commandTimeout, Duration sendTimeout,
		Duration maxQueueWait, Duration reconnectInterval, Duration readPoll, Duration probeInterval,
		Duration reassemblyTimeout) {

	public ModemProperties {
		racks = (racks != null) ? List.copyOf(racks) : List.of();
		commandTimeout = (commandTimeout != null) ? commandTimeout : Duration.ofSeconds(5);
		sendTimeout = (sendTimeout != null) ? sendTimeout : Duration.ofSeconds(20);
		maxQueueWait = (maxQueueWait != null) ? maxQueueWait : Duration.ofSeconds(20);
		reconnectInterval = (reconnectInterval != null) ? reconnectInterval : Duration.ofSeconds(15);
		readPoll = (readPoll != null) ? readPoll : Duration.ofMillis(100);
		probeInterval = (probeInterval != null) ? probeInterval : Duration.ofSeconds(30);
		reassemblyTimeout = (reassemblyTimeout != null) ? reassemblyTimeout : Duration.ofMinutes(5);
		RackSettings.checkDistinct(racks);
	}

	/** The timeouts every rack uses. */
	public RackTimeouts timeouts() {
		return new RackTimeouts(this.commandTimeout, this.sendTimeout, this.maxQueueWait, this.reconnectInterval,
				this.probeInterval, this.reassemblyTimeout);
	}

}
