package io.smsgw.api.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.smsgw.api.admin.AdminRecords.CreateClient;
import io.smsgw.api.admin.AdminRecords.CreateTenant;
import io.smsgw.api.admin.AdminRecords.Limits;
import io.smsgw.api.config.ApiProperties;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;

/**
 * Checks admin requests, reporting every wrong field at once.
 */
final class AdminValidation {

	/** The scopes a client may hold. */
	static final Set<String> SCOPES = Set.of("messages:send", "messages:read", "webhooks:manage", "admin");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private final int maxParts;

	AdminValidation(int maxParts) {
		this.maxParts = maxParts;
	}

	CreateTenant tenant(CreateTenant request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.id() == null || !ID.matcher(request.id()).matches()) {
			problems.add(new FieldProblem("id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
		}
		String name = (request.name() != null) ? request.name().strip() : request.id();
		if (name != null && (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl))) {
			problems.add(new FieldProblem("name", "must be 1 to 200 characters without control characters"));
		}
		String region = null;
		if (request.defaultRegion() != null) {
			region = request.defaultRegion().strip().toUpperCase(Locale.ROOT);
			if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
				problems.add(new FieldProblem("defaultRegion", "must be an ISO 3166 region code, e.g. DE"));
			}
		}
		Limits limits = (request.limits() != null) ? checkLimits(request.limits(), "limits.", problems) : null;
		throwIfAny(problems);
		return new CreateTenant(request.id(), name, region, limits);
	}

	Limits limits(Limits limits) {
		List<FieldProblem> problems = new ArrayList<>();
		Limits valid = checkLimits((limits != null) ? limits : new Limits(null, null, null), "", problems);
		throwIfAny(problems);
		return valid;
	}

	CreateClient client(CreateClient request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.clientId() != null && !ID.matcher(request.clientId()).matches()) {
			problems.add(new FieldProblem("clientId", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
		}
		List<String> scopes = (request.scopes() != null) ? request.scopes()
				: List.of("messages:send", "messages:read");
		if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
			problems.add(new FieldProblem("scopes", "must be one or more of " + SCOPES.stream().sorted().toList()));
		}
		throwIfAny(problems);
		return new CreateClient(request.clientId(), List.copyOf(new LinkedHashSet<>(scopes)));
	}

	Duration overlap(Long seconds, ApiProperties.Clients config) {
		if (seconds == null) {
			return config.rotationOverlap();
		}
		if (seconds < 0 || seconds > config.maxRotationOverlap().toSeconds()) {
			throw new InvalidRequestException(List.of(new FieldProblem("overlapSeconds",
					"must be 0 to " + config.maxRotationOverlap().toSeconds())));
		}
		return Duration.ofSeconds(seconds);
	}

	private Limits checkLimits(Limits limits, String prefix, List<FieldProblem> problems) {
		check(limits.ratePerSecond(), 1, 100_000, prefix + "ratePerSecond", problems);
		check(limits.dailyQuota(), 1, 1_000_000_000, prefix + "dailyQuota", problems);
		check(limits.maxParts(), 1, this.maxParts, prefix + "maxParts", problems);
		return limits;
	}

	private static void check(Integer value, int min, int max, String field, List<FieldProblem> problems) {
		if (value != null && (value < min || value > max)) {
			problems.add(new FieldProblem(field, "must be " + min + " to " + max));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

}

