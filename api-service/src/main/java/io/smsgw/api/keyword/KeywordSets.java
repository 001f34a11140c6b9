package io.smsgw.api.keyword;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.smsgw.api.config.ApiProperties;

/**
 * The STOP/START/HELP keywords in effect for a tenant: the built-in sets (en, de, fr, es, pt),
 * replaced per language by {@code sms.api.inbound.keywords.<language>}, replaced per language by
 * the tenant's own ({@code keyword_set}).
 */
@Component
public class KeywordSets {

	static final Map<String, ApiProperties.KeywordWords> BUILT_IN = Map.of(
			"en", words(List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"),
					List.of("START", "UNSTOP", "SUBSCRIBE", "YES"), List.of("HELP", "INFO")),
			"de", words(List.of("STOPP", "ABMELDEN", "KUENDIGEN", "BEENDEN"), List.of("START", "ANMELDEN"),
					List.of("HILFE")),
			"fr", words(List.of("ARRET", "STOP", "DESABONNER", "DESINSCRIRE"), List.of("ABONNER", "REPRENDRE"),
					List.of("AIDE")),
			"es", words(List.of("BAJA", "PARAR", "CANCELAR"), List.of("ALTA", "REANUDAR"), List.of("AYUDA")),
			"pt", words(List.of("PARAR", "SAIR", "CANCELAR"), List.of("VOLTAR", "RETOMAR"), List.of("AJUDA")));

	private final JdbcTemplate jdbc;

	private final Map<String, KeywordSet> defaults;

	KeywordSets(JdbcTemplate jdbc, ApiProperties properties) {
		this.jdbc = jdbc;
		Map<String, ApiProperties.KeywordWords> merged = new TreeMap<>(BUILT_IN);
		properties.inbound().keywords().forEach((language, words) -> merged.put(language.toLowerCase(java.util.Locale.ROOT), words));
		Map<String, KeywordSet> sets = new TreeMap<>();
		merged.forEach((language, words) -> sets.put(language, new KeywordSet(language, folded(words.stop()),
				folded(words.start()), folded(words.help()), null, null, null, false)));
		this.defaults = Map.copyOf(sets);
	}

	/** Whether a folded word is a STOP, START or HELP keyword of the service defaults, in any language. */
	public boolean isDefaultKeyword(String word) {
		return this.defaults.values().stream().anyMatch((set) -> set.actionOf(word) != null);
	}

	/** Every language's keywords in effect for a tenant, by language code. */
	public Map<String, KeywordSet> of(String tenantId) {
		Map<String, KeywordSet> sets = new TreeMap<>(this.defaults);
		this.jdbc.query("SELECT language, stop_words, start_words, help_words, stop_reply, start_reply, help_reply "
				+ "FROM keyword_set WHERE tenant_id = ?", (rs) -> {
					String language = rs.getString(1);
					sets.put(language, new KeywordSet(language, split(rs.getString(2)), split(rs.getString(3)),
							split(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), true));
				}, tenantId);
		return sets;
	}

	/** The action a folded word asks for under a tenant's keywords, with the set it matched in. */
	public Optional<Match> match(String tenantId, String word) {
		if (word == null) {
			return Optional.empty();
		}
		Map<String, KeywordSet> sets = of(tenantId);
		for (KeywordAction action : KeywordAction.values()) {
			for (KeywordSet set : sets.values()) {
				if (set.actionOf(word) == action) {
					return Optional.of(new Match(action, set));
				}
			}
		}
		return Optional.empty();
	}

	/** Stores a tenant's own keywords of one language, replacing the defaults of that language. */
	void save(String tenantId, KeywordSet set) {
		this.jdbc.update("INSERT INTO keyword_set (tenant_id, language, stop_words, start_words, help_words, "
				+ "stop_reply, start_reply, help_reply, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()) "
				+ "ON CONFLICT (tenant_id, language) DO UPDATE SET stop_words = EXCLUDED.stop_words, "
				+ "start_words = EXCLUDED.start_words, help_words = EXCLUDED.help_words, "
				+ "stop_reply = EXCLUDED.stop_reply, start_reply = EXCLUDED.start_reply, "
				+ "help_reply = EXCLUDED.help_reply, updated_at = now()", tenantId, set.language(),
				String.join(" ", set.stop()), String.join(" ", set.start()), String.join(" ", set.help()),
				set.stopReply(), set.startReply(), set.helpReply());
	}

	/** Drops a tenant's own keywords of a language; returns whether it had some. */
	boolean reset(String tenantId, String language) {
		return this.jdbc.update("DELETE FROM keyword_set WHERE tenant_id = ? AND language = ?", tenantId,
				language) > 0;
	}

	private static List<String> folded(List<String> words) {
		return words.stream().map(Words::fold).filter(Words::isKeyword).distinct().toList();
	}

	private static List<String> split(String words) {
		return (words == null || words.isBlank()) ? List.of() : List.of(words.strip().split(" +"));
	}

	private static ApiProperties.KeywordWords words(List<String> stop, List<String> start, List<String> help) {
		return new ApiProperties.KeywordWords(stop, start, help);
	}

	/** A keyword that matched: what it asks for, and the language set it belongs to. */
	public record Match(KeywordAction action, KeywordSet set) {
	}

}
