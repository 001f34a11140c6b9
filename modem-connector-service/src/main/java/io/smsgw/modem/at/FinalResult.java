package io.smsgw.modem.at;

/**
 * The final result code that ends a command's response.
 *
 * @param kind which result
 * @param code the error code of {@code +CMS ERROR} or {@code +CME ERROR}, otherwise empty
 */
public record FinalResult(Kind kind, String code) {

	/** The final result codes. */
	public enum Kind {

		OK, ERROR, CMS_ERROR, CME_ERROR;

	}

	/** The final result a line is, or {@code null} when it is not one. */
	public static FinalResult parse(String line) {
		if (line.equals("OK")) {
			return new FinalResult(Kind.OK, "");
		}
		if (line.equals("ERROR")) {
			return new FinalResult(Kind.ERROR, "");
		}
		if (line.startsWith("+CMS ERROR:")) {
			return new FinalResult(Kind.CMS_ERROR, line.substring(11).trim());
		}
		if (line.startsWith("+CME ERROR:")) {
			return new FinalResult(Kind.CME_ERROR, line.substring(11).trim());
		}
		return null;
	}

	/** Whether the command succeeded. */
	public boolean isOk() {
		return this.kind == Kind.OK;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case OK -> "OK";
			case ERROR -> "ERROR";
			case CMS_ERROR -> "+CMS ERROR: " + this.code;
			case CME_ERROR -> "+CME ERROR: " + this.code;
		};
	}

}
