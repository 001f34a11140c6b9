package io.smsgw.api.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import io.smsgw.api.web.PageCursor;
import io.smsgw.common.event.InboundReceived;

/**
 * The {@code inbound_message} table: every inbound message once (keyed by its inbound id), with
 * its owner, or none for the operators' unrouted list.
 */
@Component
class InboundStore {

	private static final String TENANT_COLUMNS = "id, sender, recipient, body, keyword, action, complete, received_at";

	private static final String UNROUTED_COLUMNS = "id, connector_id, sender, recipient, body, complete, received_at";

	private final JdbcTemplate jdbc;

	InboundStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores an inbound message unless it is stored already; returns whether it was new. */
	boolean insert(InboundReceived inbound, String tenantId, String keyword, String action, Instant receivedAt) {
		return this.jdbc.update("INSERT INTO inbound_message (id, tenant_id, connector_id, sender, recipient, body, "
				+ "keyword, action, complete, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "ON CONFLICT (id) DO NOTHING", inbound.inboundId(), tenantId, inbound.connectorId(),
				clean(inbound.from()), clean(inbound.to()), clean(inbound.body()), keyword, action,
				inbound.complete(), utc(receivedAt)) == 1;
	}

	Optional<InboundView> find(String tenantId, UUID id) {
		return this.jdbc.query("SELECT " + TENANT_COLUMNS + " FROM inbound_message WHERE id = ? AND tenant_id = ?",
				InboundStore::view, id, tenantId).stream().findFirst();
	}

	InboundList<InboundView> page(String tenantId, PageCursor after, int limit) {
		List<Object> args = new ArrayList<>(List.of(tenantId));
		String sql = "SELECT " + TENANT_COLUMNS + " FROM inbound_message WHERE tenant_id = ?" + position(after, args)
				+ " ORDER BY received_at DESC, id DESC LIMIT ?";
		args.add(limit + 1);
		return paged(this.jdbc.query(sql, InboundStore::view, args.toArray()), limit,
				(v) -> new PageCursor(v.receivedAt(), v.id().toString()));
	}

	InboundList<UnroutedView> unrouted(PageCursor after, int limit) {
		List<Object> args = new ArrayList<>();
		String sql = "SELECT " + UNROUTED_COLUMNS + " FROM inbound_message WHERE tenant_id IS NULL"
				+ position(after, args) + " ORDER BY received_at DESC, id DESC LIMIT ?";
		args.add(limit + 1);
		RowMapper<UnroutedView> mapper = (rs, i) -> new UnroutedView(rs.getObject(1, UUID.class), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), instant(rs, 7));
		return paged(this.jdbc.query(sql, mapper, args.toArray()), limit,
				(v) -> new PageCursor(v.receivedAt(), v.id().toString()));
	}

	private static String position(PageCursor after, List<Object> args) {
		if (after == null) {
			return "";
		}
		UUID id;
		try {
			id = UUID.fromString(after.id());
		}
		catch (IllegalArgumentException ex) {
			throw io.smsgw.common.web.InvalidRequestException.of("cursor", "is not a cursor of this list");
		}
		args.add(utc(after.at()));
		args.add(id);
		return " AND (received_at, id) < (?, ?)";
	}

	private static <T> InboundList<T> paged(List<T> items, int limit, Function<T, PageCursor> cursor) {
		if (items.size() <= limit) {
			return new InboundList<>(items, null);
		}
		List<T> page = List.copyOf(items.subList(0, limit));
		return new InboundList<>(page, cursor.apply(page.get(limit - 1)).encode());
	}

	private static InboundView view(ResultSet rs, int row) throws SQLException {
		return new InboundView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs, 8));
	}

	/** PostgreSQL text cannot hold NUL characters. */
	private static String clean(String text) {
		return (text != null) ? text.replace('\0', '\uFFFD') : "";
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
