package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smsgw.common.codec.CodecOptions;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.GsmCharset;
import io.smsgw.common.codec.SmsDecoder;
import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.codec.NationalLanguage;
import io.smsgw.common.codec.Septets;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.event.DispatchRequest;

class SubmitPlannerTests {

	private static final HexFormat HEX = HexFormat.of();

	private final SubmitPlanner planner = new SubmitPlanner(SmsCodec.defaults(), AddressRules.defaults(), 1);

	@Test
	void longGsmTextBecomesPartsWithUdh() {
		UUID id = UUID.randomUUID();
		List<SubmitPart> parts = this.planner.plan(request(id, "a".repeat(300)));
		int ref = MessageIds.concatenationReference(id) & 0xFF;
		assertThat(parts).hasSize(2).allSatisfy((part) -> {
			assertThat(part.esmClass()).isEqualTo(0x40);
			assertThat(part.dataCoding()).isZero();
			assertThat(part.registeredDelivery()).isEqualTo(1);
			assertThat(part.destination()).isEqualTo(new SmppAddress(1, 1, "4915112345678"));
			assertThat(part.source()).isEqualTo(new SmppAddress(5, 0, "ACME"));
		});
		assertThat(java.util.Arrays.copyOf(parts.get(1).shortMessage(), 6))
			.containsExactly(0x05, 0x00, 0x03, ref, 0x02, 0x02);
		assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
	}

	@Test
	void unicodeTextUsesUcs2DataCoding() {
		List<SubmitPart> parts = this.planner.plan(request(UUID.randomUUID(), "Привет, мир"));
		assertThat(parts).singleElement().satisfies((part) -> {
			assertThat(part.dataCoding()).isEqualTo(8);
			assertThat(part.esmClass()).isZero();
			assertThat(part.shortMessage()).hasSize(22);
		});
	}

	@Test
	void refusesEmptyAndTooLongMessages() {
		assertThatThrownBy(() -> this.planner.plan(request(UUID.randomUUID(), "")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.planner.plan(request(UUID.randomUUID(), "x".repeat(2000))))
			.isInstanceOf(MessageTooLongException.class);
	}

	@Test
	void sarModeCarriesTheReferenceInTlvsAndNoUdh() {
		UUID id = UUID.randomUUID();
		List<SubmitPart> parts = planner(Concatenation.SAR, DataCodings.defaults(), null).plan(request(id, "b".repeat(200)));
		assertThat(parts).hasSize(2).allSatisfy((part) -> {
			assertThat(part.esmClass()).isZero();
			assertThat(part.sar().reference()).isEqualTo(MessageIds.concatenationReference(id));
			assertThat(part.sar().total()).isEqualTo(2);
			assertThat(part.messagePayload()).isNull();
		});
		assertThat(parts).extracting((p) -> p.sar().sequence()).containsExactly(1, 2);
		assertThat(parts.get(0).shortMessage()).hasSize(153);
		assertThat(parts.get(0).shortMessage().length + parts.get(1).shortMessage().length).isEqualTo(200);
	}

	@Test
	void payloadModeSendsTheWholeTextInOneSubmit() {
		List<SubmitPart> parts = planner(Concatenation.PAYLOAD, DataCodings.defaults(), null)
			.plan(request(UUID.randomUUID(), "Привет ".repeat(30)));
		assertThat(parts).singleElement().satisfies((part) -> {
			assertThat(part.shortMessage()).isEmpty();
			assertThat(part.esmClass()).isZero();
			assertThat(part.dataCoding()).isEqualTo(8);
			assertThat(new String(part.messagePayload(), StandardCharsets.UTF_16BE)).isEqualTo("Привет ".repeat(30));
			assertThat(part.sar()).isNull();
		});
	}

	@Test
	void latin1OptionSendsIsoOctetsWithItsDataCoding() {
		SubmitPlanner latin = planner(Concatenation.UDH, new DataCodings(0, 8, 3), null);
		assertThat(latin.plan(request(UUID.randomUUID(), "Grüße, señor {ok}"))).singleElement().satisfies((part) -> {
			assertThat(part.dataCoding()).isEqualTo(3);
			assertThat(part.shortMessage()).isEqualTo("Grüße, señor {ok}".getBytes(StandardCharsets.ISO_8859_1));
		});
		List<SubmitPart> parts = latin.plan(request(UUID.randomUUID(), "é".repeat(200)));
		assertThat(parts).hasSize(2).allSatisfy((part) -> assertThat(part.dataCoding()).isEqualTo(3));
		assertThat(parts.get(0).shortMessage()).hasSize(6 + 134);
		assertThat(parts.get(0).esmClass()).isEqualTo(0x40);
		assertThatThrownBy(() -> latin.plan(request(UUID.randomUUID(), "é".repeat(1341))))
			.as("more than 10 parts of 134").isInstanceOf(MessageTooLongException.class);
		assertThat(latin.plan(request(UUID.randomUUID(), "Ελλάδα €"))).singleElement()
			.satisfies((part) -> assertThat(part.dataCoding()).isEqualTo(8));
	}

	@Test
	void validityComesFromTheMessageElseTheDefault() {
		Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
		SubmitPlanner withDefault = new SubmitPlanner(SmsCodec.defaults(), AddressRules.defaults(),
				DataCodings.defaults(), Concatenation.UDH, 1, Duration.ofHours(2), clock, false);
		assertThat(withDefault.plan(request(UUID.randomUUID(), "hi")).get(0).validityPeriod())
			.isEqualTo("250304070607000+");
		DispatchRequest timed = new DispatchRequest(UUID.randomUUID(), "t", "smsc", "+4915112345678", "ACME", "hi", 1,
				Instant.now(), Instant.parse("2025-12-31T23:59:00Z"), null);
		assertThat(withDefault.plan(timed).get(0).validityPeriod()).isEqualTo("251231235900000+");
		assertThat(this.planner.plan(request(UUID.randomUUID(), "hi")).get(0).validityPeriod()).isNull();
	}

	@Test
	void turkishTablesKeepATextGsm7WithTheirHeaderInEveryMode() {
		SmsCodec turkish = new SmsCodec(CodecOptions.defaults().withNationalLanguage(NationalLanguage.TURKISH));
		String text = "Günaydın, İstanbul! Şimdi ğ";
		SubmitPart udh = planner(turkish, Concatenation.UDH, false).plan(request(UUID.randomUUID(), text)).get(0);
		assertThat(udh.dataCoding()).isZero();
		assertThat(udh.esmClass()).isEqualTo(0x40);
		assertThat(SmsDecoder.decode(udh.shortMessage(), Encoding.GSM7, true).text()).as("UDH names the Turkish tables")
			.isEqualTo(text);
		SubmitPart payload = planner(turkish, Concatenation.PAYLOAD, false).plan(request(UUID.randomUUID(), text)).get(0);
		assertThat(payload.esmClass()).isEqualTo(0x40);
		assertThat(SmsDecoder.decode(payload.messagePayload(), Encoding.GSM7, true).text()).isEqualTo(text);
		List<SubmitPart> sar = planner(turkish, Concatenation.SAR, false).plan(request(UUID.randomUUID(), text.repeat(7)));
		assertThat(sar).hasSizeGreaterThan(1).allSatisfy((part) -> {
			assertThat(part.esmClass()).isEqualTo(0x40);
			assertThat(part.sar()).isNotNull();
			assertThat(SmsDecoder.decode(part.shortMessage(), Encoding.GSM7, true).header().charset())
				.isNotEqualTo(GsmCharset.DEFAULT);
		});
		assertThat(planner(SmsCodec.defaults(), Concatenation.UDH, false).plan(request(UUID.randomUUID(), text)).get(0)
			.dataCoding()).as("without the tables the text needs UCS-2").isEqualTo(8);
	}

	@Test
	void packingSendsSeptetsSevenBitsEachAfterTheUdhFillBits() {
		// TS 23.038 example: "hellohello" packs to E8329BFD4697D9EC37
		SubmitPart single = planner(SmsCodec.defaults(), Concatenation.UDH, true)
			.plan(request(UUID.randomUUID(), "hellohello")).get(0);
		assertThat(HEX.formatHex(single.shortMessage())).isEqualTo("e8329bfd4697d9ec37");
		assertThat(single.esmClass()).isZero();
		UUID id = UUID.randomUUID();
		List<SubmitPart> parts = planner(SmsCodec.defaults(), Concatenation.UDH, true).plan(request(id, "a".repeat(300)));
		assertThat(parts).hasSize(2);
		// 6 octets of UDH, one fill bit, then 153 septets in 134 octets: 140 in all
		assertThat(parts.get(0).shortMessage()).hasSize(140);
		assertThat(Septets.unpack(parts.get(0).shortMessage(), 6, 1, 153)).containsOnly((byte) 'a');
		assertThat(planner(SmsCodec.defaults(), Concatenation.SAR, true).plan(request(id, "a".repeat(300))).get(0)
			.shortMessage()).hasSize(134);
		assertThat(planner(SmsCodec.defaults(), Concatenation.UDH, true).plan(request(id, "Привет")).get(0).shortMessage())
			.as("UCS-2 is never packed").hasSize(12);
	}

	private static SubmitPlanner planner(SmsCodec codec, Concatenation mode, boolean packing) {
		return new SubmitPlanner(codec, AddressRules.defaults(), DataCodings.defaults(), mode, 1, null,
				Clock.systemUTC(), packing);
	}

	private static SubmitPlanner planner(Concatenation mode, DataCodings codings, Duration validity) {
		return new SubmitPlanner(SmsCodec.defaults(), AddressRules.defaults(), codings, mode, 1, validity,
				Clock.systemUTC(), false);
	}

	private static DispatchRequest request(UUID id, String body) {
		return new DispatchRequest(id, "tenant", "smsc", "+4915112345678", "ACME", body, 1, Instant.now());
	}

}
