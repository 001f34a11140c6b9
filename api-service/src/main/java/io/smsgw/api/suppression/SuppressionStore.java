package io.smsgw.api.suppression;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.smsgw.api.web.PageCursor;

/**
 * The {@code suppression} table: per tenant, the numbers that opted out. A change carries the
 * time of what caused it; an older change never overrides a newer one, so a STOP and a START
 * handled out of order end in the state of the later one. Counts {@code sms.suppression.changes}.
 */
@Component
public class SuppressionStore {

	/** Where a change came from. */
	public enum Source {

		/** A STOP or START keyword of an inbound message. */
		KEYWORD,

		/** The tenant, through the API. */
		API

	}

	private final JdbcTemplate jdbc;

	private final MeterRegistry meters;

	SuppressionStore(JdbcTemplate jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/**
	 * Suppresses a number ({@code active}) or lifts its suppression; call in a transaction.
	 * @param at the time of the cause; a change older than the last one is ignored (API changes
	 * always apply)
	 * @return whether the number's state changed
	 */
	public boolean change(String tenantId, String number, boolean active, Source source, String keyword, Instant at) {
		OffsetDateTime time = utc(at);
		for (int attempt = 0; attempt < 3; attempt++) {
			List<State> rows = this.jdbc.query("SELECT active, changed_at FROM suppression "
					+ "WHERE tenant_id = ? AND number = ? FOR UPDATE",
					(rs, i) -> new State(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class)), tenantId, number);
			if (rows.isEmpty()) {
				int inserted = this.jdbc.update("INSERT INTO suppression (tenant_id, number, active, source, keyword, "
						+ "created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", tenantId,
						number, active, source.name(), keyword, time, time);
				if (inserted == 1) {
					counted(tenantId, active, source, active);
					return active;
				}
				continue;
			}
			State state = rows.get(0);
			if (source == Source.KEYWORD && state.changedAt().isAfter(time)) {
				return false;
			}
			OffsetDateTime changed = state.changedAt().isAfter(time) ? state.changedAt() : time;
			this.jdbc.update("UPDATE suppression SET active = ?, source = ?, keyword = ?, changed_at = ?, "
					+ "created_at = CASE WHEN active THEN created_at ELSE ? END WHERE tenant_id = ? AND number = ?",
					active, source.name(), keyword, changed, changed, tenantId, number);
			return counted(tenantId, active, source, state.active() != active);
		}
		throw new IllegalStateException("Could not change the suppression of a number");
	}

	/** A suppressed number of a tenant; empty when it is not suppressed. */
	public Optional<SuppressionView> find(String tenantId, String number) {
		return this.jdbc.query("SELECT number, source, keyword, created_at, changed_at FROM suppression "
				+ "WHERE tenant_id = ? AND number = ? AND active", (rs, i) -> view(rs), tenantId, number)
			.stream()
			.findFirst();
	}

	/** The numbers among {@code numbers} that a tenant has suppressed. */
	public Set<String> suppressedAmong(String tenantId, Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return Set.of();
		}
		String[] values = numbers.stream().distinct().toArray(String[]::new);
		return new HashSet<>(this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(
					"SELECT number FROM suppression WHERE tenant_id = ? AND number = ANY (?) AND active");
			statement.setString(1, tenantId);
			statement.setArray(2, connection.createArrayOf("text", values));
			return statement;
		}, (rs, i) -> rs.getString(1)));
	}

	/** One page of a tenant's suppressed numbers, most recently suppressed first. */
	public SuppressionList page(String tenantId, PageCursor after, int limit) {
		List<SuppressionView> items = (after == null)
				? this.jdbc.query("SELECT number, source, keyword, created_at, changed_at FROM suppression "
						+ "WHERE tenant_id = ? AND active ORDER BY created_at DESC, number DESC LIMIT ?",
						(rs, i) -> view(rs), tenantId, limit + 1)
				: this.jdbc.query("SELECT number, source, keyword, created_at, changed_at FROM suppression "
						+ "WHERE tenant_id = ? AND active AND (created_at, number) < (?, ?) "
						+ "ORDER BY created_at DESC, number DESC LIMIT ?", (rs, i) -> view(rs), tenantId,
						utc(after.at()), after.id(), limit + 1);
		if (items.size() <= limit) {
			return new SuppressionList(items, null);
		}
		List<SuppressionView> page = List.copyOf(items.subList(0, limit));
		SuppressionView last = page.get(limit - 1);
		return new SuppressionList(page, new PageCursor(last.suppressedAt(), last.number()).encode());
	}

	private boolean counted(String tenantId, boolean active, Source source, boolean changed) {
		if (!changed) {
			return false;
		}
		Runnable count = () -> Counter.builder("sms.suppression.changes")
			.description("Numbers added to or removed from tenants' suppression lists")
			.tag("tenant", tenantId)
			.tag("action", active ? "add" : "remove")
			.tag("source", source.name().toLowerCase(Locale.ROOT))
			.register(this.meters)
			.increment();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
		return true;
	}

	private static SuppressionView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SuppressionView(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3),
				rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record State(boolean active, OffsetDateTime changedAt) {
	}

}
