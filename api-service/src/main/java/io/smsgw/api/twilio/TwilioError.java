package io.smsgw.api.twilio;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An error in Twilio's form.
 *
 * @param code Twilio's error code, e.g. 21211 for an invalid 'To' number
 * @param message what is wrong
 * @param moreInfo Twilio's page about the code
 * @param status the HTTP status
 */
record TwilioError(int code, String message, @JsonProperty("more_info") String moreInfo, int status) {

	static TwilioError of(int code, String message, int status) {
		return new TwilioError(code, message, "https://www.twilio.com/docs/errors/" + code, status);
	}

}
