package io.smsgw.dlr.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.dlr.status.TrackedMessage;

/**
 * Publishes the statuses messages reached that are not on Kafka yet, for messages whose tenant
 * is known. The listeners publish within their own transaction ({@link #publishWithin}): the new
 * statuses are stored as published only if Kafka acknowledged them before the commit, so a crash
 * in between leaves the source record uncommitted on Kafka and it is applied and published again
 * (same event id) rather than lost. Statuses left unpublished (tenant not known yet, a failed
 * publish) are published by {@link #publish} and the sweep. Both hold the message rows locked
 * while they send, so two publishers never interleave one message's statuses.
 */
public class StatusPublisher {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final KafkaOperations<String, Object> kafka;

	private final Duration timeout;

	private final DlrMetrics metrics;

	public StatusPublisher(JdbcTemplate jdbc, TransactionTemplate tx, KafkaOperations<String, Object> kafka,
			Duration timeout, DlrMetrics metrics) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.kafka = kafka;
		this.timeout = timeout;
		this.metrics = metrics;
	}

	/** Publishes the unpublished statuses of these messages, in status order; returns how many. */
	public int publish(Collection<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return 0;
		}
		Object[] ids = messageIds.stream().distinct().sorted().toArray();
		if (unpublished(ids, false).isEmpty()) {
			return 0;
		}
		List<PublishedStatus> published = this.tx.execute((status) -> {
			// the message rows first, in id order, as the listeners lock them: no deadlock with publishWithin
			this.jdbc.query("select id from dlr.message where id = any(?) order by id for update", (rs) -> {
			}, new SqlArrayValue("uuid", ids));
			List<PublishedStatus> rows = unpublished(ids, true);
			List<StatusChanged> changes = rows.stream().map(PublishedStatus::change).toList();
			send(changes);
			markPublished(changes);
			return rows;
		});
		published.forEach(this.metrics::published);
		return published.size();
	}

	private List<PublishedStatus> unpublished(Object[] ids, boolean lock) {
		return this.jdbc.query("""
					select h.message_id, h.status, h.at, h.error_code, h.detail, m.tenant_id, m.callback_url, m.price,
						m.accepted_at, m.connector_id,
						(select s.at from dlr.message_status s where s.message_id = h.message_id and s.status = 'SENT')
					from dlr.message_status h join dlr.message m on m.id = h.message_id
					where h.message_id = any(?) and not h.published and m.tenant_id is not null
					order by h.message_id, h.rank, h.at""" + (lock ? " for update of h" : ""),
				(rs, row) -> new PublishedStatus(StatusChanged.of(rs.getObject(1, UUID.class), rs.getString(6),
							MessageStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4),
							rs.getString(5), rs.getString(7), rs.getBigDecimal(8)), instant(rs.getTimestamp(9)),
							instant(rs.getTimestamp(11)), rs.getString(10)),
				new SqlArrayValue("uuid", ids));
	}

	/**
	 * Within the caller's transaction, which holds these messages' rows locked: sends, in status order,
	 * the statuses a message was left with unpublished and those it reached now (not stored yet), for
	 * every message whose tenant is known, waits for Kafka's acks and marks the older ones published.
	 * The caller stores the new statuses of {@link Sent#messageIds()} as published, and hands the result
	 * to {@link #recorded} after its commit.
	 * @throws KafkaException when a send failed or timed out (the caller rolls back)
	 */
	public Sent publishWithin(Collection<TrackedMessage> messages) {
		Map<UUID, TrackedMessage> byId = new HashMap<>();
		messages.forEach((message) -> byId.put(message.id(), message));
		if (byId.isEmpty()) {
			return Sent.NONE;
		}
		Map<UUID, StoredHistory> stored = new LinkedHashMap<>();
		this.jdbc.query("""
				select m.id, m.tenant_id, m.callback_url, m.price, m.accepted_at, m.connector_id,
					h.status, h.at, h.error_code, h.detail, h.published
				from dlr.message m left join dlr.message_status h on h.message_id = m.id
				where m.id = any(?) and m.tenant_id is not null order by m.id, h.rank, h.at""", (rs) -> {
			StoredHistory.read(rs, stored);
		}, new SqlArrayValue("uuid", byId.keySet().stream().sorted().toArray()));
		List<PublishedStatus> statuses = new ArrayList<>();
		List<StatusChanged> older = new ArrayList<>();
		for (StoredHistory history : stored.values()) {
			history.toPublish(byId.get(history.messageId()), statuses, older);
		}
		Set<UUID> published = stored.keySet();
		send(statuses.stream().map(PublishedStatus::change).toList());
		markPublished(older);
		return new Sent(published, statuses);
	}

	/** Counts what {@link #publishWithin} sent, once its transaction committed. */
	public void recorded(Sent sent) {
		sent.statuses.forEach(this.metrics::published);
	}

	private void markPublished(List<StatusChanged> changes) {
		if (!changes.isEmpty()) {
			this.jdbc.batchUpdate("update dlr.message_status set published = true where message_id = ? and status = ?",
					changes.stream().map((c) -> new Object[] { c.messageId(), c.status().name() }).toList());
		}
	}

	static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Publishes what is still unpublished for messages whose statuses were recorded before {@code before}. */
	public int publishStale(Instant before) {
		List<UUID> ids = this.jdbc.queryForList("""
				select distinct h.message_id from dlr.message_status h join dlr.message m on m.id = h.message_id
				where not h.published and m.tenant_id is not null and h.recorded_at < ? limit 1000""", UUID.class,
				java.sql.Timestamp.from(before));
		return publish(ids);
	}

	private void send(List<StatusChanged> changes) {
		if (changes.isEmpty()) {
			return;
		}
		List<CompletableFuture<?>> sends = new ArrayList<>(changes.size());
		for (StatusChanged change : changes) {
			sends.add(this.kafka.send(Topics.MT_STATUS, change.key(), change));
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while publishing status changes", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Could not publish status changes", ex);
		}
	}

	/**
	 * What {@link #publishWithin} sent.
	 *
	 * @param messageIds the messages whose new statuses are on Kafka (to be stored as published)
	 * @param statuses what was sent, for the metrics
	 */
	public record Sent(Set<UUID> messageIds, List<PublishedStatus> statuses) {

		/** Nothing sent. */
		public static final Sent NONE = new Sent(Set.of(), List.of());

	}

}
