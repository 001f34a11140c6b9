package io.smsgw.api.twilio;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.message.AcceptedMessage;
import io.smsgw.api.message.MessageIntake;
import io.smsgw.api.message.SendMessageRequest;
import io.smsgw.api.tenant.ApiClientRepository;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;

/**
 * Twilio's Messages resource, so that applications written against Twilio's SDKs switch by
 * changing the base URL: the account SID is the client id, the auth token its secret.
 */
@RestController
class TwilioController {

	static final String BASE = "/2010-04-01/Accounts";

	private final MessageIntake intake;

	private final ApiClientRepository clients;

	private final JdbcTemplate jdbc;

	TwilioController(MessageIntake intake, ApiClientRepository clients, JdbcTemplate jdbc) {
		this.intake = intake;
		this.clients = clients;
		this.jdbc = jdbc;
	}

	@PostMapping(path = BASE + "/{accountSid}/Messages.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TwilioMessage> send(Principal principal, @PathVariable String accountSid,
			@RequestParam Map<String, String> form) {
		String tenantId = tenantOf(principal, accountSid);
		SendMessageRequest request = new SendMessageRequest(form.get("To"), form.get("From"), form.get("Body"),
				form.get("StatusCallback"), validity(form.get("ValidityPeriod")), null, null, null, null,
				smartEncoded(form.get("SmartEncoded")));
		AcceptedMessage accepted = this.intake.accept(tenantId, request);
		return ResponseEntity.status(HttpStatus.CREATED).body(find(tenantId, accountSid, accepted.id()));
	}

	@GetMapping(path = BASE + "/{accountSid}/Messages/{messageSid}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	TwilioMessage get(Principal principal, @PathVariable String accountSid, @PathVariable String messageSid) {
		String tenantId = tenantOf(principal, accountSid);
		UUID id = TwilioMessage.id(messageSid);
		if (id == null) {
			throw new NotFoundException("The requested resource was not found");
		}
		return find(tenantId, accountSid, id);
	}

	/** The tenant of the authenticated client, which must be the account of the path. */
	private String tenantOf(Principal principal, String accountSid) {
		if (principal == null || !principal.getName().equals(accountSid)) {
			throw new NotFoundException("The requested resource was not found");
		}
		return this.clients.findById(accountSid)
			.orElseThrow(() -> new NotFoundException("The requested resource was not found"))
			.getTenantId();
	}

	private TwilioMessage find(String tenantId, String accountSid, UUID id) {
		List<TwilioMessage> found = this.jdbc.query("SELECT recipient, sender, body, status, segments, accepted_at, "
				+ "updated_at, error_code FROM message WHERE id = ? AND tenant_id = ?", (rs, i) -> {
					String sid = TwilioMessage.sid(id);
					String uri = BASE + "/" + accountSid + "/Messages/" + sid + ".json";
					String status = rs.getString(4);
					String updated = TwilioMessage.date(rs.getObject(7, java.time.OffsetDateTime.class).toInstant());
					boolean sent = List.of("SENT", "DELIVERED", "UNDELIVERED").contains(status);
					String errorCode = rs.getString(8);
					return new TwilioMessage(sid, accountSid, rs.getString(1), rs.getString(2), rs.getString(3),
							TwilioMessage.status(status), Integer.toString(rs.getInt(5)), "0", "outbound-api",
							"2010-04-01", null, null, numeric(errorCode), errorCode,
							TwilioMessage.date(rs.getObject(6, java.time.OffsetDateTime.class).toInstant()), updated,
							sent ? updated : null, null, uri,
							Map.of("media", uri.replace(".json", "/Media.json")));
				}, id, tenantId);
		if (found.isEmpty()) {
			throw new NotFoundException("The requested resource was not found");
		}
		return found.get(0);
	}

	private static Long validity(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException(List.of(new FieldProblem("validityPeriod", "must be a number of seconds")));
		}
	}

	/** Twilio's {@code SmartEncoded}: {@code true} or {@code false}; anything else leaves the tenant's setting. */
	private static Boolean smartEncoded(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		return v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
	}

	private static Integer numeric(String code) {
		try {
			return (code != null) ? Integer.valueOf(code) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
