package io.smsgw.router.dispatch;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The router's record of its decisions ({@code router.routing_decision}): where each attempt of
 * a message went and at what price. Written before the Kafka transaction of the same batch
 * commits; a redelivered batch overwrites its own rows.
 */
public class RoutingDecisions {

	private final JdbcTemplate jdbc;

	public RoutingDecisions(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Records decisions, replacing earlier ones of the same message and attempt. Within one call
	 * the last decision of a message and attempt wins: the batch is sent as multi-row inserts
	 * ({@code reWriteBatchedInserts}), and one statement must not upsert a row twice.
	 */
	public void record(List<RoutingDecision> all) {
		record(all, Map.of());
	}

	/**
	 * Records decisions as {@link #record(List)} does, each first attempt with the record it came
	 * from ({@code sources}, by message id), so that another record of the same message is known as
	 * a duplicate ({@link #firstSources}).
	 */
	public void record(List<RoutingDecision> all, Map<UUID, Source> sources) {
		if (all.isEmpty()) {
			return;
		}
		Map<String, RoutingDecision> latest = new LinkedHashMap<>();
		all.forEach((d) -> latest.put(d.messageId() + "/" + d.attempt(), d));
		List<RoutingDecision> decisions = List.copyOf(latest.values());
		this.jdbc.batchUpdate("""
				insert into router.routing_decision (message_id, attempt, route_id, route_name, connector_id,
				price_per_segment, segments, candidates, decided_at, source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (message_id, attempt) do update set route_id = excluded.route_id,
				source_partition = excluded.source_partition, source_offset = excluded.source_offset,
				route_name = excluded.route_name, connector_id = excluded.connector_id,
				price_per_segment = excluded.price_per_segment, segments = excluded.segments,
				candidates = excluded.candidates, decided_at = excluded.decided_at""", decisions, decisions.size(),
				(ps, d) -> {
					ps.setObject(1, d.messageId());
					ps.setInt(2, d.attempt());
					ps.setObject(3, d.routeId());
					ps.setString(4, d.routeName());
					ps.setString(5, d.connectorId());
					ps.setBigDecimal(6, d.pricePerSegment());
					ps.setInt(7, d.segments());
					ps.setString(8, String.join(",", d.candidates()));
					ps.setTimestamp(9, Timestamp.from(d.decidedAt()));
					Source source = (d.attempt() == 1) ? sources.get(d.messageId()) : null;
					ps.setObject(10, (source != null) ? source.partition() : null, Types.INTEGER);
					ps.setObject(11, (source != null) ? source.offset() : null, Types.BIGINT);
				});
	}

	/**
	 * The records that made the first decisions of these messages, for those routed before and
	 * whose record is known.
	 */
	public Map<UUID, Source> firstSources(Collection<UUID> messageIds) {
		Map<UUID, Source> sources = new HashMap<>();
		if (messageIds.isEmpty()) {
			return sources;
		}
		this.jdbc.query("""
				select message_id, source_partition, source_offset from router.routing_decision
				where attempt = 1 and source_offset is not null and message_id = any (?)""",
				(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", messageIds.toArray())),
				(rs) -> {
					sources.put(rs.getObject("message_id", UUID.class),
							new Source(rs.getInt("source_partition"), rs.getLong("source_offset")));
				});
		return sources;
	}

	/**
	 * The MessageAccepted record (partition and offset of {@code sms.mt.accepted}) that made a first decision.
	 * @param partition the record's partition
	 * @param offset its offset
	 */
	public record Source(int partition, long offset) {
	}

	/** The decisions of a message, by attempt. */
	public List<RoutingDecision> of(UUID messageId) {
		return this.jdbc.query("select * from router.routing_decision where message_id = ? order by attempt",
				(rs, n) -> new RoutingDecision(rs.getObject("message_id", UUID.class), rs.getInt("attempt"),
						(Long) rs.getObject("route_id"), rs.getString("route_name"), rs.getString("connector_id"),
						rs.getBigDecimal("price_per_segment"), rs.getInt("segments"), split(rs.getString("candidates")),
						rs.getTimestamp("decided_at").toInstant()),
				messageId);
	}

	private static List<String> split(String candidates) {
		return (candidates == null || candidates.isEmpty()) ? List.of() : Arrays.asList(candidates.split(","));
	}

}
