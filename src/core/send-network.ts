/**
 * Network failures of a send, by whether the request can have reached the
 * provider: a connection that was never made (refused, no route, no such
 * host) proves nothing was sent, so retrying is safe; a timeout or a reset
 * after connecting leaves the outcome unknown.
 */
import { SendError, SendOutcomeUnknown } from './errors.js';

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** The code of a network error, looking into `cause` (fetch and axios wrap it). */
function codeOf(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; errno?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
    if (typeof e.errno === 'string' && /^E[A-Z_]+$/.test(e.errno)) return e.errno;
  }
  return undefined;
}

/** A SendError for an error that carried no answer from the provider. */
export function networkSendError(provider: string, err: unknown): SendError {
  const code = codeOf(err);
  if (code && NEVER_CONNECTED.has(code)) return new SendError(`${provider} ${code}: could not connect`, true);
  return new SendOutcomeUnknown(`${provider} ${code ?? (err as Error)?.name ?? 'error'}: no answer (${String((err as Error)?.message ?? err).slice(0, 200)})`);
}
