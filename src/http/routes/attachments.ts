/**
 * A resident's file for staff: only within the caller's scope, every read
 * audited. Only images, recognised by their bytes (not by the type stored with
 * them), are shown inline with their real type; anything else downloads as
 * application/octet-stream, so no stored file is ever rendered as a page
 * (an HTML file with a script runs nowhere). Every answer is sandboxed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { caseInScope, caseOfAttachment } from '../../cases/case-desk-detail.js';
import { scopeOf } from '../../cases/scope.js';
import { sniffImage, STORED_ID } from '../../intake/attachments.js';
import { refuseOutOfScope } from './case-action.js';

/** RFC 5987 / 6266: the name in UTF-8, percent-encoded, with an ASCII fallback. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  app.get(
    '/api/v1/attachments/:id',
    {
      preHandler: app.requireRole('supervisor', 'dispatcher', 'liaison'),
      schema: {
        summary: 'A file a resident sent with a case (images inline, anything else as a download)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.string().regex(STORED_ID, 'an attachment id from the case detail') }),
        response: { 200: z.any().describe('the file') },
      },
    },
    async (req, reply) => {
      const staff = req.staff!;
      const found = await caseOfAttachment(pool, req.params.id);
      if (!found) throw new InputError('id', 'no such attachment', 404, 'not_found');
      if (!(await caseInScope(pool, found.caseId, scopeOf(staff)))) return refuseOutOfScope(pool, staff, found.caseNo, 'attachment');
      const data = await app.deps.attachments.read(req.params.id);
      if (!data) throw new InputError('id', 'the file is no longer stored', 404, 'not_found');
      await audit(pool, {
        actor: `user:${staff.id}`,
        action: 'case.attachment',
        subjectType: 'case',
        subjectId: found.caseNo,
        detail: { attachment: req.params.id },
      });
      const image = sniffImage(data);
      return reply
        .header('content-type', image ?? 'application/octet-stream')
        .header('content-disposition', contentDisposition(image ? 'inline' : 'attachment', found.attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
};
