import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../platform/errors.js';
import { logger } from '../platform/logger.js';
import { localeOf } from './locale.js';

const log = logger('http');

/** Maps every error to `{ error: { code, message, field? } }` in the request's language. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    const locale = localeOf(request);

    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: locale === 'en' ? error.messageEn : error.message, ...(error.field ? { field: error.field } : {}) },
      });
    }

    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      const field = issue.path.join('.') || undefined;
      const message = locale === 'en'
        ? `Invalid value${field ? ` for ${field}` : ''}: ${issue.message}`
        : `Giá trị không hợp lệ${field ? ` ở trường ${field}` : ''}: ${issue.message}`;
      return reply.status(400).send({ error: { code: 'invalid-input', message, ...(field ? { field } : {}) } });
    }

    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send({
        error: { code: error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'too-large' : 'invalid-request', message: locale === 'en' ? error.message : `Yêu cầu không hợp lệ: ${error.message}` },
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
