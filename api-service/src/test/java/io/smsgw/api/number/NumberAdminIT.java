package io.smsgw.api.number;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.InboundTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators assign numbers and short codes to one tenant each, share short codes, and release
 * them; tenants only read what they own.
 */
class NumberAdminIT extends InboundTestSupport {

	@Test
	void aNumberBelongsToOneTenant() throws Exception {
		String admin = adminToken();
		String number = mobile();
		String path = "/v1/admin/numbers/" + number;

		assertThat(callJson("PUT", path, admin, Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(201);
		assertThat(callJson("PUT", path, admin, Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(200);
		assertThat(callJson("PUT", path, admin, Map.of("tenantId", "tenant-b")).statusCode()).isEqualTo(409);
		assertThat(callJson("PUT", "/v1/admin/numbers/00" + number.substring(1), admin,
				Map.of("tenantId", "tenant-b")).statusCode()).isEqualTo(409);
		JsonNode view = json(get(admin, path));
		assertThat(view.get("tenantId").asString()).isEqualTo("tenant-a");
		assertThat(view.get("kind").asString()).isEqualTo("long_number");
		assertThat(json(get(admin, "/v1/admin/numbers?tenantId=tenant-a")).toString()).contains(number);

		assertThat(callJson("DELETE", path, admin, null).statusCode()).isEqualTo(204);
		assertThat(get(admin, path).statusCode()).isEqualTo(404);
		assertThat(callJson("DELETE", path, admin, null).statusCode()).isEqualTo(404);
		assertThat(callJson("PUT", path, admin, Map.of("tenantId", "tenant-b")).statusCode()).isEqualTo(201);
		assertThat(json(get(token("client-b", "secret-b", null), "/v1/numbers")).toString()).contains(number);
		assertThat(json(get(token("client-a", "secret-a", null), "/v1/numbers")).toString()).doesNotContain(number);
	}

	@Test
	void badAssignmentsAreProblems() throws Exception {
		String admin = adminToken();
		String code = shortCode();
		assertThat(callJson("PUT", "/v1/admin/numbers/" + mobile(), admin, Map.of("shared", true)).statusCode())
			.isEqualTo(400);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code, admin, Map.of("tenantId", "tenant-a", "shared", true))
			.statusCode()).isEqualTo(400);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code, admin, Map.of("tenantId", "no-such-tenant"))
			.statusCode()).isEqualTo(400);
		assertThat(callJson("PUT", "/v1/admin/numbers/not-a-number", admin, Map.of("tenantId", "tenant-a"))
			.statusCode()).isEqualTo(400);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code + "/keywords/PIZZA", admin,
				Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(404);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code, admin, Map.of("tenantId", "tenant-a")).statusCode())
			.isEqualTo(201);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code + "/keywords/PIZZA", admin,
				Map.of("tenantId", "tenant-a")).statusCode()).as("not a shared code").isEqualTo(409);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code, admin, Map.of("shared", true)).statusCode())
			.isEqualTo(409);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + mobile(), token("client-a", "secret-a", null),
				Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(403);
		assertThat(get(token("reader-a", "secret-r", null), "/v1/numbers").statusCode()).isEqualTo(200);
	}

}
