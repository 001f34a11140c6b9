package io.smsgw.api.message;

import java.util.ArrayList;
import java.util.List;

import io.smsgw.api.tenant.Tenant;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.phone.PhoneNumbers;

/**
 * Sizes up a message without sending it: its encoding and parts under the tenant's limits, and
 * its numbers normalized when given.
 */
final class MessagePreviewer {

	private final MessageValidator validator;

	MessagePreviewer(MessageValidator validator) {
		this.validator = validator;
	}

	Preview preview(Tenant tenant, PreviewRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String to = null;
		if (request.to() != null) {
			to = PhoneNumbers.toE164(request.to(), tenant.getDefaultRegion()).orElse(null);
			if (to == null) {
				problems.add(new FieldProblem("to", "is not a valid phone number"));
			}
		}
		String from = null;
		if (request.from() != null) {
			from = SenderIds.normalize(request.from()).orElse(null);
			if (from == null) {
				problems.add(new FieldProblem("from", "is not a valid sender id"));
			}
		}
		EncodedMessage encoded = null;
		if (request.body() == null || request.body().isEmpty() || request.body().indexOf('\0') >= 0) {
			problems.add(new FieldProblem("body", "must not be empty or contain NUL characters"));
		}
		else {
			try {
				encoded = this.validator.encode(request.body(), tenant.getMaxParts(),
						MessageValidator.transliterate(request.transliterate(), tenant.isTransliterate()));
			}
			catch (MessageTooLongException ex) {
				problems.add(new FieldProblem("body", ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new Preview(to, from, encoded.encoding().name(), encoded.units(), encoded.segmentCount(),
				encoded.unitsLeft(), this.validator.maxParts(tenant.getMaxParts()),
				MessageValidator.sentText(request.body(), encoded), ReplacementView.of(encoded.replacements()));
	}

}
