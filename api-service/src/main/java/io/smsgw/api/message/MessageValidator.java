package io.smsgw.api.message;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smsgw.api.web.FieldProblem;
import io.smsgw.api.web.InvalidRequestException;
import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.phone.PhoneNumbers;

/**
 * Checks and normalizes a message request, reporting every field that is wrong at once.
 */
final class MessageValidator {

	private static final int MAX_URL_LENGTH = 2048;

	private final SmsCodec codec;

	MessageValidator(int maxParts) {
		this.codec = new SmsCodec(maxParts, false);
	}

	/**
	 * The request, normalized and encoded.
	 * @param defaultRegion the tenant's region for national numbers, or {@code null}
	 * @throws InvalidRequestException naming each field that is wrong
	 */
	ValidMessage validate(SendMessageRequest request, String defaultRegion) {
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
		else {
			try {
				encoded = this.codec.encode(request.body(), 0);
			}
			catch (MessageTooLongException ex) {
				problems.add(new FieldProblem("body", ex.getMessage()));
			}
		}
		if (request.callbackUrl() != null && !isHttpUrl(request.callbackUrl())) {
			problems.add(new FieldProblem("callbackUrl", "must be an absolute http or https URL"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new ValidMessage(to, from, request.body(), request.callbackUrl(), encoded);
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

	/** A request that passed validation. */
	record ValidMessage(String to, String from, String body, String callbackUrl, EncodedMessage encoded) {
	}

}
