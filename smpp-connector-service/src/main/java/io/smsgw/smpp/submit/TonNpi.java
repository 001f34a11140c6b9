package io.smsgw.smpp.submit;

/**
 * An SMPP type of number and numbering plan indicator pair.
 *
 * @param ton type of number (0 unknown, 1 international, 3 network specific, 5 alphanumeric)
 * @param npi numbering plan indicator (0 unknown, 1 ISDN/E.164)
 */
public record TonNpi(int ton, int npi) {

	public TonNpi {
		if (ton < 0 || ton > 6 || npi < 0 || npi > 18) {
			throw new IllegalArgumentException("Invalid TON/NPI " + ton + "/" + npi);
		}
	}

}
