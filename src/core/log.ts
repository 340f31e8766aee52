/**
 * Structured logs (pino). Residents' data and secrets stay out: request logs
 * carry the path without its query string, and known sensitive keys are redacted
 * wherever they appear.
 */
import pino, { type Logger } from 'pino';

const SENSITIVE = ['phone', 'email', 'text', 'body', 'address', 'to', 'from', 'contact', 'name', 'token', 'authorization', 'password', 'secret'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'minqing' },
      redact: {
        paths: [...SENSITIVE, ...SENSITIVE.map((k) => `*.${k}`), 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
      serializers: {
        // A contact card's token is in its path: it is a key to the card's form, so it stays out too.
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0]!.replace(/^\/c\/[^/]+/, '/c/:token'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
