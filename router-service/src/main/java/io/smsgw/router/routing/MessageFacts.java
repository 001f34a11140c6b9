package io.smsgw.router.routing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * What libphonenumber says about a destination, worked out only when a route asks (parsing costs
 * far more than the prefix lookup) and then kept for the other routes of the same query.
 */
final class MessageFacts {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final String to;

	private PhoneNumber number;

	private boolean parsed;

	MessageFacts(String to) {
		this.to = to;
	}

	/** ISO 3166 region, or {@code ZZ} when unknown. */
	String country() {
		PhoneNumber parsedNumber = number();
		String region = (parsedNumber != null) ? UTIL.getRegionCodeForNumber(parsedNumber) : null;
		return (region != null) ? region : "ZZ";
	}

	/** The libphonenumber number type name, {@code UNKNOWN} when it cannot tell. */
	String numberType() {
		PhoneNumber parsedNumber = number();
		return (parsedNumber != null) ? UTIL.getNumberType(parsedNumber).name() : "UNKNOWN";
	}

	private PhoneNumber number() {
		if (!this.parsed) {
			this.parsed = true;
			try {
				String e164 = this.to.startsWith("+") ? this.to : "+" + this.to;
				this.number = UTIL.parse(e164, "ZZ");
			}
			catch (NumberParseException ex) {
				this.number = null;
			}
		}
		return this.number;
	}

}
