// The floor for bench/ingest: the PostgreSQL writes of one inbound SMS becoming a message on a
// ticket, through one BullMQ job each (Queue + Worker in this process), without Nest or TypeORM.
// Same tables, rows, unique keys, indexes, advisory lock and ticket-number counter as the product's
// InboundEventsService.accept() + IngestService.ingest(); not included: the acknowledgement
// (template render + outbound message + outbound job), routing/SLA jobs, live events, the
// re-reads TypeORM does after each save.
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { now, sleep } from './apps.mjs';

const REOPEN_HOURS = 72;

/** One event: the producer part (what the api does) and the job (what the worker does). */
export async function runFloor({ databaseUrl, redisUrl, prefix, events, concurrency = 4, poolSize = 10, log = console.log }) {
  const connection = { url: redisUrl };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'bench-floor' });
  const queue = new Queue('floor-ingest', { connection, prefix });
  let done = 0;
  let failed = 0;
  const worker = new Worker('floor-ingest', (job) => ingest(pool, job.data.eventId), { connection, prefix, concurrency, autorun: false });
  const finished = new Promise((resolve) => {
    const check = () => done + failed >= events.length && resolve();
    worker.on('completed', () => (done++, check()));
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade < (job.opts.attempts ?? 1)) return; // retried
      failed++;
      log(`floor job failed: ${err.message}`);
      check();
    });
  });
  await worker.waitUntilReady();

  const t0 = now();
  const cpu0 = process.cpuUsage();
  worker.run();
  // Producer: insert the inbound_events row and add the job, as fast as the connection pool allows.
  const producers = [];
  let next = 0;
  for (let p = 0; p < poolSize - concurrency; p++) {
    producers.push(
      (async () => {
        while (next < events.length) {
          const e = events[next++];
          const { rows } = await pool.query(
            `INSERT INTO inbound_events (channel, external_id, payload, status) VALUES ('sms', $1, $2, 'received')
             ON CONFLICT (channel, external_id) DO NOTHING RETURNING id`,
            [e.sid, JSON.stringify(e.payload)],
          );
          await queue.add('ingest-event', { version: 1, eventId: rows[0].id }, { jobId: `in-${rows[0].id}`, attempts: 5, removeOnComplete: 1000, removeOnFail: 5000 });
        }
      })(),
    );
  }
  await Promise.all(producers);
  const enqueuedMs = now() - t0;
  await finished;
  const elapsedMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerEvent = Math.round(((cpu.user + cpu.system) / 1000 / events.length) * 100) / 100;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await pool.end();
  return { events: events.length, done, failed, enqueuedMs, elapsedMs, perSecond: (done / elapsedMs) * 1000, concurrency, cpuMsPerEvent };
}

async function ingest(pool, eventId) {
  const { rows: ev } = await pool.query('SELECT id, payload, status FROM inbound_events WHERE id = $1', [eventId]);
  if (!ev[0] || ev[0].status !== 'received') return;
  const m = ev[0].payload;
  // Idempotence check, as the product does before anything else.
  const dup = await pool.query("SELECT id FROM messages WHERE channel = 'sms' AND external_id = $1", [m.externalId]);
  if (dup.rows[0]) return;
  const client = await pool.connect();
  try {
    // Contact and identity (find, else create with its audit entry).
    let contactId = (await client.query("SELECT contact_id FROM contact_identities WHERE kind = 'phone' AND address = $1", [m.from.address])).rows[0]?.contact_id;
    if (!contactId) {
      await client.query('BEGIN');
      contactId = (
        await client.query("INSERT INTO contacts (name, kind, preferred_language, search_text) VALUES ($1, 'public', 'ar', $2) RETURNING id", [m.from.address, m.from.address])
      ).rows[0].id;
      await client.query("INSERT INTO contact_identities (contact_id, kind, address) VALUES ($1, 'phone', $2)", [contactId, m.from.address]);
      await client.query(
        "INSERT INTO audit_log (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'contact.created', 'contact', $1, $2)",
        [contactId, JSON.stringify({ name: m.from.address, identity: { kind: 'phone', address: m.from.address } })],
      );
      await client.query('COMMIT');
    }
    // One decision per contact + channel (the product's withAdvisoryLock), then thread or open.
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ingest:${contactId}:sms`]);
    const open = (
      await client.query(
        `SELECT id FROM tickets WHERE contact_id = $1 AND channel = 'sms' AND status IN ('new','open','pending','with_committee')
           AND last_activity_at > now() - make_interval(hours => $2) ORDER BY last_activity_at DESC LIMIT 1`,
        [contactId, REOPEN_HOURS],
      )
    ).rows[0];
    let ticketId;
    if (open) {
      ticketId = open.id;
    } else {
      const seq = (
        await client.query(
          `INSERT INTO ticket_number_counters (hijri_year, last_value) VALUES (1448, 1)
           ON CONFLICT (hijri_year) DO UPDATE SET last_value = ticket_number_counters.last_value + 1 RETURNING last_value`,
        )
      ).rows[0].last_value;
      const subject = m.text.length > 80 ? `${m.text.slice(0, 80)}…` : m.text;
      ticketId = (
        await client.query(
          `INSERT INTO tickets (number, subject, subject_search, type, status, priority, channel, contact_id, tags, last_activity_at)
           VALUES ($1, $2, $3, 'inquiry', 'new', 'normal', 'sms', $4, '{}', now()) RETURNING id`,
          [`1448-F${String(seq).padStart(6, '0')}`, subject, subject, contactId],
        )
      ).rows[0].id;
      await client.query(
        "INSERT INTO audit_log (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'ticket.created', 'ticket', $1, $2)",
        [ticketId, JSON.stringify({ channel: 'sms', type: 'inquiry', priority: 'normal', contactId })],
      );
    }
    const messageId = (
      await client.query(
        `INSERT INTO messages (ticket_id, direction, channel, author_contact_id, body, external_id, meta, search_text)
         VALUES ($1, 'inbound', 'sms', $2, $3, $4, $5, $6) RETURNING id`,
        [ticketId, contactId, m.text, m.externalId, JSON.stringify(m.meta ?? {}), m.text],
      )
    ).rows[0].id;
    await client.query('UPDATE tickets SET last_activity_at = now(), updated_at = now() WHERE id = $1', [ticketId]);
    await client.query('COMMIT');
    await client.query("UPDATE inbound_events SET status = 'processed', ticket_id = $2, message_id = $3, processed_at = now(), error = NULL WHERE id = $1", [
      eventId,
      ticketId,
      messageId,
    ]);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  await sleep(0);
}
