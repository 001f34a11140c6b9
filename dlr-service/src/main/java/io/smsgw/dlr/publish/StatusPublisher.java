package io.smsgw.dlr.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

/**
 * Publishes the statuses messages reached that are not on Kafka yet, for messages whose tenant
 * is known. The rows are locked while they are sent and marked published only after Kafka
 * acknowledged every send, so a crash in between republishes them (same event id) rather than
 * losing them, and two publishers never interleave one message's statuses.
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
		List<PublishedStatus> published = this.tx.execute((status) -> {
			List<PublishedStatus> rows = this.jdbc.query("""
					select h.message_id, h.status, h.at, h.error_code, h.detail, m.tenant_id, m.callback_url, m.price,
						m.accepted_at, m.connector_id,
						(select s.at from dlr.message_status s where s.message_id = h.message_id and s.status = 'SENT')
					from dlr.message_status h join dlr.message m on m.id = h.message_id
					where h.message_id = any(?) and not h.published and m.tenant_id is not null
					order by h.message_id, h.rank, h.at for update of h""",
					(rs, row) -> new PublishedStatus(StatusChanged.of(rs.getObject(1, UUID.class), rs.getString(6),
							MessageStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4),
							rs.getString(5), rs.getString(7), rs.getBigDecimal(8)), instant(rs.getTimestamp(9)),
							instant(rs.getTimestamp(11)), rs.getString(10)),
					new SqlArrayValue("uuid", messageIds.stream().distinct().sorted().toArray()));
			List<StatusChanged> changes = rows.stream().map(PublishedStatus::change).toList();
			send(changes);
			this.jdbc.batchUpdate("update dlr.message_status set published = true where message_id = ? and status = ?",
					changes.stream().map((c) -> new Object[] { c.messageId(), c.status().name() }).toList());
			return rows;
		});
		published.forEach(this.metrics::published);
		return published.size();
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
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

}
