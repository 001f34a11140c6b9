package io.smsgw.api.message;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.phone.PhoneNumbers;

/**
 * Checks and normalizes a message request, reporting every field that is wrong at once.
 */
final class MessageValidator {

	private static final int MAX_URL_LENGTH = 2048;

	private final int maxParts;

	private final Duration maxValidity;

	private final Duration maxScheduleAhead;

	MessageValidator(int maxParts) {
		this(maxParts, Duration.ofDays(7), Duration.ofDays(30));
	}

	MessageValidator(int maxParts, Duration maxValidity, Duration maxScheduleAhead) {
		this.maxParts = maxParts;
		this.maxValidity = maxValidity;
		this.maxScheduleAhead = maxScheduleAhead;
	}

	/**
	 * Like {@link #validate(SendMessageRequest, String, Integer, boolean, Instant)} with the service
	 * limits and no tenant transliteration, now.
	 */
	ValidMessage validate(SendMessageRequest request, String defaultRegion) {
		return validate(request, defaultRegion, null, false, Instant.now());
	}

	/**
	 * The request, normalized and encoded.
	 * @param defaultRegion the tenant's region for national numbers, or {@code null}
	 * @param tenantMaxParts the tenant's own parts limit (lower than the service's to count), or
	 * {@code null}
	 * @param tenantTransliterate the tenant's transliteration setting, used when the request has none
	 * @param now the time of acceptance
	 * @throws InvalidRequestException naming each field that is wrong
	 */
	ValidMessage validate(SendMessageRequest request, String defaultRegion, Integer tenantMaxParts,
			boolean tenantTransliterate, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		String to = null;
		if (request.to() == null || request.to().isBlank()) {
			problems.add(new FieldProblem("to", "must not be blank"));
		}
		else {
			to = PhoneNumbers.toE164(request.to(), defaultRegion).orElse(null);
			if (to == null) {
				problems.add(new FieldProblem("to", "is not a valid phone number"
						+ ((defaultRegion == null) ? " in international format (+<country code><number>)" : "")));
			}
		}
		String from = null;
		if (request.from() == null || request.from().isBlank()) {
			problems.add(new FieldProblem("from", "must not be blank"));
		}
		else {
			from = SenderIds.normalize(request.from()).orElse(null);
			if (from == null) {
				problems.add(new FieldProblem("from", "must be an E.164 number, a short code of 3 to 8 digits "
						+ "or 1 to 11 GSM characters with at least one letter"));
			}
		}
		EncodedMessage encoded = null;
		if (request.body() == null || request.body().isBlank()) {
			problems.add(new FieldProblem("body", "must not be blank"));
		}
		else if (request.body().indexOf('\0') >= 0) {
			problems.add(new FieldProblem("body", "must not contain NUL characters"));
		}
		else {
			try {
				encoded = encode(request.body(), tenantMaxParts,
						transliterate(request.transliterate(), tenantTransliterate));
			}
			catch (MessageTooLongException ex) {
				problems.add(new FieldProblem("body", ex.getMessage()));
			}
		}
		if (request.callbackUrl() != null && !isHttpUrl(request.callbackUrl())) {
			problems.add(new FieldProblem("callbackUrl", "must be an absolute http or https URL"));
		}
		DeliveryOptions options = DeliveryOptions.read(request, now, this.maxValidity, this.maxScheduleAhead,
				problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new ValidMessage(to, from, sentText(request.body(), encoded), request.callbackUrl(), encoded,
				options);
	}

	/**
	 * A body encoded as it will be sent for a tenant: under its parts limit, transliterated when
	 * asked. POST and preview both go through here, so they give the same numbers.
	 * @throws MessageTooLongException when it needs more parts than the tenant may send
	 */
	EncodedMessage encode(String body, Integer tenantMaxParts, boolean transliterate) {
		return codec(tenantMaxParts).encode(body, 0, transliterate);
	}

	/** The request's transliteration choice, or the tenant's when the request makes none. */
	static boolean transliterate(Boolean requested, boolean tenantSetting) {
		return (requested != null) ? requested : tenantSetting;
	}

	/** The text that is sent: the tenant's text, or the codec's transliteration of it. */
	static String sentText(String text, EncodedMessage encoded) {
		return (encoded.text() != null) ? encoded.text() : text;
	}

	/** The codec for a tenant: the lower of the service's and the tenant's parts limit. */
	SmsCodec codec(Integer tenantMaxParts) {
		return new SmsCodec(maxParts(tenantMaxParts), false);
	}

	/** The lower of the service's and the tenant's parts limit. */
	int maxParts(Integer tenantMaxParts) {
		return (tenantMaxParts != null) ? Math.max(1, Math.min(tenantMaxParts, this.maxParts)) : this.maxParts;
	}

	static boolean isHttpUrl(String value) {
		if (value.isBlank() || value.length() > MAX_URL_LENGTH) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isBlank();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/** A request that passed validation; {@code body} is the text as sent (transliterated when it was on). */
	record ValidMessage(String to, String from, String body, String callbackUrl, EncodedMessage encoded,
			DeliveryOptions options) {
	}

}
