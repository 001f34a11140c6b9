package io.smsgw.api.keyword;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.security.TenantClaims;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;

/**
 * A tenant's STOP/START/HELP keywords per language: read them ({@code messages:read}), replace a
 * language's set or go back to the defaults ({@code messages:send}).
 */
@RestController
class KeywordSetController {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final int MAX_WORDS = 50;

	private static final int MAX_REPLY = 480;

	private final KeywordSets sets;

	private final TenantClaims tenants;

	KeywordSetController(KeywordSets sets, TenantClaims tenants) {
		this.sets = sets;
		this.tenants = tenants;
	}

	@GetMapping(path = "/v1/keyword-sets", produces = MediaType.APPLICATION_JSON_VALUE)
	List<KeywordSet> list(@AuthenticationPrincipal Jwt jwt) {
		return List.copyOf(this.sets.of(this.tenants.tenantOf(jwt)).values());
	}

	@PutMapping(path = "/v1/keyword-sets/{language}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	KeywordSet put(@AuthenticationPrincipal Jwt jwt, @PathVariable String language,
			@RequestBody KeywordSetRequest request) {
		String tenantId = this.tenants.tenantOf(jwt);
		KeywordSet set = validate(language, request);
		this.sets.save(tenantId, set);
		return set;
	}

	@DeleteMapping(path = "/v1/keyword-sets/{language}")
	ResponseEntity<Void> reset(@AuthenticationPrincipal Jwt jwt, @PathVariable String language) {
		String tenantId = this.tenants.tenantOf(jwt);
		if (!this.sets.reset(tenantId, language.toLowerCase(Locale.ROOT))) {
			throw new NotFoundException("No keywords of your own for language " + shorten(language));
		}
		return ResponseEntity.noContent().build();
	}

	static KeywordSet validate(String language, KeywordSetRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String code = language.toLowerCase(Locale.ROOT);
		if (!LANGUAGE.matcher(code).matches()) {
			problems.add(new FieldProblem("language", "must be an ISO 639 code of 2 or 3 letters, e.g. en"));
		}
		Set<String> seen = new HashSet<>();
		List<String> stop = words(request.stop(), "stop", seen, problems);
		List<String> start = words(request.start(), "start", seen, problems);
		List<String> help = words(request.help(), "help", seen, problems);
		String stopReply = reply(request.stopReply(), "stopReply", problems);
		String startReply = reply(request.startReply(), "startReply", problems);
		String helpReply = reply(request.helpReply(), "helpReply", problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new KeywordSet(code, stop, start, help, stopReply, startReply, helpReply, true);
	}

	private static List<String> words(List<String> words, String field, Set<String> seen,
			List<FieldProblem> problems) {
		if (words == null) {
			return List.of();
		}
		if (words.size() > MAX_WORDS) {
			problems.add(new FieldProblem(field, "must hold at most " + MAX_WORDS + " keywords"));
			return List.of();
		}
		List<String> folded = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			String word = Words.fold(words.get(i));
			if (!Words.isKeyword(word)) {
				problems.add(new FieldProblem(field + "[" + i + "]",
						"must be one word of 1 to " + Words.MAX_LENGTH + " letters or digits"));
			}
			else if (!seen.add(word)) {
				problems.add(new FieldProblem(field + "[" + i + "]", "is given twice"));
			}
			else {
				folded.add(word);
			}
		}
		return folded;
	}

	private static String reply(String text, String field, List<FieldProblem> problems) {
		if (text == null) {
			return null;
		}
		if (text.isBlank() || text.length() > MAX_REPLY || text.chars().anyMatch((c) -> c < 0x20 && c != '\n')) {
			problems.add(new FieldProblem(field, "must be 1 to " + MAX_REPLY + " characters without control characters"));
			return null;
		}
		return text;
	}

	private static String shorten(String text) {
		return (text.length() <= 16) ? text : text.substring(0, 16) + "…";
	}

}
