-- Issue 3: a tenant may switch on transliteration (typographic characters replaced by GSM
-- equivalents so that a text stays GSM-7). A request may override it.

ALTER TABLE tenant
	ADD COLUMN transliterate boolean NOT NULL DEFAULT false;
