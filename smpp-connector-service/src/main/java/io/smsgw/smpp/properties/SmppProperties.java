package io.smsgw.smpp.properties;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.smsgw.smpp.link.ReconnectBackoff;
import io.smsgw.smpp.submit.AddressRules;
import io.smsgw.smpp.submit.TonNpi;

/**
 * The SMPP connector's settings ({@code sms.smpp.*}): one entry per SMSC connection, each of
 * which becomes a connector with its own dispatch topic.
 *
 * @param connections the SMSC connections
 * @param codecMaxParts most parts a message may take
 */
@Validated
@ConfigurationProperties("sms.smpp")
public record SmppProperties(@Valid List<Connection> connections, @Min(1) @Max(255) Integer codecMaxParts) {

	public SmppProperties {
		connections = (connections != null) ? List.copyOf(connections) : List.of();
		codecMaxParts = (codecMaxParts != null) ? codecMaxParts : 10;
	}

	/** The SMPP bind types; only transceiver binds are supported for now. */
	public enum BindType {

		TRANSCEIVER

	}

	/**
	 * One SMSC account.
	 *
	 * @param id connector id (dispatch topic {@code sms.mt.dispatch.<id>})
	 * @param host SMSC host
	 * @param port SMSC port
	 * @param systemId bind system_id
	 * @param password bind password (never logged)
	 * @param systemType bind system_type (default empty)
	 * @param bindType bind type (default TRANSCEIVER)
	 * @param binds binds to open to this account (default 1)
	 * @param windowSize requests in flight per bind (default 50)
	 * @param enquireLinkInterval pause between enquire_link (default 30 s)
	 * @param responseTimeout longest wait for a response, and for a free window slot (default 10 s)
	 * @param connectTimeout longest wait for the TCP connection and the bind response (default 10 s)
	 * @param reconnect pauses between bind attempts
	 * @param addressing TON/NPI rules
	 * @param dataCoding data_coding values
	 * @param registeredDelivery registered_delivery of every submit_sm (default 1: receipt always)
	 * @param throttleRetries tries of a throttled part on this bind before the message is requeued (default 3)
	 * @param throttleRetryDelay pause before a throttled part is tried again (default 200 ms)
	 */
	public record Connection(@NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,100}") String id, @NotBlank String host,
			@Min(1) @Max(65535) int port, @NotBlank String systemId, String password, String systemType,
			BindType bindType, @Min(1) @Max(64) Integer binds, @Min(1) @Max(10000) Integer windowSize,
			Duration enquireLinkInterval, Duration responseTimeout, Duration connectTimeout, @Valid Reconnect reconnect,
			@Valid Addressing addressing, @Valid DataCoding dataCoding, @Min(0) @Max(31) Integer registeredDelivery,
			@Min(0) @Max(100) Integer throttleRetries, Duration throttleRetryDelay) {

		public Connection {
			password = (password != null) ? password : "";
			systemType = (systemType != null) ? systemType : "";
			bindType = (bindType != null) ? bindType : BindType.TRANSCEIVER;
			binds = (binds != null) ? binds : 1;
			windowSize = (windowSize != null) ? windowSize : 50;
			enquireLinkInterval = (enquireLinkInterval != null) ? enquireLinkInterval : Duration.ofSeconds(30);
			responseTimeout = (responseTimeout != null) ? responseTimeout : Duration.ofSeconds(10);
			connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
			reconnect = (reconnect != null) ? reconnect : new Reconnect(null, null, null);
			addressing = (addressing != null) ? addressing : new Addressing(null, null, null, null, null);
			dataCoding = (dataCoding != null) ? dataCoding : new DataCoding(null, null);
			registeredDelivery = (registeredDelivery != null) ? registeredDelivery : 1;
			throttleRetries = (throttleRetries != null) ? throttleRetries : 3;
			throttleRetryDelay = (throttleRetryDelay != null) ? throttleRetryDelay : Duration.ofMillis(200);
		}

		@Override
		public String toString() {
			return "Connection[id=" + this.id + ", " + this.host + ":" + this.port + ", systemId=" + this.systemId
					+ ", password=***, binds=" + this.binds + ", window=" + this.windowSize + "]";
		}

	}

	/**
	 * Pauses between bind attempts.
	 *
	 * @param initial first pause (default 1 s)
	 * @param max longest pause (default 60 s)
	 * @param jitter random spread 0..1 (default 0.2)
	 */
	public record Reconnect(Duration initial, Duration max, @DecimalMin("0") @DecimalMax("1") Double jitter) {

		public Reconnect {
			initial = (initial != null) ? initial : Duration.ofSeconds(1);
			max = (max != null) ? max : Duration.ofSeconds(60);
			jitter = (jitter != null) ? jitter : 0.2;
		}

		public ReconnectBackoff toBackoff() {
			return new ReconnectBackoff(this.initial, this.max, this.jitter);
		}

	}

	/**
	 * TON/NPI rules; see {@link AddressRules}.
	 *
	 * @param alphanumeric alphanumeric sender (default 5/0)
	 * @param international E.164 sender (default 1/1)
	 * @param shortCode short code sender (default 3/0)
	 * @param destination destination (default 1/1)
	 * @param shortCodeMaxLength most digits of a short code (default 8)
	 */
	public record Addressing(TonNpi alphanumeric, TonNpi international, TonNpi shortCode, TonNpi destination,
			@Min(1) @Max(15) Integer shortCodeMaxLength) {

		public AddressRules toRules() {
			AddressRules defaults = AddressRules.defaults();
			return new AddressRules((this.alphanumeric != null) ? this.alphanumeric : defaults.alphanumeric(),
					(this.international != null) ? this.international : defaults.international(),
					(this.shortCode != null) ? this.shortCode : defaults.shortCode(),
					(this.destination != null) ? this.destination : defaults.destination(),
					(this.shortCodeMaxLength != null) ? this.shortCodeMaxLength : defaults.shortCodeMaxLength());
		}

	}

	/**
	 * data_coding values per encoding.
	 *
	 * @param gsm7 for GSM 03.38 texts (default 0, the SMSC default alphabet)
	 * @param ucs2 for UCS-2 texts (default 8)
	 */
	public record DataCoding(@Min(0) @Max(255) Integer gsm7, @Min(0) @Max(255) Integer ucs2) {

		public DataCoding {
			gsm7 = (gsm7 != null) ? gsm7 : 0;
			ucs2 = (ucs2 != null) ? ucs2 : 8;
		}

	}

}
