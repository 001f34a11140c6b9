package io.smsgw.webhook.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.webhook.http.TargetPolicy;
import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;
import io.smsgw.webhook.subscription.EventTypes;
import io.smsgw.webhook.subscription.Subscription;
import io.smsgw.webhook.subscription.SubscriptionDraft;

/**
 * Turns a {@link SubscriptionRequest} (merged over the current subscription on update) into a
 * valid {@link SubscriptionDraft}, or fails with every field problem at once. The URL goes through
 * the same policy as every callback (scheme, no credentials, no non-public address unless
 * allow-listed).
 */
@Component
class SubscriptionValidator {

	private static final int MAX_DESCRIPTION = 500;

	private final TargetPolicy targets;

	SubscriptionValidator(TargetPolicy targets) {
		this.targets = targets;
	}

	/** The draft of a request; {@code current} is {@code null} on creation. */
	SubscriptionDraft draft(SubscriptionRequest request, Subscription current) {
		List<FieldProblem> problems = new ArrayList<>();
		String url = (request.url() != null) ? request.url().trim() : (current != null) ? current.url() : null;
		if (url == null || url.isEmpty()) {
			problems.add(new FieldProblem("url", "is required"));
		}
		else if (request.url() != null) {
			try {
				this.targets.check(url);
			}
			catch (RejectedTargetException ex) {
				problems.add(new FieldProblem("url", ex.getMessage()));
			}
		}
		List<String> types = (request.eventTypes() != null) ? request.eventTypes()
				: (current != null) ? current.eventTypes() : List.of();
		if (types.isEmpty()) {
			problems.add(new FieldProblem("eventTypes", "at least one of " + EventTypes.ALL + " is required"));
		}
		for (int i = 0; i < types.size(); i++) {
			if (!EventTypes.ALL.contains(types.get(i))) {
				problems.add(new FieldProblem("eventTypes[" + i + "]", "unknown event type; one of " + EventTypes.ALL));
			}
		}
		List<MessageStatus> statuses = (request.statuses() != null) ? statuses(request.statuses(), problems)
				: (current != null) ? current.statuses() : List.of();
		if (!statuses.isEmpty() && !types.contains(EventTypes.STATUS)) {
			problems.add(new FieldProblem("statuses", "only applies with the event type " + EventTypes.STATUS));
		}
		String description = (request.description() != null) ? request.description()
				: (current != null) ? current.description() : null;
		if (description != null && description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "at most " + MAX_DESCRIPTION + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		boolean enabled = (request.enabled() != null) ? request.enabled() : (current == null || current.enabled());
		return new SubscriptionDraft(url, types.stream().distinct().toList(), statuses.stream().distinct().toList(),
				description, enabled);
	}

	private static List<MessageStatus> statuses(List<String> names, List<FieldProblem> problems) {
		List<MessageStatus> statuses = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			MessageStatus status = Arrays.stream(MessageStatus.values())
				.filter((candidate) -> name != null && candidate.name().equalsIgnoreCase(name.trim()))
				.findFirst()
				.orElse(null);
			if (status == null) {
				problems.add(new FieldProblem("statuses[" + i + "]", "unknown status; one of " + Arrays
					.stream(MessageStatus.values())
					.map((value) -> value.name().toLowerCase(Locale.ROOT))
					.toList()));
			}
			else {
				statuses.add(status);
			}
		}
		return statuses;
	}

}
