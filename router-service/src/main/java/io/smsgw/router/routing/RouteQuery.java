package io.smsgw.router.routing;

/**
 * What a route is chosen on.
 *
 * @param tenantId the tenant that sent the message
 * @param to destination in E.164 with a leading {@code +}
 * @param from the sender id
 */
public record RouteQuery(String tenantId, String to, String from) {

	/** The destination's E.164 digits, or {@code null} when {@code to} is not an E.164 number. */
	public String destinationDigits() {
		if (this.to == null) {
			return null;
		}
		String digits = this.to.startsWith("+") ? this.to.substring(1) : this.to;
		return digits.matches("[1-9][0-9]{5,14}") ? digits : null;
	}

}
