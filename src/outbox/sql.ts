/**
 * The outbox relay's statements: claim due rows (per channel, as many as it
 * has room for), renew the leases of sends in flight, record outcomes.
 */

/** Due: waiting, or claimed by a relay whose lease ran out (it died, or stopped renewing). */
const DUE = `(o.status = 'pending' OR (o.status = 'sending' AND o.locked_until < now())) AND o.next_attempt_at <= now()`;

/**
 * `$1`/`$2`: channels with room and how many each may take; `$3`: every channel
 * the relay limits (their rows are taken only through `$1`); `$4`: how many
 * rows of other channels (no sender: recorded as sandboxed) to take; `$5`: the
 * relay's holder id; `$6`: the lease in seconds.
 */
export const CLAIM = `
  WITH room AS (SELECT * FROM unnest($1::text[], $2::int[]) AS r(channel, n)),
  due AS (
    SELECT d.id FROM room CROSS JOIN LATERAL (
      SELECT o.id FROM outbox o WHERE o.channel = room.channel AND ${DUE}
      ORDER BY o.next_attempt_at LIMIT room.n FOR UPDATE SKIP LOCKED
    ) d
    UNION ALL
    SELECT id FROM (
      SELECT o.id FROM outbox o WHERE o.channel <> ALL($3::text[]) AND ${DUE}
      ORDER BY o.next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
    ) unlimited
  )
  UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, holder = $5, attempt_started_at = now(),
         locked_until = now() + make_interval(secs => $6), updated_at = now()
  FROM due
  WHERE o.id = due.id
  RETURNING o.id AS "outboxId", o.channel, o.to_address AS "to", o.kind, o.attempts, o.rate_limits AS "rateLimits",
            o.created_at AS "createdAt",
            (SELECT body FROM message WHERE id = o.message_id) AS body,
            (SELECT case_no FROM "case" WHERE id = o.case_id) AS "caseNo"`;

/** The relay is alive and its sends are in flight: keep their leases. */
export const RENEW = `
  UPDATE outbox SET locked_until = now() + make_interval(secs => $3)
  WHERE id = ANY($1::int[]) AND holder = $2 AND status = 'sending'`;

/**
 * Records outcomes. Only a send still in this relay's hand is written: a report
 * that came first (a bounce, a delivery callback) or a relay that took the row
 * over is not overwritten. A rate-limited attempt is given back (attempts - 1)
 * and counted in rate_limits instead. Returns the rows that ended failed or unknown.
 */
export const RECORD = `
  WITH r AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bool[])
      AS t(id, status, provider_id, error, retry_ms, rate_limited)
  ),
  updated AS (
    UPDATE outbox o SET status = r.status::"OutboxStatus", provider_id = coalesce(r.provider_id, o.provider_id),
           last_error = r.error, locked_until = NULL, holder = NULL, updated_at = now(),
           attempts = o.attempts - r.rate_limited::int, rate_limits = o.rate_limits + r.rate_limited::int,
           next_attempt_at = now() + make_interval(secs => r.retry_ms / 1000.0),
           sent_at = CASE WHEN r.status IN ('sent', 'delivered', 'sandboxed') THEN now() ELSE o.sent_at END
    FROM r WHERE o.id = r.id AND o.status = 'sending' AND o.holder = $7
    RETURNING o.id, o.message_id, o.status
  ),
  mirrored AS (UPDATE message m SET status = updated.status::text FROM updated WHERE m.id = updated.message_id)
  SELECT id FROM updated WHERE status IN ('failed', 'unknown')`;
