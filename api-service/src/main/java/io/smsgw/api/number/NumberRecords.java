package io.smsgw.api.number;

import java.time.Instant;
import java.util.List;

/**
 * Bodies and answers of the number APIs.
 */
final class NumberRecords {

	private NumberRecords() {
	}

	/**
	 * {@code PUT /v1/admin/numbers/{number}}: give the number or short code to one tenant, or
	 * mark a short code as shared (tenants then own keywords on it). Exactly one of the two.
	 */
	record AssignNumber(String tenantId, Boolean shared) {
	}

	/** {@code PUT /v1/admin/numbers/{code}/keywords/{keyword}}: the tenant that owns the keyword. */
	record AssignKeyword(String tenantId) {
	}

	/**
	 * A number or short code as operators see it.
	 * @param kind {@code long_number} or {@code short_code}
	 * @param tenantId the owner, or {@code null} for a shared short code
	 * @param keywords the keywords tenants own on a shared short code
	 */
	record NumberView(String number, String kind, String tenantId, boolean shared, List<KeywordView> keywords,
			Instant createdAt) {
	}

	/** A keyword on a shared short code and the tenant that owns it (folded: upper case, no accents). */
	record KeywordView(String keyword, String tenantId, Instant createdAt) {
	}

	/**
	 * What a tenant owns: a number or short code outright ({@code keyword} null), or a keyword on
	 * a shared short code.
	 */
	record OwnedNumber(String number, String kind, String keyword, Instant since) {
	}

	/** {@code GET /v1/numbers}. */
	record OwnedNumbers(List<OwnedNumber> items) {
	}

}
