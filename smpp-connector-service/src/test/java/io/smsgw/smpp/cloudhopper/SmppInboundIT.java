package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Segment;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.event.InboundReceived;

/**
 * Concatenated mobile-originated messages over real SMPP: parts with a UDH (out of order, one
 * twice), parts with SAR TLVs, and a set that never completes, published after the timeout.
 */
class SmppInboundIT extends SmppConnectorITSupport {

	@Test
	void udhPartsOutOfOrderAndDuplicatedMakeOneMessage() throws Exception {
		String text = "Part of a long reply with extension characters {like these} and € signs. ".repeat(6);
		EncodedMessage encoded = SmsCodec.defaults().encode(text, 0x5A);
		assertThat(encoded.segmentCount()).isEqualTo(3);
		int responsesBefore = MO.deliverResponsesReceived();
		for (int index : new int[] { 2, 0, 2, 1 }) {
			assertThat(MO.injectDeliverSm(udhPart("4915100000030", encoded.segments().get(index), 0))).isTrue();
		}

		List<InboundReceived> inbound = this.topics.await(InboundReceived.class,
				(e) -> "+4915100000030".equals(e.from()), 1, Duration.ofSeconds(30));
		awaitResponses(responsesBefore + 4);

		assertThat(this.topics.settle(InboundReceived.class, (e) -> "+4915100000030".equals(e.from()),
				Duration.ofSeconds(1)))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.body()).isEqualTo(text);
				assertThat(message.complete()).isTrue();
				assertThat(message.connectorId()).isEqualTo("mo");
				assertThat(message.to()).isEqualTo("12345");
			});
		assertThat(inbound.get(0).body()).isEqualTo(text);
	}

	@Test
	void sarPartsMakeOneMessage() throws Exception {
		String text = "Ответ из двух частей, с эмодзи 😀 на границе. ".repeat(2);
		EncodedMessage encoded = SmsCodec.defaults().encode(text, 0);
		assertThat(encoded.segmentCount()).isEqualTo(2);
		for (int index : new int[] { 1, 0 }) {
			Segment segment = encoded.segments().get(index);
			DeliverSm deliver = deliver("4915100000031", 8, 0, segment.payload());
			deliver.addOptionalParameter(new Tlv(SmppConstants.TAG_SAR_MSG_REF_NUM, new byte[] { 0x12, 0x34 }));
			deliver.addOptionalParameter(new Tlv(SmppConstants.TAG_SAR_TOTAL_SEGMENTS, new byte[] { 2 }));
			deliver.addOptionalParameter(
					new Tlv(SmppConstants.TAG_SAR_SEGMENT_SEQNUM, new byte[] { (byte) segment.number() }));
			assertThat(MO.injectDeliverSm(deliver)).isTrue();
		}

		this.topics.await(InboundReceived.class, (e) -> "+4915100000031".equals(e.from()), 1, Duration.ofSeconds(30));

		assertThat(this.topics.settle(InboundReceived.class, (e) -> "+4915100000031".equals(e.from()),
				Duration.ofSeconds(1)))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.body()).isEqualTo(text);
				assertThat(message.complete()).isTrue();
			});
	}

	@Test
	void incompleteSetIsPublishedAfterTheTimeoutWithThePartsReceived() throws Exception {
		String text = "a".repeat(153) + "b".repeat(153) + "c".repeat(20);
		EncodedMessage encoded = SmsCodec.defaults().encode(text, 0x77);
		assertThat(encoded.segmentCount()).isEqualTo(3);
		assertThat(MO.injectDeliverSm(udhPart("4915100000032", encoded.segments().get(0), 0))).isTrue();
		assertThat(MO.injectDeliverSm(udhPart("4915100000032", encoded.segments().get(2), 0))).isTrue();
		long start = System.nanoTime();

		InboundReceived message = this.topics
			.await(InboundReceived.class, (e) -> "+4915100000032".equals(e.from()), 1, Duration.ofSeconds(30))
			.get(0);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("held for the 2 s timeout")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		assertThat(message.complete()).isFalse();
		assertThat(message.body()).isEqualTo("a".repeat(153) + "c".repeat(20));
		assertThat(this.topics.settle(InboundReceived.class, (e) -> "+4915100000032".equals(e.from()),
				Duration.ofSeconds(1)))
			.hasSize(1);
	}

	private static DeliverSm udhPart(String from, Segment segment, int dataCoding)
			throws SmppInvalidArgumentException {
		return deliver(from, dataCoding, SmppConstants.ESM_CLASS_UDHI_MASK, segment.udhAndPayload());
	}

	private static DeliverSm deliver(String from, int dataCoding, int esmClass, byte[] shortMessage)
			throws SmppInvalidArgumentException {
		DeliverSm deliver = new DeliverSm();
		deliver.setSourceAddress(new Address((byte) 1, (byte) 1, from));
		deliver.setDestAddress(new Address((byte) 3, (byte) 0, "12345"));
		deliver.setEsmClass((byte) esmClass);
		deliver.setDataCoding((byte) dataCoding);
		deliver.setShortMessage(shortMessage);
		return deliver;
	}

	private static void awaitResponses(int count) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (MO.deliverResponsesReceived() < count && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertThat(MO.deliverResponsesReceived()).as("deliver_sm_resp for every part").isGreaterThanOrEqualTo(count);
	}

}
