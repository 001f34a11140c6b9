package io.smsgw.api.number;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.smsgw.api.keyword.Words;
import io.smsgw.api.number.NumberRecords.KeywordView;
import io.smsgw.api.number.NumberRecords.NumberView;
import io.smsgw.api.number.NumberRecords.OwnedNumber;

/**
 * The {@code inbound_address} and {@code inbound_keyword} tables: who owns which number, short
 * code or keyword on a shared short code, and the look-up of an inbound message's owner.
 */
@Component
public class NumberStore {

	private static final String ADDRESS_COLUMNS = "address, kind, tenant_id, shared, created_at";

	private final JdbcTemplate jdbc;

	NumberStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The owner of an inbound message: the tenant that owns the number or short code it was sent
	 * to, or on a shared short code the tenant that owns its first word as a keyword.
	 */
	public Optional<Owner> resolve(String to, String body) {
		List<String> candidates = Addresses.candidates(to);
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		List<NumberView> found = this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("SELECT " + ADDRESS_COLUMNS
					+ " FROM inbound_address WHERE address = ANY (?)");
			statement.setArray(1, connection.createArrayOf("text", candidates.toArray()));
			return statement;
		}, (rs, i) -> view(rs, List.of()));
		Optional<NumberView> address = found.stream()
			.min(Comparator.comparingInt((NumberView v) -> candidates.indexOf(v.number())));
		if (address.isEmpty()) {
			return Optional.empty();
		}
		NumberView number = address.get();
		List<String> words = Words.first(body, 2);
		if (!number.shared()) {
			return Optional.of(new Owner(number.tenantId(), number.number(), null, words.isEmpty() ? null : words.get(0)));
		}
		if (words.isEmpty()) {
			return Optional.empty();
		}
		String keyword = words.get(0);
		return this.jdbc.query("SELECT tenant_id FROM inbound_keyword WHERE address = ? AND keyword = ?",
				(rs, i) -> rs.getString(1), number.number(), keyword)
			.stream()
			.findFirst()
			.map((tenantId) -> new Owner(tenantId, number.number(), keyword, (words.size() > 1) ? words.get(1) : null));
	}

	Optional<NumberView> find(String address) {
		return this.jdbc.query("SELECT " + ADDRESS_COLUMNS + " FROM inbound_address WHERE address = ?",
				(rs, i) -> view(rs, keywords(rs.getString(1))), address).stream().findFirst();
	}

	List<NumberView> list(String tenantId) {
		return (tenantId == null)
				? this.jdbc.query("SELECT " + ADDRESS_COLUMNS + " FROM inbound_address ORDER BY address",
						(rs, i) -> view(rs, keywords(rs.getString(1))))
				: this.jdbc.query("SELECT " + ADDRESS_COLUMNS + " FROM inbound_address WHERE tenant_id = ? "
						+ "OR address IN (SELECT address FROM inbound_keyword WHERE tenant_id = ?) ORDER BY address",
						(rs, i) -> view(rs, keywords(rs.getString(1))), tenantId, tenantId);
	}

	/** Inserts an address unless it exists; returns whether it was inserted. */
	boolean insert(String address, String kind, String tenantId, boolean shared) {
		return this.jdbc.update("INSERT INTO inbound_address (address, kind, tenant_id, shared) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT (address) DO NOTHING", address, kind, tenantId, shared) == 1;
	}

	boolean delete(String address) {
		return this.jdbc.update("DELETE FROM inbound_address WHERE address = ?", address) == 1;
	}

	/** Inserts a keyword on a shared code unless it exists; returns whether it was inserted. */
	boolean insertKeyword(String address, String keyword, String tenantId) {
		return this.jdbc.update("INSERT INTO inbound_keyword (address, keyword, tenant_id) VALUES (?, ?, ?) "
				+ "ON CONFLICT (address, keyword) DO NOTHING", address, keyword, tenantId) == 1;
	}

	boolean deleteKeyword(String address, String keyword) {
		return this.jdbc.update("DELETE FROM inbound_keyword WHERE address = ? AND keyword = ?", address, keyword) == 1;
	}

	/** What a tenant owns: whole numbers and short codes, then keywords on shared codes. */
	List<OwnedNumber> owned(String tenantId) {
		List<OwnedNumber> owned = new java.util.ArrayList<>(this.jdbc.query("SELECT address, kind, created_at "
				+ "FROM inbound_address WHERE tenant_id = ? ORDER BY address", (rs, i) -> new OwnedNumber(
						rs.getString(1), label(rs.getString(2)), null, instant(rs, 3)), tenantId));
		owned.addAll(this.jdbc.query("SELECT k.address, a.kind, k.keyword, k.created_at FROM inbound_keyword k "
				+ "JOIN inbound_address a ON a.address = k.address WHERE k.tenant_id = ? ORDER BY k.address, k.keyword",
				(rs, i) -> new OwnedNumber(rs.getString(1), label(rs.getString(2)), rs.getString(3), instant(rs, 4)),
				tenantId));
		return owned;
	}

	private List<KeywordView> keywords(String address) {
		return this.jdbc.query("SELECT keyword, tenant_id, created_at FROM inbound_keyword WHERE address = ? "
				+ "ORDER BY keyword", (rs, i) -> new KeywordView(rs.getString(1), rs.getString(2), instant(rs, 3)),
				address);
	}

	private static NumberView view(ResultSet rs, List<KeywordView> keywords) throws SQLException {
		return new NumberView(rs.getString(1), label(rs.getString(2)), rs.getString(3), rs.getBoolean(4), keywords,
				instant(rs, 5));
	}

	static String label(String kind) {
		return kind.toLowerCase(Locale.ROOT);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * The owner of an inbound message.
	 * @param tenantId the tenant
	 * @param address the number or short code as stored
	 * @param keyword the tenant's keyword on a shared short code, or {@code null}
	 * @param commandWord the word that may be a STOP/START/HELP keyword: the first word, or on a
	 * shared code the word after the tenant's keyword; {@code null} when there is none
	 */
	public record Owner(String tenantId, String address, String keyword, String commandWord) {
	}

}
