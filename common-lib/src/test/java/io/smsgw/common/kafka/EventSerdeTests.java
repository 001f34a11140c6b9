package io.smsgw.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSerdeTests {

	private final EventSerializer serializer = new EventSerializer();

	private final EventDeserializer deserializer = new EventDeserializer();

	@Test
	void eventsRoundTripWithTypeAndVersionHeaders() {
		MessageAccepted accepted = new MessageAccepted(UUID.randomUUID(), "acme", "+4915123456789", "ACME", "Hi ☺",
				"UCS2", 1, null, Instant.parse("2026-11-25T10:15:30.123Z"));
		RecordHeaders headers = new RecordHeaders();
		byte[] json = this.serializer.serialize(Topics.MT_ACCEPTED, headers, accepted);
		assertThat(new String(headers.lastHeader(EventJson.TYPE_HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("MessageAccepted");
		assertThat(new String(headers.lastHeader(EventJson.VERSION_HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("1");
		assertThat(this.deserializer.deserialize(Topics.MT_ACCEPTED, headers, json)).isEqualTo(accepted);
	}

	@Test
	void listsAndEnumsRoundTrip() {
		MessageSent sent = new MessageSent(UUID.randomUUID(), "smsc-a",
				List.of(new MessageSent.SentPart(1, "a1"), new MessageSent.SentPart(2, "a2")), Instant.now());
		byte[] json = this.serializer.serialize(Topics.MT_SENT, new RecordHeaders(), sent);
		assertThat(this.deserializer.deserialize(Topics.MT_SENT, json)).isEqualTo(sent);
		StatusChanged status = StatusChanged.of(UUID.randomUUID(), "acme", MessageStatus.DELIVERED, Instant.now(),
				null, null, "https://example.com/cb");
		byte[] statusJson = this.serializer.serialize(Topics.MT_STATUS, new RecordHeaders(), status);
		assertThat(this.deserializer.deserialize(Topics.deadLetter(Topics.MT_STATUS), statusJson)).isEqualTo(status);
	}

	@Test
	void unknownPropertiesFromNewerMinorVersionsAreIgnored() {
		String json = "{\"messageId\":\"6f1c1a8e-6a55-4f57-9a6a-0b3f8a1d2c3e\",\"reasonCode\":\"NO_ROUTE\","
				+ "\"failedAt\":\"2026-11-25T10:00:00Z\",\"addedLater\":true}";
		assertThat(this.deserializer.deserialize(Topics.MT_FAILED, json.getBytes(StandardCharsets.UTF_8)))
			.hasFieldOrPropertyWithValue("reasonCode", "NO_ROUTE");
	}

	@Test
	void newerSchemaVersionIsRefused() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventJson.VERSION_HEADER, "2".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> this.deserializer.deserialize(Topics.MT_FAILED, headers, "{}".getBytes()))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("newer");
	}

	@Test
	void garbageIsASerializationException() {
		assertThatThrownBy(() -> this.deserializer.deserialize(Topics.MT_SENT, "{not json".getBytes()))
			.isInstanceOf(SerializationException.class);
	}

	@Test
	void rawBytesPassThroughForDeadLetters() {
		byte[] raw = { 1, 2, 3 };
		assertThat(this.serializer.serialize("sms.mt.sent-dlt", new RecordHeaders(), raw)).isSameAs(raw);
	}

}
