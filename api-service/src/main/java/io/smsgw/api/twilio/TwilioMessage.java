package io.smsgw.api.twilio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message resource as Twilio's API answers it, field names and all, so that Twilio SDKs read it.
 */
record TwilioMessage(String sid, @JsonProperty("account_sid") String accountSid, String to, String from, String body,
		String status, @JsonProperty("num_segments") String numSegments, @JsonProperty("num_media") String numMedia,
		String direction, @JsonProperty("api_version") String apiVersion, String price,
		@JsonProperty("price_unit") String priceUnit, @JsonProperty("error_code") Integer errorCode,
		@JsonProperty("error_message") String errorMessage, @JsonProperty("date_created") String dateCreated,
		@JsonProperty("date_updated") String dateUpdated, @JsonProperty("date_sent") String dateSent,
		@JsonProperty("messaging_service_sid") String messagingServiceSid, String uri,
		@JsonProperty("subresource_uris") Map<String, String> subresourceUris) {

	/** RFC 2822, as Twilio writes dates: {@code Thu, 24 Aug 2023 05:01:45 +0000}. */
	static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	/** Twilio's SID form of a message id: {@code SM} and 32 hex digits. */
	static String sid(UUID id) {
		return "SM" + id.toString().replace("-", "");
	}

	/** The message id of a SID, or {@code null} when it is not one. */
	static UUID id(String sid) {
		if (sid == null || sid.length() != 34 || !sid.startsWith("SM")
				|| !sid.substring(2).chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			return null;
		}
		String h = sid.substring(2);
		return UUID.fromString(h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
				+ h.substring(16, 20) + "-" + h.substring(20));
	}

	/** Twilio's status for one of ours. */
	static String status(String ours) {
		switch (ours.toUpperCase(Locale.ROOT)) {
			case "SCHEDULED":
				return "scheduled";
			case "CANCELED":
				return "canceled";
			case "ACCEPTED":
				return "queued";
			case "QUEUED":
				return "sending";
			case "SENT":
				return "sent";
			case "DELIVERED":
				return "delivered";
			case "UNDELIVERED":
			case "EXPIRED":
				return "undelivered";
			default:
				return "failed";
		}
	}

	static String date(Instant instant) {
		return (instant != null) ? RFC_2822.format(instant) : null;
	}

}
