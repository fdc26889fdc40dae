import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexMessageWordPairs1795642000000 implements MigrationInterface {
  name = 'IndexMessageWordPairs1795642000000';

  /**
   * A phrase of common words (say "سداد الإيجار") is in few messages although each word is in many: neither a
   * trigram nor a word index narrows it below "messages with every word". This indexes every pair of adjacent
   * words of a message's normalised text, so a phrase is found from its pairs. The first word of a pair is also
   * kept without up to four leading letters of the Arabic prefixes و ف ب ك ل ا (والسداد → السداد, لسداد, سداد),
   * so a phrase matches where its first word carries them; a query's last pair is matched as a prefix
   * (الإيجار finds الإيجارات). Keys longer than a tsvector lexeme may be (2 KB) are left out.
   */
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_word_pairs(t text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$
        SELECT array_to_tsvector(coalesce(array_agg(DISTINCT k) FILTER (WHERE octet_length(k) <= 2000), '{}'))
        FROM (SELECT w, lead(w) OVER (ORDER BY n) AS nxt FROM unnest(string_to_array(t, ' ')) WITH ORDINALITY AS u(w, n)) p
        CROSS JOIN LATERAL (
          SELECT substr(p.w, s) || ' ' || p.nxt AS k
          FROM generate_series(1, greatest(1, least(5, char_length(p.w) - 1))) AS s
          WHERE s = 1 OR substr(p.w, 1, s - 1) ~ '^[وفبكلا]+$'
        ) v
        WHERE p.nxt IS NOT NULL
      $f$`);
    await q.query('CREATE INDEX "idx_messages_search_pairs" ON "messages" USING gin (search_word_pairs("search_text"))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_messages_search_pairs"');
    await q.query('DROP FUNCTION search_word_pairs(text)');
  }
}
