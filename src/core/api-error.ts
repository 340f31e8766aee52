/**
 * What any error means for an HTTP caller: a status and `{ error, field?, message }`.
 * The API's error handler (src/http/plugins/errors.ts) and the channels that
 * answer with pages of their own (the web form) both read it from here.
 */
import type { FastifyError } from 'fastify';
import { InputError, UnavailableError } from './errors.js';

export interface ApiError {
  error: string;
  field?: string;
  message: string;
}

const FASTIFY_CODES: Record<string, { status: number; error: string; field: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'payload_too_large', field: 'body', message: 'the request body is larger than 1 MB' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, error: 'payload_too_large', field: 'photo', message: 'the file is larger than 1 MB' },
  FST_FILES_LIMIT: { status: 413, error: 'payload_too_large', field: 'photo', message: 'only one file may be attached' },
  FST_PARTS_LIMIT: { status: 413, error: 'payload_too_large', field: 'body', message: 'too many form fields' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'unsupported_media_type',
    field: 'content-type',
    message: 'send application/json, application/x-www-form-urlencoded or multipart/form-data',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid_request', field: 'body', message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid_request', field: 'body', message: 'the body is not valid JSON' },
};

/** What the multipart parser (busboy) throws for a body that is not well-formed multipart: the sender's fault. */
const MALFORMED_MULTIPART = /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|Malformed part header)/;

export type ValidationError = FastifyError & { validationContext?: string };

/** What any error means for the caller: a status and the body to answer with. */
export function describeError(err: ValidationError): { status: number; body: ApiError } {
  if (err instanceof InputError) return { status: err.statusCode, body: { error: err.code, field: err.field, message: err.message } };
  if (err instanceof UnavailableError) return { status: 503, body: { error: 'unavailable', message: 'the service is busy; retry shortly' } };
  if (err.validation) {
    const first = err.validation[0];
    const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') ?? '';
    const field = path || (first?.params?.missingProperty as string | undefined) || err.validationContext || 'request';
    return { status: 400, body: { error: 'invalid_request', field, message: first?.message ?? err.message } };
  }
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return { status: known.status, body: { error: known.error, field: known.field, message: known.message } };
  if (!err.statusCode && MALFORMED_MULTIPART.test(err.message ?? '')) {
    return { status: 400, body: { error: 'invalid_request', field: 'body', message: `not well-formed multipart/form-data: ${err.message}` } };
  }
  if (err instanceof SyntaxError || err.code?.startsWith('FST_ERR_CTP')) {
    return { status: err.statusCode ?? 400, body: { error: 'invalid_request', field: 'body', message: err.message } };
  }
  const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
  if (status < 500) return { status, body: { error: 'invalid_request', message: err.message } };
  return { status, body: { error: 'internal', message: 'internal error' } };
}
