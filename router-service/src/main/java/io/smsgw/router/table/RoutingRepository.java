package io.smsgw.router.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.common.event.MessageType;
import io.smsgw.router.routing.Connector;
import io.smsgw.router.routing.Route;
import io.smsgw.router.routing.RouteFilters;
import io.smsgw.router.routing.RouteMember;
import io.smsgw.router.routing.RoutingTable;
import io.smsgw.router.routing.Strategy;
import io.smsgw.router.routing.TimeWindow;

/**
 * The connectors and routes in PostgreSQL (schema {@code router}). Every write runs in its own
 * JDBC transaction (not the Kafka one) and bumps the configuration version.
 */
public class RoutingRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public RoutingRepository(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Runs writes in one transaction and bumps the version; answers the new version and the result. */
	public <T> Versioned<T> write(Supplier<T> work) {
		return this.transactions.execute((status) -> {
			T result = work.get();
			long version = this.jdbc.sql("update router.routing_version set version = version + 1 returning version")
				.query(Long.class)
				.single();
			return new Versioned<>(version, result);
		});
	}

	/** A consistent snapshot of everything (one repeatable-read transaction). */
	public RoutingTable load() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
		return readOnly.execute((status) -> {
			long version = this.jdbc.sql("select version from router.routing_version").query(Long.class).single();
			return RoutingTable.of(version, connectors(), routes());
		});
	}

	public List<Connector> connectors() {
		return this.jdbc.sql("select id, kind, description, enabled from router.connector order by id")
			.query((rs, n) -> new Connector(rs.getString("id"), Connector.Kind.valueOf(rs.getString("kind")),
					rs.getString("description"), rs.getBoolean("enabled")))
			.list();
	}

	public Optional<Connector> connector(String id) {
		return connectors().stream().filter((c) -> c.id().equals(id)).findFirst();
	}

	/** Inserts or updates a connector; answers whether it was new. */
	public boolean saveConnector(Connector connector) {
		int updated = this.jdbc.sql("""
				update router.connector set kind = ?, description = ?, enabled = ?, updated_at = now() where id = ?""")
			.params(connector.kind().name(), connector.description(), connector.enabled(), connector.id())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into router.connector (id, kind, description, enabled) values (?, ?, ?, ?)")
				.params(connector.id(), connector.kind().name(), connector.description(), connector.enabled())
				.update();
		}
		return updated == 0;
	}

	public boolean deleteConnector(String id) {
		return this.jdbc.sql("delete from router.connector where id = ?").param(id).update() > 0;
	}

	public boolean hasRoutes() {
		return this.jdbc.sql("select count(*) from router.route").query(Long.class).single() > 0;
	}

	public List<Route> routes() {
		Map<Long, List<RouteMember>> members = new LinkedHashMap<>();
		this.jdbc.sql("""
				select route_id, connector_id, weight, price_per_segment from router.route_member
				order by route_id, position""")
			.query((ResultSet rs) -> {
				members.computeIfAbsent(rs.getLong("route_id"), (k) -> new ArrayList<>())
					.add(new RouteMember(rs.getString("connector_id"), rs.getInt("weight"),
							rs.getBigDecimal("price_per_segment")));
			});
		return this.jdbc.sql("select * from router.route order by priority, id")
			.query((rs, n) -> route(rs, members.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public Optional<Route> route(long id) {
		return routes().stream().filter((r) -> r.id() == id).findFirst();
	}

	/** Inserts a route ({@code id} ignored) and answers its id. */
	public long insertRoute(Route route) {
		long id = this.jdbc.sql("""
				insert into router.route (name, priority, is_default, strategy) values (?, ?, ?, ?) returning id""")
			.params(route.name(), route.priority(), route.isDefault(), route.strategy().name())
			.query(Long.class)
			.single();
		writeDetails(id, route);
		return id;
	}

	/** Replaces a route; answers whether it existed. */
	public boolean updateRoute(long id, Route route) {
		int updated = this.jdbc.sql("update router.route set name = ?, priority = ?, strategy = ? where id = ?")
			.params(route.name(), route.priority(), route.strategy().name(), id)
			.update();
		if (updated > 0) {
			this.jdbc.sql("delete from router.route_member where route_id = ?").param(id).update();
			writeDetails(id, route);
		}
		return updated > 0;
	}

	public boolean deleteRoute(long id) {
		return this.jdbc.sql("delete from router.route where id = ?").param(id).update() > 0;
	}

	private void writeDetails(long id, Route route) {
		RouteFilters f = route.filters();
		TimeWindow w = f.window();
		this.jdbc.sql("""
				update router.route set tenant_id = ?, prefix = ?, country = ?, number_type = ?, sender_pattern = ?,
				message_type = ?, window_days = ?, window_start = ?, window_end = ?, window_zone = ?, updated_at = now()
				where id = ?""")
			.params(f.tenantId(), f.prefix(), f.country(), f.numberType(), f.senderPattern(),
					(f.messageType() != null) ? f.messageType().name() : null,
					(w != null) ? w.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")) : null,
					(w != null && w.start() != null) ? Time.valueOf(w.start()) : null,
					(w != null && w.end() != null) ? Time.valueOf(w.end()) : null, (w != null) ? w.zone().getId() : null,
					id)
			.update();
		int position = 0;
		for (RouteMember member : route.members()) {
			this.jdbc.sql("""
					insert into router.route_member (route_id, position, connector_id, weight, price_per_segment)
					values (?, ?, ?, ?, ?)""")
				.params(id, position++, member.connectorId(), member.weight(), member.pricePerSegment())
				.update();
		}
	}

	private static Route route(ResultSet rs, List<RouteMember> members) throws SQLException {
		TimeWindow window = null;
		if (rs.getString("window_zone") != null) {
			String days = rs.getString("window_days");
			Set<DayOfWeek> daySet = EnumSet.noneOf(DayOfWeek.class);
			if (days != null && !days.isBlank()) {
				for (String day : days.split(",")) {
					daySet.add(DayOfWeek.valueOf(day));
				}
			}
			Time start = rs.getTime("window_start");
			Time end = rs.getTime("window_end");
			window = new TimeWindow(daySet, (start != null) ? start.toLocalTime() : null,
					(end != null) ? end.toLocalTime() : null, ZoneId.of(rs.getString("window_zone")));
		}
		String messageType = rs.getString("message_type");
		RouteFilters filters = new RouteFilters(rs.getString("tenant_id"), rs.getString("prefix"),
				rs.getString("country"), rs.getString("number_type"), rs.getString("sender_pattern"),
				(messageType != null) ? MessageType.valueOf(messageType) : null, window);
		return new Route(rs.getLong("id"), rs.getString("name"), rs.getInt("priority"), rs.getBoolean("is_default"),
				filters, Strategy.valueOf(rs.getString("strategy")), members);
	}

	/**
	 * The result of a write and the configuration version it produced.
	 *
	 * @param version the new version
	 * @param result what the write answered
	 * @param <T> the result type
	 */
	public record Versioned<T>(long version, T result) {

	}

}
