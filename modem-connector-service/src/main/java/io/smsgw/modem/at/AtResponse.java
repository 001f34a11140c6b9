package io.smsgw.modem.at;

import java.util.List;
import java.util.Optional;

/**
 * A command's response: its information lines (unsolicited codes already taken out) and its
 * final result.
 *
 * @param lines the information lines in order
 * @param result the final result
 */
public record AtResponse(List<String> lines, FinalResult result) {

	public AtResponse {
		lines = List.copyOf(lines);
	}

	/** Whether the command succeeded. */
	public boolean isOk() {
		return this.result.isOk();
	}

	/**
	 * The value of the first information line with this prefix, e.g. {@code "12"} for
	 * {@code info("+CMGS")} of {@code +CMGS: 12}.
	 */
	public Optional<String> info(String prefix) {
		String withColon = prefix + ":";
		return this.lines.stream()
			.filter((line) -> line.startsWith(withColon))
			.map((line) -> line.substring(withColon.length()).trim())
			.findFirst();
	}

}
