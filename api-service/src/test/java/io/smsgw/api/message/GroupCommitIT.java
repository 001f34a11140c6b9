package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import io.smsgw.api.ApiTestSupport;
import io.smsgw.api.message.GroupWriter.Send;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.api.web.TooManyRequestsException;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit of single sends: concurrent requests share transactions, yet each gets its own
 * answer (a suppressed recipient, an excess over the daily quota or an invalid body refuses only
 * that request), and each accepted message is stored once, with its history and its outbox row.
 */
class GroupCommitIT extends ApiTestSupport {

	@Autowired
	private GroupWriter writer;

	@Autowired
	private MessageIntake intake;

	@Autowired
	private TenantDirectory tenants;

	@Test
	void concurrentSingleSendsGetTheirOwnAnswers() throws Exception {
		String tenant = newTenant(Map.of("dailyQuota", 20, "ratePerSecond", 1000));
		String token = clientToken(tenant);
		List<String> suppressed = List.of(mobile(), mobile());
		for (String number : suppressed) {
			assertThat(callJson("PUT", "/v1/suppressions/" + number, token, null).statusCode()).isEqualTo(201);
		}
		List<Map<String, Object>> bodies = new ArrayList<>();
		suppressed.forEach((to) -> bodies.add(Map.of("to", to, "from", "Group", "body", "suppressed")));
		bodies.add(Map.of("to", "not a number", "from", "Group", "body", "invalid"));
		for (int i = 0; i < 27; i++) {
			bodies.add(Map.of("to", mobile(), "from", "Group", "body", "valid " + i));
		}

		List<HttpResponse<String>> answers = sendAllAtOnce(token, bodies);

		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		answers.forEach((r) -> statuses.merge(r.statusCode(), 1, Integer::sum));
		assertThat(statuses).isEqualTo(Map.of(202, 20, 400, 1, 422, 2, 429, 7));
		for (int i = 0; i < answers.size(); i++) {
			HttpResponse<String> answer = answers.get(i);
			if (i < 2) {
				assertThat(json(answer).get("type").asString()).isEqualTo(RecipientSuppressedException.TYPE.toString());
			}
			if (answer.statusCode() == 429) {
				assertThat(answer.headers().firstValue("Retry-After")).isPresent();
				assertThat(json(answer).get("detail").asString()).contains("daily quota of 20");
			}
			if (answer.statusCode() != 202) {
				assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			}
		}
		Set<UUID> acceptedIds = new HashSet<>();
		answers.stream()
			.filter((r) -> r.statusCode() == 202)
			.forEach((r) -> acceptedIds.add(UUID.fromString(json(r).get("id").asString())));
		assertThat(acceptedIds).hasSize(20);
		assertThat(this.jdbc.queryForList("SELECT id FROM message WHERE tenant_id = ?", UUID.class, tenant))
			.containsExactlyInAnyOrderElementsOf(acceptedIds);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM message_status s JOIN message m "
				+ "ON m.id = s.message_id WHERE m.tenant_id = ? AND s.status = 'ACCEPTED'", Integer.class, tenant))
			.isEqualTo(20);
		assertThat(this.jdbc.queryForObject("SELECT messages FROM tenant_daily_usage WHERE tenant_id = ?",
				Integer.class, tenant)).isEqualTo(20);
		List<UUID> relayed = KafkaTestClient
			.read(Topics.MT_ACCEPTED, (e) -> tenant.equals(((MessageAccepted) e).tenantId()), 20,
					Duration.ofSeconds(20), Duration.ofSeconds(1), true)
			.stream()
			.map((r) -> ((MessageAccepted) r.value()).messageId())
			.toList();
		assertThat(relayed).containsExactlyInAnyOrderElementsOf(acceptedIds);
	}

	/** One group of two tenants: one transaction, and each send's own refusal. */
	@Test
	void oneGroupIsOneTransactionWithRefusalsPerSend() {
		Tenant quota = tenant(newTenant(Map.of("dailyQuota", 2)));
		Tenant free = tenant(newTenant(Map.of()));
		String suppressed = mobile();
		this.jdbc.update("INSERT INTO suppression (tenant_id, number, active, source, created_at, changed_at) "
				+ "VALUES (?, ?, true, 'API', now(), now())", quota.getId(), suppressed);
		List<Send> group = List.of(send(quota, suppressed), send(quota, mobile()), send(free, mobile()),
				send(quota, mobile()), send(quota, mobile()), send(free, mobile()));

		this.writer.write(group);

		assertThat(group).allMatch((s) -> s.done().isDone());
		assertThat(failure(group.get(0))).isInstanceOf(RecipientSuppressedException.class);
		assertThat(failure(group.get(4))).isInstanceOf(TooManyRequestsException.class)
			.hasMessageContaining("daily quota of 2 messages is used up (2 sent today, 1 more asked for)");
		List<Send> stored = List.of(group.get(1), group.get(2), group.get(3), group.get(5));
		assertThat(stored).allMatch((s) -> failure(s) == null);
		assertThat(transactionsOf(stored)).as("transactions that stored the group").isEqualTo(1);
		Set<UUID> ids = new HashSet<>();
		stored.forEach((s) -> ids.add(s.message().row().event().messageId()));
		assertThat(KafkaTestClient.read(Topics.MT_ACCEPTED, (e) -> ids.contains(((MessageAccepted) e).messageId()), 4,
				Duration.ofSeconds(20), Duration.ofSeconds(1), true)).as("relayed outbox rows").hasSize(4);
	}

	/** A send that fails in the database fails alone: the others of its group are stored. */
	@Test
	void aFailingSendDoesNotFailItsGroup() throws Exception {
		Tenant tenant = tenant(newTenant(Map.of()));
		Send first = send(tenant, mobile());
		this.writer.write(List.of(first));
		assertThat(failure(first)).isNull();
		Send duplicate = new Send(tenant, first.message(), new CompletableFuture<>());
		List<Send> group = List.of(send(tenant, mobile()), duplicate, send(tenant, mobile()));

		this.writer.write(group);

		assertThat(failure(duplicate)).isInstanceOf(DuplicateKeyException.class);
		assertThat(failure(group.get(0))).isNull();
		assertThat(failure(group.get(2))).isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM message WHERE tenant_id = ?", Integer.class,
				tenant.getId())).isEqualTo(3);
	}

	private List<HttpResponse<String>> sendAllAtOnce(String token, List<Map<String, Object>> bodies)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (Map<String, Object> body : bodies) {
				futures.add(pool.submit(() -> {
					start.await();
					return postJson(token, body);
				}));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Send send(Tenant tenant, String to) {
		PreparedMessage message = this.intake.prepare(tenant, new SendMessageRequest(to, "Group", "grouped", null),
				MessageIntake.now());
		return new Send(tenant, message, new CompletableFuture<>());
	}

	private static Throwable failure(Send send) {
		try {
			send.done().getNow(null);
			return null;
		}
		catch (CompletionException ex) {
			return ex.getCause();
		}
	}

	/** How many transactions wrote the sends' message rows (their {@code xmin}). */
	private int transactionsOf(List<Send> sends) {
		Set<String> transactions = new HashSet<>();
		for (Send send : sends) {
			transactions.add(this.jdbc.queryForObject("SELECT xmin::text FROM message WHERE id = ?", String.class,
					send.message().row().event().messageId()));
		}
		return transactions.size();
	}

	private Tenant tenant(String id) {
		return this.tenants.find(id).orElseThrow();
	}

	private String newTenant(Map<String, Object> limits) {
		String id = "grp-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			assertThat(callJson("POST", "/v1/admin/tenants", adminToken(), Map.of("id", id, "limits", limits))
				.statusCode()).isEqualTo(201);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return id;
	}

	private String clientToken(String tenant) throws Exception {
		var client = json(callJson("POST", "/v1/admin/tenants/" + tenant + "/clients", adminToken(), Map.of()));
		return token(client.get("clientId").asString(), client.get("clientSecret").asString(), null);
	}

	private static String mobile() {
		return "+49152" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}
