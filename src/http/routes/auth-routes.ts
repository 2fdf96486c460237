import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { authenticate } from '../../directory/authenticate.js';
import { getOrganization } from '../../directory/organization-repository.js';
import { createSession, deleteSession } from '../../directory/sessions.js';
import type { User } from '../../directory/user-repository.js';
import { parseRequestInput } from '../request-input.js';
import { requireUser, SESSION_COOKIE } from '../session-auth.js';

const loginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/auth/login', { schema: { tags: ['auth'], summary: 'Log in; sets the session cookie', body: z.toJSONSchema(loginBody) } }, async (request, reply) => {
    const body = parseRequestInput(loginBody, request.body);
    const user = await authenticate(ctx, body.login, body.password, request.ip);
    const session = await createSession(ctx, user.id);

    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.publicUrl.startsWith('https:'),
      expires: session.expiresAt,
    });

    request.log.info({ userId: user.id }, 'user logged in');
    return { user: await presentUser(ctx, user), csrfToken: session.csrfToken };
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in user and the CSRF token' } }, async (request) => {
    const user = requireUser(request);
    return { user: await presentUser(ctx, user), csrfToken: request.csrfToken };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Log out' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(ctx, token);

    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}

async function presentUser(ctx: AppContext, user: User) {
  const organization = await getOrganization(ctx.db, user.organizationId);
  return {
    id: user.id,
    login: user.login,
    fullName: user.fullName,
    roles: user.roles,
    organization: { code: organization?.code ?? '', name: organization?.name ?? '', shortName: organization?.shortName ?? null },
  };
}
