package io.smsgw.dlr.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;

/**
 * Finds parts by the network's id and keeps receipts that came before their part was known.
 * A MessageSent and a receipt of the same part serialize on an advisory lock of the part key,
 * so a receipt can never be parked as pending after its MessageSent looked for pending ones.
 */
class ReceiptStore {

	private final JdbcTemplate jdbc;

	ReceiptStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the transaction-scoped advisory locks of these part keys, in a fixed order. */
	void lock(Collection<PartKey> keys) {
		Long[] lockKeys = keys.stream().map(PartKey::lockKey).distinct().sorted().toArray(Long[]::new);
		if (lockKeys.length > 0) {
			this.jdbc.queryForObject("select count(pg_advisory_xact_lock(k)) from unnest(?::bigint[]) as k", Long.class,
					new SqlArrayValue("int8", (Object[]) lockKeys));
		}
	}

	/** The (message id, part number) of each known part key. */
	Map<PartKey, PartRef> find(Collection<PartKey> keys) {
		Map<PartKey, PartRef> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		this.jdbc.query("""
				select p.connector_id, p.network_message_id, p.message_id, p.part_number, 0 as alias from dlr.message_part p
				join unnest(?::text[], ?::text[]) as k(connector_id, network_message_id)
				on p.connector_id = k.connector_id and p.network_message_id = k.network_message_id
				union all
				select a.connector_id, a.network_message_id, a.message_id, a.part_number, 1 as alias from dlr.part_alias a
				join unnest(?::text[], ?::text[]) as k(connector_id, network_message_id)
				on a.connector_id = k.connector_id and a.network_message_id = k.network_message_id
				order by alias""",
				(rs) -> {
					found.putIfAbsent(new PartKey(rs.getString(1), rs.getString(2)),
							new PartRef(rs.getObject(3, UUID.class), rs.getInt(4)));
				}, connectors(keys), networkIds(keys), connectors(keys), networkIds(keys));
		return found;
	}

	/**
	 * Records further network ids of known parts (the part was submitted again and got another id).
	 * Like a part's own id, an id reused by a newer message goes to that message: an older part
	 * holding it keeps its row under a suffixed id.
	 */
	void alias(Map<PartKey, PartRef> aliases) {
		if (aliases.isEmpty()) {
			return;
		}
		List<Object[]> args = new ArrayList<>();
		aliases.forEach((key, ref) -> args.add(new Object[] { key.connectorId(), key.networkMessageId(),
				ref.messageId(), ref.partNumber() }));
		this.jdbc.batchUpdate("""
				update dlr.message_part set network_message_id = network_message_id || '~' || message_id
				where connector_id = ? and network_message_id = ? and message_id <> ?""",
				args.stream().map((a) -> new Object[] { a[0], a[1], a[2] }).toList());
		this.jdbc.batchUpdate("""
				insert into dlr.part_alias (connector_id, network_message_id, message_id, part_number)
				values (?, ?, ?, ?) on conflict (connector_id, network_message_id)
				do update set message_id = excluded.message_id, part_number = excluded.part_number, created_at = now()
				where (dlr.part_alias.message_id, dlr.part_alias.part_number)
					is distinct from (excluded.message_id, excluded.part_number)""", args);
	}

	/** Parks receipts whose part is not known yet; a duplicate is stored once. */
	void park(Collection<ReceiptReceived> receipts) {
		List<Object[]> args = receipts.stream()
			.map((r) -> new Object[] { r.connectorId(), r.networkMessageId(), r.state().name(), r.errorCode(),
					MessageStore.ts(r.doneAt()), MessageStore.ts(r.receivedAt()), r.raw() })
			.toList();
		this.jdbc.batchUpdate("""
				insert into dlr.pending_receipt (connector_id, network_message_id, state, error_code, done_at,
					received_at, raw) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", args);
	}

	/** Removes and returns the parked receipts of these part keys, oldest first. */
	List<ReceiptReceived> takeParked(Collection<PartKey> keys) {
		List<ReceiptReceived> taken = new ArrayList<>();
		if (keys.isEmpty()) {
			return taken;
		}
		this.jdbc.query("""
				delete from dlr.pending_receipt p using unnest(?::text[], ?::text[]) as k(connector_id, network_message_id)
				where p.connector_id = k.connector_id and p.network_message_id = k.network_message_id
				returning p.connector_id, p.network_message_id, p.state, p.error_code, p.done_at, p.received_at, p.raw""",
				(rs) -> {
					taken.add(new ReceiptReceived(rs.getString(1), rs.getString(2), ReceiptState.valueOf(rs.getString(3)),
							rs.getString(4), instant(rs.getTimestamp(5)), rs.getString(7), instant(rs.getTimestamp(6))));
				}, connectors(keys), networkIds(keys));
		taken.sort(java.util.Comparator.comparing(ReceiptReceived::receivedAt));
		return taken;
	}

	/** Drops parked receipts received before {@code before}; they will never match. */
	int expireParked(Instant before) {
		return this.jdbc.update("delete from dlr.pending_receipt where received_at < ?", MessageStore.ts(before));
	}

	private static SqlArrayValue connectors(Collection<PartKey> keys) {
		return new SqlArrayValue("text", keys.stream().map(PartKey::connectorId).toArray());
	}

	private static SqlArrayValue networkIds(Collection<PartKey> keys) {
		return new SqlArrayValue("text", keys.stream().map(PartKey::networkMessageId).toArray());
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Where a part key points.
	 *
	 * @param messageId the message
	 * @param partNumber the part
	 */
	record PartRef(UUID messageId, int partNumber) {
	}

}
