package io.smsgw.dlr.correlation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.dlr.status.StatusEntry;
import io.smsgw.dlr.status.TrackedMessage;
import io.smsgw.dlr.status.TrackedPart;

/**
 * The messages, their parts and their status history in schema {@code dlr}: one statement per
 * kind of change for a whole poll (multi-row inserts, updates over {@link Unnest} arrays).
 * Callers lock message rows in id order so that concurrent listeners never deadlock.
 */
class MessageStore {

	private final JdbcTemplate jdbc;

	private final Duration defaultValidity;

	MessageStore(JdbcTemplate jdbc, Duration defaultValidity) {
		this.jdbc = jdbc;
		this.defaultValidity = defaultValidity;
	}

	/** Creates the rows of messages not seen yet (the event came before MessageAccepted). */
	void ensure(Collection<UUID> ids) {
		List<Object[]> args = sorted(ids).stream().map((id) -> new Object[] { id }).toList();
		this.jdbc.batchUpdate("insert into dlr.message (id, status) values (?, 'ACCEPTED') on conflict (id) do nothing",
				args);
	}

	/**
	 * Stores what MessageAccepted tells: the tenant, callback URL, validity and the expiry deadline
	 * ({@code validUntil}, else {@code acceptedAt} + the default validity), once; a redelivery
	 * changes nothing.
	 */
	void accept(Collection<MessageAccepted> messages) {
		Map<UUID, MessageAccepted> byId = new java.util.TreeMap<>();
		messages.forEach((m) -> byId.putIfAbsent(m.messageId(), m));
		List<Object[]> args = byId.values()
			.stream()
			.map((m) -> new Object[] { m.messageId(), m.tenantId(), m.callbackUrl(), m.segments(), ts(m.acceptedAt()),
					ts(m.validUntil()), ts(deadline(m)) })
			.toList();
		this.jdbc.batchUpdate("""
				insert into dlr.message (id, tenant_id, callback_url, segments, accepted_at, valid_until, expires_at, status)
				values (?, ?, ?, ?, ?, ?, ?, 'ACCEPTED')
				on conflict (id) do update set tenant_id = excluded.tenant_id, callback_url = excluded.callback_url,
					segments = excluded.segments, accepted_at = excluded.accepted_at,
					valid_until = excluded.valid_until, expires_at = excluded.expires_at, updated_at = now()
				where dlr.message.tenant_id is null""", args);
	}

	private Instant deadline(MessageAccepted message) {
		if (message.validUntil() != null) {
			return message.validUntil();
		}
		Instant accepted = (message.acceptedAt() != null) ? message.acceptedAt() : Instant.now();
		return accepted.plus(this.defaultValidity);
	}

	/**
	 * Locks (skipping rows another instance or listener holds) up to {@code limit} messages that
	 * are not final and whose deadline is before {@code cutoff}; returns their ids.
	 */
	List<UUID> lockExpired(Instant cutoff, int limit) {
		return this.jdbc.queryForList("""
				select id from dlr.message
				where status in ('ACCEPTED', 'QUEUED', 'SENT') and expires_at is not null and expires_at < ?
				order by id limit ? for update skip locked""", UUID.class, ts(cutoff), limit);
	}

	/** Locks the messages (in id order) and loads them with their parts. */
	Map<UUID, TrackedMessage> lock(Collection<UUID> ids) {
		Map<UUID, TrackedMessage> messages = new LinkedHashMap<>();
		SqlArrayValue array = new SqlArrayValue("uuid", sorted(ids).toArray());
		this.jdbc.query("select id, status, connector_id from dlr.message where id = any(?) order by id for update",
				(rs) -> {
					UUID id = rs.getObject("id", UUID.class);
					messages.put(id, new TrackedMessage(id, MessageStatus.valueOf(rs.getString("status")),
							rs.getString("connector_id")));
				}, array);
		this.jdbc.query("""
				select message_id, part_number, connector_id, network_message_id, status, error_code
				from dlr.message_part where message_id = any(?)""", (rs) -> {
			messages.get(rs.getObject("message_id", UUID.class))
				.load(TrackedPart.stored(rs.getInt("part_number"), rs.getString("connector_id"),
						rs.getString("network_message_id"), MessageStatus.valueOf(rs.getString("status")),
						rs.getString("error_code")));
		}, array);
		return messages;
	}

	/** Records what each sent message cost (the last attempt's price wins; nothing for a route without one). */
	void priced(Collection<MessageSent> sent) {
		List<Object[]> prices = sent.stream()
			.filter((message) -> message.price() != null)
			.map((message) -> new Object[] { message.price(), message.messageId() })
			.toList();
		if (!prices.isEmpty()) {
			this.jdbc.batchUpdate("update dlr.message set price = ? where id = ?", prices);
		}
	}

	/**
	 * Writes back what changed: message status, new and changed parts, statuses reached (stored as
	 * published for the messages in {@code published}: they are on Kafka already).
	 */
	void save(Collection<TrackedMessage> messages, Set<UUID> published) {
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> newParts = new ArrayList<>();
		List<Object[]> changedParts = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		for (TrackedMessage message : messages) {
			StatusEntry last = message.lastReached();
			if (last != null) {
				updates.add(new Object[] { message.id(), last.status().name(), last.at(), last.errorCode(), last.detail(),
						message.connectorId() });
			}
			for (StatusEntry entry : message.reached()) {
				history.add(new Object[] { message.id(), entry.status().name(), entry.status().rank(), ts(entry.at()),
						entry.errorCode(), entry.detail(), published.contains(message.id()) });
			}
			for (TrackedPart part : message.parts()) {
				if (part.isAdded()) {
					newParts.add(new Object[] { message.id(), part.partNumber(), part.connectorId(),
							part.networkMessageId(), part.status().name(), part.errorCode() });
				}
				else if (part.isChanged()) {
					changedParts.add(new Object[] { message.id(), part.partNumber(), part.status().name(),
							part.errorCode() });
				}
			}
		}
		if (!updates.isEmpty()) {
			this.jdbc.update("""
					update dlr.message m set status = k.status, status_at = k.at, error_code = k.error_code,
						detail = k.detail, connector_id = k.connector_id, updated_at = now()
					from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
						as k(id, status, at, error_code, detail, connector_id)
					where m.id = k.id""", Unnest.columns(updates, "uuid", "text", "timestamptz", "text", "text", "text"));
		}
		if (!newParts.isEmpty()) {
			// A network id is unique per connector for SMSCs, but a modem's message reference (0-255) wraps:
			// the newest message to use an id takes it over; the older part keeps its row under a suffixed id.
			List<Object[]> keys = newParts.stream().map((p) -> new Object[] { p[2], p[3], p[0] }).toList();
			Object[] columns = Unnest.columns(keys, "text", "text", "uuid");
			this.jdbc.update("""
					update dlr.message_part p set network_message_id = p.network_message_id || '~' || p.message_id
					from unnest(?::text[], ?::text[], ?::uuid[]) as k(connector_id, network_message_id, message_id)
					where p.connector_id = k.connector_id and p.network_message_id = k.network_message_id
						and p.message_id <> k.message_id""", columns);
			this.jdbc.update("""
					delete from dlr.part_alias a
					using unnest(?::text[], ?::text[], ?::uuid[]) as k(connector_id, network_message_id, message_id)
					where a.connector_id = k.connector_id and a.network_message_id = k.network_message_id
						and a.message_id <> k.message_id""", columns);
			this.jdbc.batchUpdate("""
					insert into dlr.message_part (message_id, part_number, connector_id, network_message_id, status,
						error_code) values (?, ?, ?, ?, ?, ?) on conflict do nothing""", newParts);
		}
		if (!changedParts.isEmpty()) {
			this.jdbc.update("""
					update dlr.message_part p set status = k.status, error_code = k.error_code, updated_at = now()
					from unnest(?::uuid[], ?::int4[], ?::text[], ?::text[]) as k(message_id, part_number, status, error_code)
					where p.message_id = k.message_id and p.part_number = k.part_number""",
					Unnest.columns(changedParts, "uuid", "int4", "text", "text"));
		}
		this.jdbc.batchUpdate("""
				insert into dlr.message_status (message_id, status, rank, at, error_code, detail, published)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", history);
	}

	private static List<UUID> sorted(Collection<UUID> ids) {
		return ids.stream().distinct().sorted().toList();
	}

	static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
