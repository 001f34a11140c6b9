package io.smsgw.router.admin;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.smsgw.common.event.MessageType;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.router.admin.AdminRequests.MemberRequest;
import io.smsgw.router.admin.AdminRequests.RouteRequest;
import io.smsgw.router.admin.AdminRequests.WindowRequest;
import io.smsgw.router.routing.Route;
import io.smsgw.router.routing.RouteFilters;
import io.smsgw.router.routing.RouteMember;
import io.smsgw.router.routing.Strategy;
import io.smsgw.router.routing.TimeWindow;

/** Turns a route request into a route, or fails with every field that is wrong. */
final class RouteValidation {

	private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

	private final List<FieldProblem> problems = new ArrayList<>();

	private RouteValidation() {
	}

	static Route toRoute(long id, RouteRequest request, Set<String> connectorIds) {
		return new RouteValidation().convert(id, request, connectorIds);
	}

	private Route convert(long id, RouteRequest r, Set<String> connectorIds) {
		if (r == null) {
			throw new InvalidRequestException(List.of(new FieldProblem("", "a body is required")));
		}
		boolean isDefault = Boolean.TRUE.equals(r.isDefault());
		String name = (r.name() == null || r.name().isBlank()) ? null : r.name().strip();
		check(name != null, "name", "is required");
		check(name == null || name.length() <= 200, "name", "must be at most 200 characters");
		String prefix = (r.prefix() != null && r.prefix().startsWith("+")) ? r.prefix().substring(1) : r.prefix();
		check(prefix == null || prefix.matches("[1-9][0-9]{0,14}"), "prefix", "must be 1 to 15 E.164 digits");
		String country = (r.country() != null) ? r.country().toUpperCase(Locale.ROOT) : null;
		check(country == null || REGIONS.contains(country), "country", "must be an ISO 3166 region code");
		String numberType = (r.numberType() != null) ? r.numberType().toUpperCase(Locale.ROOT) : null;
		check(numberType == null || isEnum(PhoneNumberUtil.PhoneNumberType.class, numberType), "numberType",
				"must be one of MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, VOIP, ...");
		check(r.senderPattern() == null || compiles(r.senderPattern()), "senderPattern",
				"must be a valid regular expression");
		check(r.messageType() == null || isEnum(MessageType.class, r.messageType()), "messageType",
				"must be TRANSACTIONAL or MARKETING");
		String strategy = (r.strategy() != null) ? r.strategy() : Strategy.FAILOVER.name();
		check(isEnum(Strategy.class, strategy), "strategy", "must be FAILOVER, WEIGHTED or LEAST_COST");
		TimeWindow window = window(r.window());
		List<RouteMember> members = members(r.members(), connectorIds);
		if (isDefault) {
			boolean filtered = r.tenantId() != null || prefix != null || country != null || numberType != null
					|| r.senderPattern() != null || r.messageType() != null || r.window() != null;
			check(!filtered, "isDefault", "the default route cannot have filters");
		}
		if (!this.problems.isEmpty()) {
			throw new InvalidRequestException(this.problems);
		}
		RouteFilters filters = new RouteFilters(r.tenantId(), prefix, country, numberType, r.senderPattern(),
				(r.messageType() != null) ? MessageType.valueOf(r.messageType()) : null, window);
		return new Route(id, name, (r.priority() != null) ? r.priority() : 100, isDefault, filters,
				Strategy.valueOf(strategy), members);
	}

	private TimeWindow window(WindowRequest w) {
		if (w == null) {
			return null;
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String day : (w.days() != null) ? w.days() : List.<String>of()) {
			if (check(day != null && isEnum(DayOfWeek.class, day.toUpperCase(Locale.ROOT)), "window.days",
					"must be days such as MONDAY")) {
				days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
			}
		}
		LocalTime start = time(w.start(), "window.start");
		LocalTime end = time(w.end(), "window.end");
		ZoneId zone = null;
		try {
			zone = (w.zone() != null) ? ZoneId.of(w.zone()) : null;
		}
		catch (RuntimeException ex) {
			// reported below
		}
		check(zone != null, "window.zone", "must be a time zone such as Europe/Berlin");
		return (zone != null) ? new TimeWindow(days, start, end, zone) : null;
	}

	private LocalTime time(String value, String field) {
		try {
			return (value != null) ? LocalTime.parse(value) : null;
		}
		catch (RuntimeException ex) {
			check(false, field, "must be a time such as 08:00");
			return null;
		}
	}

	private List<RouteMember> members(List<MemberRequest> requested, Set<String> connectorIds) {
		List<RouteMember> members = new ArrayList<>();
		if (!check(requested != null && !requested.isEmpty(), "members", "needs at least one connector")) {
			return members;
		}
		for (int i = 0; i < requested.size(); i++) {
			MemberRequest m = requested.get(i);
			String at = "members[" + i + "]";
			if (!check(m != null && m.connectorId() != null, at + ".connectorId", "is required")) {
				continue;
			}
			boolean known = check(connectorIds.contains(m.connectorId()), at + ".connectorId",
					"is not a registered connector");
			int weight = (m.weight() != null) ? m.weight() : 1;
			boolean weightOk = check(weight >= 1 && weight <= 1000, at + ".weight", "must be between 1 and 1000");
			boolean priceOk = check(m.pricePerSegment() == null || m.pricePerSegment().signum() >= 0,
					at + ".pricePerSegment", "must not be negative");
			if (known && weightOk && priceOk) {
				members.add(new RouteMember(m.connectorId(), weight, m.pricePerSegment()));
			}
		}
		return members;
	}

	private boolean check(boolean ok, String field, String message) {
		if (!ok) {
			this.problems.add(new FieldProblem(field, message));
		}
		return ok;
	}

	private static boolean compiles(String regex) {
		try {
			Pattern.compile(regex);
			return regex.length() <= 500;
		}
		catch (PatternSyntaxException ex) {
			return false;
		}
	}

	private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return true;
			}
		}
		return false;
	}

}
