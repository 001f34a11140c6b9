package io.smsgw.modem.pdu;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.MalformedUserDataException;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.simulator.modem.NetworkPdus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SMS-DELIVER and SMS-STATUS-REPORT vectors, each with its source.
 */
class ReceivedPduDecoderTests {

	@Test
	void readsTheClassicHowAreYouDeliver() {
		// Source: "SMS and the PDU format" (Lars Pettersson, dreamfabric.com/sms), the SMS-DELIVER
		// a Nokia showed for +CMGR: from +31641600986, SMSC +31624000000, GSM-7 "How are you?".
		// Its time zone octet 0x08 has bit 3 set: by TS 23.040 §9.2.3.11 that is the sign, so the
		// zone is -0 quarters (UTC); the page reads the octet unswapped as +2 h.
		ReceivedPdu pdu = ReceivedPduDecoder
			.decode("07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07");

		assertThat(pdu).isInstanceOfSatisfying(ReceivedPdu.Deliver.class, (deliver) -> {
			assertThat(deliver.originator()).isEqualTo("+31641600986");
			assertThat(deliver.part().text()).isEqualTo("How are you?");
			assertThat(deliver.part().encoding()).isEqualTo(Encoding.GSM7);
			assertThat(deliver.part().isConcatenated()).isFalse();
			assertThat(deliver.serviceCentreTime()).isEqualTo(OffsetDateTime.of(2002, 8, 26, 19, 37, 41, 0, ZoneOffset.UTC));
		});
	}

	@Test
	void readsAStatusReportWithItsReferenceTimesAndStatus() {
		// Built field by field after TS 23.040 §9.2.2.3 (no SMSC address, as +CDS shows it on
		// SIMCom modems): first octet 06 (SMS-STATUS-REPORT, TP-MMS), TP-MR 0x2A, TP-RA
		// +4915123456789, TP-SCTS 2024-05-17 09:30:00 +02:00, TP-DT 09:30:05 +02:00, TP-ST 00.
		ReceivedPdu pdu = ReceivedPduDecoder.decode("00062A0D91945121436587F9" + "42507190030080" + "42507190035080" + "00");

		assertThat(pdu).isInstanceOfSatisfying(ReceivedPdu.StatusReport.class, (report) -> {
			assertThat(report.reference()).isEqualTo(42);
			assertThat(report.recipient()).isEqualTo("+4915123456789");
			assertThat(report.serviceCentreTime()).isEqualTo(OffsetDateTime.of(2024, 5, 17, 9, 30, 0, 0, ZoneOffset.ofHours(2)));
			assertThat(report.dischargeTime().toInstant()).isEqualTo("2024-05-17T07:30:05Z");
			assertThat(report.state()).isEqualTo(ReceiptState.DELIVERED);
		});
	}

	@Test
	void mapsTheStatusValuesOfTheSpec() {
		// TS 23.040 §9.2.3.15
		assertThat(StatusCodes.state(0x00)).isEqualTo(ReceiptState.DELIVERED);
		assertThat(StatusCodes.state(0x02)).isEqualTo(ReceiptState.DELIVERED);
		assertThat(StatusCodes.state(0x20)).isEqualTo(ReceiptState.ENROUTE);
		assertThat(StatusCodes.state(0x25)).isEqualTo(ReceiptState.ENROUTE);
		assertThat(StatusCodes.state(0x41)).isEqualTo(ReceiptState.UNDELIVERABLE);
		assertThat(StatusCodes.state(0x46)).isEqualTo(ReceiptState.EXPIRED);
		assertThat(StatusCodes.state(0x48)).isEqualTo(ReceiptState.DELETED);
		assertThat(StatusCodes.state(0x62)).isEqualTo(ReceiptState.UNDELIVERABLE);
		assertThat(StatusCodes.state(0x65)).isEqualTo(ReceiptState.UNDELIVERABLE);
	}

	@Test
	void readsAlphanumericOriginatorsUcs2AndConcatenationHeaders() {
		// written by the simulator's independent SMS-DELIVER encoder
		OffsetDateTime at = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30));
		String text = "Ваш код подтверждения: 4711. Никому его не сообщайте, даже сотрудникам банка!";
		var parts = NetworkPdus.deliver("ACME Bank", text, 77, at);

		assertThat(parts).hasSize(2);
		ReceivedPdu.Deliver first = (ReceivedPdu.Deliver) ReceivedPduDecoder.decode(parts.get(0).hex());
		ReceivedPdu.Deliver second = (ReceivedPdu.Deliver) ReceivedPduDecoder.decode(parts.get(1).hex());
		assertThat(first.originator()).isEqualTo("ACME Bank");
		assertThat(first.serviceCentreTime()).isEqualTo(at);
		assertThat(first.part().encoding()).isEqualTo(Encoding.UCS2);
		assertThat(first.part().header().concatenation().reference()).isEqualTo(77);
		assertThat(second.part().header().concatenation().sequence()).isEqualTo(2);
		assertThat(first.part().text() + second.part().text()).isEqualTo(text);
	}

	@Test
	void refusesPdusItCannotRead() {
		assertThatExceptionOfType(MalformedUserDataException.class).isThrownBy(() -> ReceivedPduDecoder.decode("07911326"));
		assertThatExceptionOfType(MalformedUserDataException.class).isThrownBy(() -> ReceivedPduDecoder.decode("zz"));
		// an SMS-SUBMIT is not something a modem receives
		assertThatExceptionOfType(MalformedUserDataException.class)
			.isThrownBy(() -> ReceivedPduDecoder.decode("0011000B916407281553F80000AA0AE8329BFD4697D9EC37"));
	}

}
