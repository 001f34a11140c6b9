package io.smsgw.modem.pdu;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.GsmAlphabet;
import io.smsgw.common.codec.MalformedUserDataException;
import io.smsgw.common.codec.Septets;
import io.smsgw.common.codec.SmsDecoder;

/**
 * Reads the PDUs a modem shows in {@code +CMGR}, {@code +CMGL}, {@code +CMT} and {@code +CDS}
 * (an SMSC address, then the TPDU): SMS-DELIVER with numeric or alphanumeric originators,
 * time stamps with their zone, and user data in GSM-7, 8-bit or UCS-2 with a header, decoded by
 * the codec's {@link SmsDecoder}; and SMS-STATUS-REPORT.
 */
public final class ReceivedPduDecoder {

	private ReceivedPduDecoder() {
	}

	/**
	 * @param hex the SMSC address and TPDU in hex
	 * @throws MalformedUserDataException when it is not a PDU this decoder can read
	 */
	public static ReceivedPdu decode(String hex) {
		byte[] pdu;
		try {
			pdu = HexFormat.of().parseHex(hex.trim());
			Reader reader = new Reader(pdu);
			reader.skip(reader.octet()); // SMSC address
			int first = reader.octet();
			return switch (first & 0x03) {
				case 0x00 -> deliver(reader, first);
				case 0x02 -> statusReport(reader);
				default -> throw new MalformedUserDataException("Not an SMS-DELIVER or SMS-STATUS-REPORT: " + first);
			};
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException ex) {
			if (ex instanceof MalformedUserDataException malformed) {
				throw malformed;
			}
			throw new MalformedUserDataException("Unreadable PDU: " + ex.getMessage());
		}
	}

	private static ReceivedPdu.Deliver deliver(Reader reader, int first) {
		String originator = reader.address();
		reader.octet(); // TP-PID
		int dcs = reader.octet();
		OffsetDateTime scts = reader.timestamp();
		int udl = reader.octet();
		byte[] userData = reader.rest();
		DecodedPart part = SmsDecoder.decodeTpdu(userData, udl, Encoding.ofDataCodingScheme(dcs), (first & 0x40) != 0);
		return new ReceivedPdu.Deliver(originator, scts, part);
	}

	private static ReceivedPdu.StatusReport statusReport(Reader reader) {
		int reference = reader.octet();
		String recipient = reader.address();
		OffsetDateTime scts = reader.timestamp();
		OffsetDateTime discharge = reader.timestamp();
		int status = reader.octet();
		return new ReceivedPdu.StatusReport(reference, recipient, scts, discharge, status);
	}

	/** Reads octets in order. */
	private static final class Reader {

		private final byte[] pdu;

		private int position;

		Reader(byte[] pdu) {
			this.pdu = pdu;
		}

		int octet() {
			if (this.position >= this.pdu.length) {
				throw new MalformedUserDataException("The PDU ends at octet " + this.position);
			}
			return this.pdu[this.position++] & 0xFF;
		}

		void skip(int count) {
			this.position += count;
		}

		byte[] take(int count) {
			if (this.position + count > this.pdu.length) {
				throw new MalformedUserDataException("The PDU ends before octet " + (this.position + count));
			}
			byte[] taken = Arrays.copyOfRange(this.pdu, this.position, this.position + count);
			this.position += count;
			return taken;
		}

		byte[] rest() {
			return take(this.pdu.length - this.position);
		}

		/** An address (§9.1.2.5): length in semi-octets, type, value. */
		String address() {
			int semiOctets = octet();
			int type = octet();
			byte[] value = take((semiOctets + 1) / 2);
			int numberType = (type >> 4) & 0x07;
			if (numberType == 0x05) {
				int septets = semiOctets * 4 / 7;
				byte[] unpacked = Septets.unpack(value, 0, 0, septets);
				return GsmAlphabet.decode(unpacked, 0, unpacked.length).trim();
			}
			String digits = digits(value, semiOctets);
			return (numberType == 0x01) ? "+" + digits : digits;
		}

		/** A time stamp (§9.2.3.11): swapped semi-octets, the zone in quarter hours, bit 3 its sign. */
		OffsetDateTime timestamp() {
			byte[] stamp = take(7);
			int[] fields = new int[6];
			for (int i = 0; i < 6; i++) {
				fields[i] = (stamp[i] & 0x0F) * 10 + ((stamp[i] >> 4) & 0x0F);
			}
			int zone = stamp[6] & 0xFF;
			int quarters = (zone & 0x07) * 10 + (zone >> 4);
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(((zone & 0x08) != 0 ? -quarters : quarters) * 900);
			return OffsetDateTime.of(2000 + fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], 0, offset);
		}

		private static String digits(byte[] value, int count) {
			StringBuilder digits = new StringBuilder(count);
			for (int d = 0; d < count; d++) {
				int digit = (d % 2 == 0) ? value[d / 2] & 0x0F : (value[d / 2] >> 4) & 0x0F;
				digits.append((digit < 10) ? (char) ('0' + digit) : "*#abc".charAt(Math.min(digit - 10, 4)));
			}
			return digits.toString();
		}

	}

}
