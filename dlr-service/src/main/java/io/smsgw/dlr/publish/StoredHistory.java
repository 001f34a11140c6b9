package io.smsgw.dlr.publish;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.dlr.status.StatusEntry;
import io.smsgw.dlr.status.TrackedMessage;

/**
 * A message as stored (tenant, callback URL, price, acceptance time) with its stored statuses, read
 * by {@link StatusPublisher#publishWithin} to build what to send: the stored statuses not published
 * yet, then the statuses reached in the current unit of work, in status order.
 */
final class StoredHistory {

	private final UUID messageId;

	private final String tenantId;

	private final String callbackUrl;

	private final BigDecimal price;

	private final Instant acceptedAt;

	private final String connectorId;

	private final List<Stored> statuses = new ArrayList<>();

	private StoredHistory(ResultSet rs) throws SQLException {
		this.messageId = rs.getObject(1, UUID.class);
		this.tenantId = rs.getString(2);
		this.callbackUrl = rs.getString(3);
		this.price = rs.getBigDecimal(4);
		this.acceptedAt = StatusPublisher.instant(rs.getTimestamp(5));
		this.connectorId = rs.getString(6);
	}

	/** Adds one row of the message joined with its statuses (ordered by message, rank). */
	static void read(ResultSet rs, Map<UUID, StoredHistory> histories) throws SQLException {
		StoredHistory history = histories.get(rs.getObject(1, UUID.class));
		if (history == null) {
			history = new StoredHistory(rs);
			histories.put(history.messageId, history);
		}
		String status = rs.getString(7);
		if (status != null) {
			history.statuses.add(new Stored(new StatusEntry(MessageStatus.valueOf(status), rs.getTimestamp(8).toInstant(),
					rs.getString(9), rs.getString(10)), rs.getBoolean(11)));
		}
	}

	UUID messageId() {
		return this.messageId;
	}

	/**
	 * Adds to {@code send} the stored statuses not published yet (also to {@code older}, to be marked
	 * published), then the statuses {@code message} reached now that are not stored yet.
	 */
	void toPublish(TrackedMessage message, List<PublishedStatus> send, List<StatusChanged> older) {
		String connector = (message.connectorId() != null) ? message.connectorId() : this.connectorId;
		Instant sentAt = null;
		List<MessageStatus> known = new ArrayList<>();
		for (Stored stored : this.statuses) {
			known.add(stored.entry().status());
			sentAt = (stored.entry().status() == MessageStatus.SENT) ? stored.entry().at() : sentAt;
		}
		for (StatusEntry entry : message.reached()) {
			sentAt = (sentAt == null && entry.status() == MessageStatus.SENT) ? entry.at() : sentAt;
		}
		for (Stored stored : this.statuses) {
			if (!stored.published()) {
				StatusChanged change = change(stored.entry());
				older.add(change);
				send.add(new PublishedStatus(change, this.acceptedAt, sentAt, connector));
			}
		}
		for (StatusEntry entry : message.reached()) {
			if (!known.contains(entry.status())) {
				send.add(new PublishedStatus(change(entry), this.acceptedAt, sentAt, connector));
			}
		}
	}

	private StatusChanged change(StatusEntry entry) {
		return StatusChanged.of(this.messageId, this.tenantId, entry.status(), entry.at(), entry.errorCode(),
				entry.detail(), this.callbackUrl, this.price);
	}

	private record Stored(StatusEntry entry, boolean published) {
	}

}
