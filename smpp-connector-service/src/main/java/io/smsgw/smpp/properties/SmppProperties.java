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

import io.smsgw.common.codec.CodecOptions;
import io.smsgw.common.codec.NationalLanguage;
import io.smsgw.smpp.link.ReconnectBackoff;
import io.smsgw.smpp.submit.AddressRules;
import io.smsgw.smpp.submit.Concatenation;
import io.smsgw.smpp.submit.DataCodings;
import io.smsgw.smpp.submit.MessageIdConversion;
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

	/** The binds opened per bind number: transmitter, receiver, transceiver, or a transmitter and a receiver. */
	public enum BindType {

		TX, RX, TRX, TX_RX;

		/** Whether submits can go over this kind of connection. */
		public boolean transmits() {
			return this != RX;
		}

	}

	/** What to do when transient errors outlast the retries. */
	public enum Exhausted {

		/** Publish a retriable dispatch failure, so that the router can try another route. */
		FAIL,

		/** Hand the message back to the dispatch topic of this connection. */
		REQUEUE

	}

	/**
	 * One SMSC account.
	 *
	 * @param id connector id (dispatch topic {@code sms.mt.dispatch.<id>})
	 * @param host SMSC host
	 * @param port SMSC port
	 * @param systemId bind system_id
	 * @param password bind password (never logged)
	 * @param systemType bind system_type, also the service_type of submits (default empty)
	 * @param bindType bind type (default TRX)
	 * @param binds binds of that type opened to this account (default 1; TX_RX opens this many of each)
	 * @param addressRange address_range of receiver and transceiver binds (default empty)
	 * @param windowSize requests in flight per bind (default 50)
	 * @param tps most submit_sm per second over all binds of the connection, 0 for no cap (default 0)
	 * @param enquireLinkInterval pause between enquire_link (default 30 s)
	 * @param responseTimeout longest wait for a response, and for a free window slot (default 10 s)
	 * @param connectTimeout longest wait for the TCP connection and the bind response (default 10 s)
	 * @param reconnect pauses between bind attempts
	 * @param addressing TON/NPI rules
	 * @param dataCoding data_coding values
	 * @param concatenation how long messages are sent (default UDH)
	 * @param registeredDelivery registered_delivery of every submit_sm (default 1: receipt always)
	 * @param validityPeriod validity of messages that carry none (default none: the SMSC's)
	 * @param throttle what ESME_RTHROTTLED and ESME_RMSGQFUL do
	 * @param retry retries of transient errors
	 * @param receiptIdConversion how receipt ids are turned into the form of response ids (default NONE)
	 * @param tls TLS towards the SMSC
	 * @param drainTimeout longest wait on shutdown for the answers to what is in flight (default 5 s)
	 * @param nationalLanguage national shift tables (TS 23.038) the codec may use to keep a text
	 * GSM-7 (default none)
	 * @param gsm7Packing whether GSM-7 user data is sent packed, 7 bits per septet (default false:
	 * one septet per octet, as SMPP 3.4 intends)
	 * @param moReassemblyTimeout how long the parts of a concatenated MO message are held for the
	 * missing ones before what arrived is published with {@code complete=false} (default 5 min)
	 */
	public record Connection(@NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,100}") String id, @NotBlank String host,
			@Min(1) @Max(65535) int port, @NotBlank String systemId, String password, String systemType,
			BindType bindType, @Min(1) @Max(64) Integer binds, String addressRange,
			@Min(1) @Max(10000) Integer windowSize, @DecimalMin("0") Double tps, Duration enquireLinkInterval,
			Duration responseTimeout, Duration connectTimeout, @Valid Reconnect reconnect, @Valid Addressing addressing,
			@Valid DataCoding dataCoding, Concatenation concatenation, @Min(0) @Max(31) Integer registeredDelivery,
			Duration validityPeriod, @Valid Throttle throttle, @Valid Retry retry,
			MessageIdConversion receiptIdConversion, @Valid Tls tls, Duration drainTimeout,
			NationalLanguage nationalLanguage, Boolean gsm7Packing, Duration moReassemblyTimeout) {

		public Connection {
			password = (password != null) ? password : "";
			systemType = (systemType != null) ? systemType : "";
			bindType = (bindType != null) ? bindType : BindType.TRX;
			binds = (binds != null) ? binds : 1;
			addressRange = (addressRange != null) ? addressRange : "";
			windowSize = (windowSize != null) ? windowSize : 50;
			tps = (tps != null) ? tps : 0.0;
			enquireLinkInterval = (enquireLinkInterval != null) ? enquireLinkInterval : Duration.ofSeconds(30);
			responseTimeout = (responseTimeout != null) ? responseTimeout : Duration.ofSeconds(10);
			connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
			reconnect = (reconnect != null) ? reconnect : new Reconnect(null, null, null);
			addressing = (addressing != null) ? addressing : new Addressing(null, null, null, null, null);
			dataCoding = (dataCoding != null) ? dataCoding : new DataCoding(null, null, null);
			concatenation = (concatenation != null) ? concatenation : Concatenation.UDH;
			registeredDelivery = (registeredDelivery != null) ? registeredDelivery : 1;
			throttle = (throttle != null) ? throttle : new Throttle(null, null, null, null, null);
			retry = (retry != null) ? retry : new Retry(null, null, null, null);
			receiptIdConversion = (receiptIdConversion != null) ? receiptIdConversion : MessageIdConversion.NONE;
			tls = (tls != null) ? tls : new Tls(false, false, null, null, null);
			drainTimeout = (drainTimeout != null) ? drainTimeout : Duration.ofSeconds(5);
			nationalLanguage = (nationalLanguage != null) ? nationalLanguage : NationalLanguage.NONE;
			gsm7Packing = (gsm7Packing != null) ? gsm7Packing : false;
			moReassemblyTimeout = (moReassemblyTimeout != null && !moReassemblyTimeout.isNegative() && !moReassemblyTimeout.isZero())
					? moReassemblyTimeout : Duration.ofMinutes(5);
		}

		/** The codec options of this connection, with at most {@code maxParts} parts per message. */
		public CodecOptions codecOptions(int maxParts) {
			return CodecOptions.defaults().withMaxParts(maxParts).withNationalLanguage(this.nationalLanguage);
		}

		@Override
		public String toString() {
			return "Connection[id=" + this.id + ", " + this.host + ":" + this.port + (this.tls.enabled() ? " tls" : "")
					+ ", systemId=" + this.systemId + ", password=***, " + this.bindType + " x" + this.binds
					+ ", window=" + this.windowSize + ", tps=" + ((this.tps > 0) ? this.tps : "no cap") + ", "
					+ this.concatenation + ((this.nationalLanguage != NationalLanguage.NONE) ? ", " + this.nationalLanguage : "")
					+ (this.gsm7Packing ? ", packed" : "") + "]";
		}

	}

	/**
	 * What ESME_RTHROTTLED (0x58) and ESME_RMSGQFUL (0x14) do: the connection slows down (its rate
	 * times {@code slowdown}, at most once per {@code recovery}, never below {@code minTps}; back
	 * up by a tenth of the cap per {@code recovery} without throttling) and the part is tried
	 * again; after {@code retries} tries the message is requeued, never failed.
	 *
	 * @param retries tries again of a throttled part on this connection (default 3)
	 * @param retryDelay pause before a throttled part is tried again, times the try (default 200 ms)
	 * @param slowdown factor on the rate per throttle, 0..1 exclusive (default 0.5)
	 * @param minTps lowest rate (default 1)
	 * @param recovery time without throttling per step back up (default 2 s)
	 */
	public record Throttle(@Min(0) @Max(100) Integer retries, Duration retryDelay,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double slowdown,
			@DecimalMin(value = "0", inclusive = false) Double minTps, Duration recovery) {

		public Throttle {
			retries = (retries != null) ? retries : 3;
			retryDelay = (retryDelay != null) ? retryDelay : Duration.ofMillis(200);
			slowdown = (slowdown != null) ? slowdown : 0.5;
			minTps = (minTps != null) ? minTps : 1.0;
			recovery = (recovery != null) ? recovery : Duration.ofSeconds(2);
		}

	}

	/**
	 * Retries of a part answered with a transient error (e.g. 0x08 ESME_RSYSERR, 0x45
	 * ESME_RSUBMITFAIL), with exponential backoff (Resilience4j Retry).
	 *
	 * @param maxAttempts tries in all, the first included (default 3; 1 = no retry)
	 * @param initialInterval pause before the second try (default 500 ms)
	 * @param multiplier growth of the pause per try (default 2)
	 * @param whenExhausted what then (default FAIL: a retriable dispatch failure for the router)
	 */
	public record Retry(@Min(1) @Max(20) Integer maxAttempts, Duration initialInterval,
			@DecimalMin("1") Double multiplier, Exhausted whenExhausted) {

		public Retry {
			maxAttempts = (maxAttempts != null) ? maxAttempts : 3;
			initialInterval = (initialInterval != null) ? initialInterval : Duration.ofMillis(500);
			multiplier = (multiplier != null) ? multiplier : 2.0;
			whenExhausted = (whenExhausted != null) ? whenExhausted : Exhausted.FAIL;
		}

	}

	/**
	 * TLS towards the SMSC.
	 *
	 * @param enabled whether to use TLS (default false)
	 * @param trustAll accept any server certificate (tests only; default false)
	 * @param trustStore path of the trust store holding the SMSC's certificate or CA (default: the JVM's)
	 * @param trustStorePassword its password (never logged)
	 * @param trustStoreType its type (default PKCS12)
	 */
	public record Tls(boolean enabled, boolean trustAll, String trustStore, String trustStorePassword,
			String trustStoreType) {

		public Tls {
			trustStoreType = (trustStoreType != null) ? trustStoreType : "PKCS12";
		}

		@Override
		public String toString() {
			return "Tls[enabled=" + this.enabled + ", trustAll=" + this.trustAll + ", trustStore=" + this.trustStore
					+ ", trustStorePassword=***, " + this.trustStoreType + "]";
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
	 * @param latin1 when set (e.g. 3), texts ISO-8859-1 can hold go as Latin-1 octets with this
	 * data_coding instead of GSM-7 (default unset)
	 */
	public record DataCoding(@Min(0) @Max(255) Integer gsm7, @Min(0) @Max(255) Integer ucs2,
			@Min(0) @Max(255) Integer latin1) {

		public DataCoding {
			gsm7 = (gsm7 != null) ? gsm7 : 0;
			ucs2 = (ucs2 != null) ? ucs2 : 8;
		}

		public DataCodings toDataCodings() {
			return new DataCodings(this.gsm7, this.ucs2, this.latin1);
		}

	}

}
