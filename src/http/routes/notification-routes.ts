import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { listNotifications, markNotificationsRead } from '../../documents/notifications.js';
import { assertCanReadContent } from '../../documents/document-access.js';
import { requireUser } from '../session-auth.js';

export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/notifications', { schema: { tags: ['notifications'], summary: 'Notices for the user’s organization, newest first' } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    return { items: await listNotifications(ctx, user) };
  });

  app.post('/api/v1/notifications/read', { schema: { tags: ['notifications'], summary: 'Mark all notices of the organization read' } }, async (request, reply) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    await markNotificationsRead(ctx, user);
    return reply.status(204).send();
  });
}
