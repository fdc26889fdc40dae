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
    // plpgsql: twice as fast as the same in one SQL statement (window + lateral join), which matters when the
    // index is built over millions of messages.
    await q.query(`
      CREATE FUNCTION search_word_pairs(t text) RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $f$
      DECLARE
        words text[] := string_to_array(t, ' ');
        keys text[] := '{}';
        w text;
        k text;
        s int;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(words, 1), 0) - 1 LOOP
          w := words[i];
          s := 1;
          LOOP
            k := substr(w, s) || ' ' || words[i + 1];
            IF octet_length(k) <= 2000 THEN
              keys := keys || k;
            END IF;
            -- Drop one more leading letter while it is a prefix letter and two letters would remain.
            EXIT WHEN s > 4 OR s >= char_length(w) - 1 OR strpos('وفبكلا', substr(w, s, 1)) = 0;
            s := s + 1;
          END LOOP;
        END LOOP;
        RETURN array_to_tsvector(keys);
      END
      $f$`);
    await q.query('CREATE INDEX "idx_messages_search_pairs" ON "messages" USING gin (search_word_pairs("search_text"))');
    // Pairs are many and each is rare: with the default sample the planner takes a rare phrase for a common one
    // (100,000 estimated messages for 3,600) and walks the whole queue looking for it.
    await q.query('ALTER INDEX "idx_messages_search_pairs" ALTER COLUMN 1 SET STATISTICS 1000');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_messages_search_pairs"');
    await q.query('DROP FUNCTION search_word_pairs(text)');
  }
}
