package io.smsgw.api.message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.smsgw.api.message.MessageList.Item;

/**
 * {@code GET /v1/messages}: a tenant's messages, newest first, with optional filters and keyset
 * pagination. The SQL is built from fixed fragments only; every value is a bind parameter.
 */
@Component
class MessageQuery {

	static final Set<String> STATUSES = Set.of("SCHEDULED", "CANCELED", "ACCEPTED", "QUEUED", "SENT", "DELIVERED",
			"UNDELIVERED", "EXPIRED", "REJECTED", "FAILED");

	private final JdbcTemplate jdbc;

	MessageQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One page for the filter, after the cursor's position when it has one. */
	MessageList page(String tenantId, Filter filter, Cursor after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, recipient, sender, status, message_type, segments, "
				+ "client_reference, accepted_at, send_at FROM message WHERE tenant_id = ?");
		List<Object> args = new ArrayList<>();
		args.add(tenantId);
		condition(sql, args, " AND status = ?", filter.status());
		condition(sql, args, " AND recipient = ?", filter.to());
		condition(sql, args, " AND sender = ?", filter.from());
		condition(sql, args, " AND client_reference = ?", filter.clientReference());
		condition(sql, args, " AND accepted_at >= ?", utc(filter.since()));
		condition(sql, args, " AND accepted_at < ?", utc(filter.until()));
		if (after != null) {
			sql.append(" AND (accepted_at, id) < (?, ?)");
			args.add(utc(after.acceptedAt()));
			args.add(after.id());
		}
		sql.append(" ORDER BY accepted_at DESC, id DESC LIMIT ?");
		args.add(limit + 1);
		List<Item> items = this.jdbc.query(sql.toString(),
				(rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						MessageStore.label(rs.getString(4)), MessageStore.label(rs.getString(5)), rs.getInt(6),
						rs.getString(7), MessageStore.instant(rs, 8), MessageStore.instant(rs, 9)),
				args.toArray());
		if (items.size() <= limit) {
			return new MessageList(items, null);
		}
		List<Item> page = items.subList(0, limit);
		Item last = page.get(limit - 1);
		return new MessageList(List.copyOf(page), new Cursor(last.acceptedAt(), last.id()).encode());
	}

	private static void condition(StringBuilder sql, List<Object> args, String fragment, Object value) {
		if (value != null) {
			sql.append(fragment);
			args.add(value);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** Whether an instant is one PostgreSQL can compare with (years 1 to 9999). */
	static boolean inRange(Instant instant) {
		return !instant.isBefore(MIN) && instant.isBefore(MAX);
	}

	private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");

	/** Filters of a list; {@code null} members do not filter. {@code status} is stored form (upper case). */
	record Filter(String status, String to, String from, String clientReference, Instant since, Instant until) {
	}

	/** A position in the list: opaque to callers (base64url of the last item's time and id). */
	record Cursor(Instant acceptedAt, UUID id) {

		String encode() {
			String raw = acceptedAt.getEpochSecond() + "." + acceptedAt.getNano() + "." + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		/** The cursor, or {@code null} when the text is not one this service made. */
		static Cursor decode(String text) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
				String[] parts = raw.split("\\.", 3);
				if (parts.length != 3 || parts[2].length() != 36) {
					return null;
				}
				long nanos = Long.parseLong(parts[1]);
				if (nanos < 0 || nanos > 999_999_999) {
					return null;
				}
				Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
				return inRange(at) ? new Cursor(at, UUID.fromString(parts[2])) : null;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
