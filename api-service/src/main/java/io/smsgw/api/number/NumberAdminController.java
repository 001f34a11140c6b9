package io.smsgw.api.number;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.keyword.KeywordSets;
import io.smsgw.api.keyword.Words;
import io.smsgw.api.number.Addresses.Address;
import io.smsgw.api.number.NumberRecords.AssignKeyword;
import io.smsgw.api.number.NumberRecords.AssignNumber;
import io.smsgw.api.number.NumberRecords.NumberView;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.common.web.ConflictException;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;

/**
 * Operators (scope {@code admin}) give numbers and short codes to tenants, each to one tenant
 * only, or mark short codes shared and give keywords on them to tenants.
 */
@RestController
class NumberAdminController {

	private static final String BASE = "/v1/admin/numbers";

	private final NumberStore numbers;

	private final TenantDirectory tenants;

	private final KeywordSets keywordSets;

	private final TransactionTemplate transactions;

	NumberAdminController(NumberStore numbers, TenantDirectory tenants, KeywordSets keywordSets,
			TransactionTemplate transactions) {
		this.numbers = numbers;
		this.tenants = tenants;
		this.keywordSets = keywordSets;
		this.transactions = transactions;
	}

	@GetMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
	List<NumberView> list(@RequestParam(required = false) String tenantId) {
		if (tenantId != null && tenantId.chars().anyMatch(Character::isISOControl)) {
			// no tenant has such an id, and PostgreSQL refuses NUL in a text parameter outright
			throw InvalidRequestException.of("tenantId", "must not contain control characters");
		}
		return this.numbers.list(tenantId);
	}

	@GetMapping(path = BASE + "/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	NumberView get(@PathVariable String number) {
		Address address = address(number);
		return this.numbers.find(address.value()).orElseThrow(() -> notFound(address.value()));
	}

	/** Gives a number or short code to a tenant, or shares a short code: 201, or 200 when it was so already. */
	@PutMapping(path = BASE + "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<NumberView> assign(@PathVariable String number, @RequestBody AssignNumber request) {
		Address address = address(number);
		boolean shared = Boolean.TRUE.equals(request.shared());
		if (shared == (request.tenantId() != null)) {
			throw InvalidRequestException.of("tenantId", "give either a tenantId or \"shared\": true");
		}
		if (shared && !address.kind().equals(Addresses.SHORT_CODE)) {
			throw InvalidRequestException.of("shared", "only a short code can be shared");
		}
		if (!shared) {
			knownTenant(request.tenantId());
		}
		boolean created = this.numbers.insert(address.value(), address.kind(), request.tenantId(), shared);
		NumberView view = this.numbers.find(address.value()).orElseThrow(() -> notFound(address.value()));
		if (!created && (view.shared() != shared || (!shared && !view.tenantId().equals(request.tenantId())))) {
			throw new ConflictException(address.value() + " is assigned already; release it first (DELETE)");
		}
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create(BASE + "/" + address.value()))
			.body(view);
	}

	/** Releases a number or short code (with the keywords on it): nobody owns its inbound messages any more. */
	@DeleteMapping(path = BASE + "/{number}")
	ResponseEntity<Void> release(@PathVariable String number) {
		Address address = address(number);
		if (!this.numbers.delete(address.value())) {
			throw notFound(address.value());
		}
		return ResponseEntity.noContent().build();
	}

	@PutMapping(path = BASE + "/{number}/keywords/{keyword}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<NumberView> assignKeyword(@PathVariable String number, @PathVariable String keyword,
			@RequestBody AssignKeyword request) {
		Address address = address(number);
		String word = keyword(keyword);
		knownTenant(request.tenantId());
		Boolean created = this.transactions.execute((status) -> {
			NumberView code = this.numbers.find(address.value()).orElseThrow(() -> notFound(address.value()));
			if (!code.shared()) {
				throw new ConflictException(address.value() + " is not a shared short code");
			}
			boolean inserted = this.numbers.insertKeyword(address.value(), word, request.tenantId());
			boolean same = code.keywords().stream()
				.anyMatch((k) -> k.keyword().equals(word) && k.tenantId().equals(request.tenantId()));
			if (!inserted && !same) {
				throw new ConflictException("The keyword " + word + " on " + address.value() + " belongs to another tenant");
			}
			return inserted;
		});
		NumberView view = this.numbers.find(address.value()).orElseThrow(() -> notFound(address.value()));
		return ResponseEntity.status(Boolean.TRUE.equals(created) ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@DeleteMapping(path = BASE + "/{number}/keywords/{keyword}")
	ResponseEntity<Void> releaseKeyword(@PathVariable String number, @PathVariable String keyword) {
		Address address = address(number);
		if (!this.numbers.deleteKeyword(address.value(), keyword(keyword))) {
			throw new NotFoundException("No keyword " + shorten(keyword) + " on " + address.value());
		}
		return ResponseEntity.noContent().build();
	}

	private String keyword(String keyword) {
		String word = Words.fold(keyword);
		if (!Words.isKeyword(word)) {
			throw InvalidRequestException.of("keyword", "must be one word of 1 to " + Words.MAX_LENGTH
					+ " letters or digits");
		}
		if (this.keywordSets.isDefaultKeyword(word)) {
			throw InvalidRequestException.of("keyword", "is a STOP, START or HELP keyword");
		}
		return word;
	}

	private void knownTenant(String tenantId) {
		if (tenantId == null || tenantId.length() > 64 || this.tenants.find(tenantId).isEmpty()) {
			throw new InvalidRequestException(List.of(new FieldProblem("tenantId", "is not a known tenant")));
		}
	}

	private static Address address(String number) {
		return Addresses.parse(number)
			.orElseThrow(() -> InvalidRequestException.of("number",
					"must be a short code of 3 to 8 digits or an international number (+<country code><number>)"));
	}

	private static NotFoundException notFound(String address) {
		return new NotFoundException("No number or short code " + address);
	}

	private static String shorten(String text) {
		return (text.length() <= 32) ? text : text.substring(0, 32) + "…";
	}

}
