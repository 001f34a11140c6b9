package io.smsgw.smpp.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.ReceiptState;

class ReceiptParserTests {

	@Test
	void readsTheSmpp34AppendixBFormat() {
		ParsedReceipt receipt = ReceiptParser.parse("id:0123456789 sub:001 dlvrd:001 submit date:0610191018 "
				+ "done date:0610191019 stat:DELIVRD err:000 text:Hello world");
		assertThat(receipt.messageId()).isEqualTo("123456789");
		assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
		assertThat(receipt.errorCode()).isEqualTo("000");
		assertThat(receipt.submittedAt()).isEqualTo(Instant.parse("2006-10-19T10:18:00Z"));
		assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2006-10-19T10:19:00Z"));
		assertThat(receipt.text()).isEqualTo("Hello world");
		assertThat(receipt.isComplete()).isTrue();
	}

	@Test
	void readsJasminReceiptsWithUuidIdsAndAnEmptyText() {
		ParsedReceipt receipt = ReceiptParser.parse("id:A7AB2F2F-8F4F-4A3B-B9C6-2D8C9E6FA5A2 sub:001 dlvrd:001 "
				+ "submit date:1806281129 done date:1806281130 stat:DELIVRD err:000 text:");
		assertThat(receipt.messageId()).isEqualTo("a7ab2f2f-8f4f-4a3b-b9c6-2d8c9e6fa5a2");
		assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
		assertThat(receipt.text()).isEmpty();
	}

	@Test
	void readsUpperCaseKeys() {
		ParsedReceipt receipt = ReceiptParser.parse("ID:1234567890 SUB:001 DLVRD:000 SUBMIT DATE:1305091222 "
				+ "DONE DATE:1305091224 STAT:UNDELIV ERR:001 TEXT:test");
		assertThat(receipt.messageId()).isEqualTo("1234567890");
		assertThat(receipt.state()).isEqualTo(ReceiptState.UNDELIVERABLE);
		assertThat(receipt.errorCode()).isEqualTo("001");
		assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2013-05-09T12:24:00Z"));
	}

	@Test
	void readsFieldsInAnyOrderWithoutText() {
		ParsedReceipt receipt = ReceiptParser.parse(
				"id:7220118045 submit date:1508311352 done date:1508311353 stat:EXPIRED err:000 sub:001 dlvrd:000");
		assertThat(receipt.messageId()).isEqualTo("7220118045");
		assertThat(receipt.state()).isEqualTo(ReceiptState.EXPIRED);
		assertThat(receipt.errorCode()).isEqualTo("000");
		assertThat(receipt.text()).isNull();
	}

	@Test
	void readsUnderscoredDateKeysWithSeconds() {
		ParsedReceipt receipt = ReceiptParser.parse("id:ABC123 sub:001 dlvrd:001 submit_date:150831135207 "
				+ "done_date:150831135210 stat:REJECTD err:0");
		assertThat(receipt.messageId()).isEqualTo("abc123");
		assertThat(receipt.state()).isEqualTo(ReceiptState.REJECTED);
		assertThat(receipt.submittedAt()).isEqualTo(Instant.parse("2015-08-31T13:52:07Z"));
		assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2015-08-31T13:52:10Z"));
	}

	@Test
	void keepsKeysInsideTheTextAsText() {
		ParsedReceipt receipt = ReceiptParser.parse(
				"id:42 sub:001 dlvrd:001 submit date:2401011200 done date:2401011201 stat:DELIVRD err:000 text:stat:fine id:7");
		assertThat(receipt.messageId()).isEqualTo("42");
		assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
		assertThat(receipt.text()).isEqualTo("stat:fine id:7");
	}

	@Test
	void preferTlvValuesOverTheText() {
		ParsedReceipt receipt = ReceiptParser.parse("id:999 stat:DELIVRD err:000", "000A1B", 5);
		assertThat(receipt.messageId()).isEqualTo("a1b");
		assertThat(receipt.state()).isEqualTo(ReceiptState.UNDELIVERABLE);
		assertThat(receipt.errorCode()).isEqualTo("000");
	}

	@Test
	void returnsNothingForUnreadableReceiptsWithoutThrowing() {
		ParsedReceipt garbage = ReceiptParser.parse("hello there, this is no receipt");
		assertThat(garbage.messageId()).isNull();
		assertThat(garbage.state()).isNull();
		assertThat(garbage.isComplete()).isFalse();
		ParsedReceipt badValues = ReceiptParser.parse("id: stat:SOMETHING done date:99999 err:");
		assertThat(badValues.messageId()).isNull();
		assertThat(badValues.state()).isNull();
		assertThat(badValues.doneAt()).isNull();
		assertThat(badValues.errorCode()).isNull();
		assertThat(ReceiptParser.parse(null).isComplete()).isFalse();
		ParsedReceipt impossibleDates = ReceiptParser.parse(
				"id:42 submit date:2402301200 done date:24013112x0 stat:DELIVRD err:000");
		assertThat(impossibleDates.submittedAt()).isNull();
		assertThat(impossibleDates.doneAt()).isNull();
		assertThat(impossibleDates.state()).isEqualTo(ReceiptState.DELIVERED);
	}

}
