package io.smsgw.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.smsgw.common.event.Topics;
import io.smsgw.webhook.delivery.Callback;
import io.smsgw.webhook.delivery.DeliveryLog.Queued;
import io.smsgw.webhook.delivery.DeliveryState;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poll's callbacks are queued by one statement over arrays: what it returns says which were new
 * (a duplicate in the same poll or one queued before is not), and the bytes stored are those given.
 */
class QueueWritesIT extends WebhookITSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void onePollIsQueuedOnceWithItsBytesAndDuplicatesAreReported() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID message = UUID.randomUUID();
		String url = receiver.url("/queue-writes");
		byte[] source = { 0, 1, (byte) 0xff, '\\', '"', ',' };
		Queued a = queued(first, message, url, source);
		Queued b = queued(second, message, url, source);

		assertThat(this.deliveryLog.enqueueAll(List.of(a, b, a), Instant.now())).containsExactly(true, true, false);
		assertThat(this.deliveryLog.enqueueAll(List.of(b), Instant.now())).containsExactly(false);

		assertThat(this.jdbc.queryForObject("select source from delivery_log where event_id = ?", byte[].class, first))
			.isEqualTo(source);
		assertThat(new String(this.jdbc.queryForObject("select body from delivery_log where event_id = ?", byte[].class,
				second), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"" + second + "\"}");
		assertThat(this.jdbc.queryForList("select event_id from delivery_log where message_id = ? order by id",
				UUID.class, message)).as("one row each, in poll order").containsExactly(first, second);
		await().atMost(Duration.ofSeconds(30)).until(() -> List.of(first, second)
			.stream()
			.allMatch((id) -> this.deliveryLog.find(id).map((d) -> d.state() == DeliveryState.DELIVERED).orElse(false)));
		// each event at least once (a retry after a read timeout on a loaded machine may repeat one)
		assertThat(receiver.accepted("/queue-writes")).extracting((r) -> r.header(WebhookSignature.EVENT_ID_HEADER))
			.contains(first.toString(), second.toString())
			.containsOnly(first.toString(), second.toString());
		assertThat(this.jdbc.queryForObject("select array_to_string(reloptions, ',') from pg_class "
				+ "where oid = 'webhook.delivery_log'::regclass", String.class))
			.as("room in each page for the claim's HOT update").contains("fillfactor=60");
	}

	/**
	 * The dispatcher's claim must be planned for its own parameters: a generic plan, which PostgreSQL may keep for a
	 * connection's life after five executions, reads and sorts every due delivery (99 ms a claim at 20,000 queued).
	 */
	@Test
	void everyPooledConnectionPlansStatementsForTheirParameters() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
		}
	}

	/**
	 * A burst must not be planned as the short queue autovacuum last saw (it looks once a minute at most): with
	 * statistics of an empty queue the planner takes every partial index for one row and the claim reads the whole
	 * queue. When the queue doubles past 1,000 pending the dispatcher refreshes them.
	 */
	@Test
	void aBurstOfQueuedCallbacksRefreshesThePlannersStatistics() {
		OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
		String url = receiver.url("/burst");
		List<Queued> burst = IntStream.range(0, 1500)
			.mapToObj((i) -> queued(UUID.randomUUID(), UUID.randomUUID(), url, new byte[] { 1 }))
			.toList();
		// due in an hour: pending all along, never attempted
		this.deliveryLog.enqueueAll(burst, Instant.now().plus(Duration.ofHours(1)));
		try {
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				OffsetDateTime analyzed = this.jdbc.queryForObject("select last_analyze from pg_stat_user_tables "
						+ "where relid = 'webhook.delivery_log'::regclass", OffsetDateTime.class);
				return analyzed != null && analyzed.isAfter(before);
			});
		}
		finally {
			this.jdbc.update("delete from delivery_log where url = ?", url);
		}
	}

	private static Queued queued(UUID eventId, UUID messageId, String url, byte[] source) {
		byte[] body = ("{\"eventId\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8);
		return new Queued(new Callback(eventId, messageId, "tenant-a", "message.status", url, body, null), Topics.MT_STATUS,
				source);
	}

}
