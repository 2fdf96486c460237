import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { AppError, ValidationError } from '../platform/errors.js';
import { logger } from '../platform/logger.js';
import { validationError } from '../platform/validation-issues.js';
import { API_FIELD_LABELS } from './field-labels.js';
import { localeOf, type Locale } from './locale.js';
import { requestErrorText } from './request-error-text.js';

const log = logger('http');

/**
 * Maps every error to `{ error: { code, message, field?, issues? } }` in the request's language.
 * `issues` lists each invalid field of a validation error as `{ field, message }`.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    const locale = localeOf(request);

    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: errorBody(error, locale) });
    }

    // A ZodError comes from a schema parsed without parseRequestInput. Its issues lack the input,
    // so a missing field reads as one of the wrong type.
    if (error instanceof ZodError) {
      return reply.status(400).send({ error: errorBody(validationError(error.issues, API_FIELD_LABELS), locale) });
    }

    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status < 500) {
      const text = requestErrorText(error, status);
      return reply.status(status).send({
        error: { code: error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'too-large' : 'invalid-request', message: locale === 'en' ? text.en : text.vi },
      });
    }

    log.error({ err: error, url: request.url, requestId: request.id }, 'request failed');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: locale === 'en' ? `Internal error; quote request ${request.id} to the administrator.` : `Lỗi hệ thống; báo quản trị viên mã yêu cầu ${request.id}.`,
      },
    });
  });
}

function errorBody(error: AppError, locale: Locale) {
  const pick = (vi: string, en: string) => (locale === 'en' ? en : vi);

  return {
    code: error.code,
    message: pick(error.message, error.messageEn),
    ...(error.field ? { field: error.field } : {}),
    ...(error instanceof ValidationError ? { issues: error.issues.map((issue) => ({ field: issue.field, message: pick(issue.message, issue.messageEn) })) } : {}),
  };
}
