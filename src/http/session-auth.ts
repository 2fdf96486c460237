import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { resolveSession } from '../directory/sessions.js';
import type { User } from '../directory/user-repository.js';

export const SESSION_COOKIE = 'congvan_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    csrfToken: string | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the session's user on every request, and checks the CSRF token (header x-csrf-token)
 * on every state change made with a session. The cookie is SameSite=Strict as well, so a
 * request from another site carries neither.
 */
export function installSessionAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;

    const session = await resolveSession(ctx, token);
    if (!session) return;

    request.user = session.user;
    request.csrfToken = session.csrfToken;

    if (STATE_CHANGING.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError(
        'csrf-mismatch',
        'Phiên làm việc không hợp lệ (thiếu mã CSRF); hãy tải lại trang.',
        'Missing or wrong CSRF token (header x-csrf-token); reload the page.',
      );
    }
  });
}

export function requireUser(request: FastifyRequest, _reply?: FastifyReply): User {
  if (!request.user) {
    throw new AppError('unauthenticated', 'Bạn cần đăng nhập.', 'Log in first.');
  }
  return request.user;
}
