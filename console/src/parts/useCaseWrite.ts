/**
 * Writes on one case, as the case desk API wants them: If-Match with the ETag
 * of the version on screen (a 412 means someone else changed it), and an
 * Idempotency-Key kept until the write succeeds, so a retried click acts once.
 */
import { useCallback, useRef } from 'react';
import { actOnCase, type ActionBody, type CaseAction } from '../api/calls';

export type CaseWrite = <A extends CaseAction>(action: A, body: ActionBody<A>) => Promise<unknown>;

export function useCaseWrite(caseNo: string, etag: string | null): CaseWrite {
  const keys = useRef(new Map<string, string>());
  return useCallback(
    async <A extends CaseAction>(action: A, body: ActionBody<A>) => {
      // The same action with the same body is the same request: it keeps its key until it succeeds.
      const what = `${action}:${JSON.stringify(body)}`;
      const key = keys.current.get(what) ?? crypto.randomUUID();
      keys.current.set(what, key);
      const result = await actOnCase(caseNo, action, body, etag, key);
      keys.current.delete(what);
      return result;
    },
    [caseNo, etag],
  );
}
