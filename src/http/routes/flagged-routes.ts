import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { canReadContent, isMonitor } from '../../documents/document-access.js';
import { listFlaggedItems } from '../../documents/flagged-items.js';
import { localeOf } from '../locale.js';
import { requireUser } from '../session-auth.js';

export function registerFlaggedRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/flagged', { schema: { tags: ['documents'], summary: 'Messages and documents that need a person (Cần xử lý)' } }, async (request) => {
    const user = requireUser(request);
    if (!canReadContent(user) && !isMonitor(user)) {
      throw new AppError('forbidden', 'Vai trò của bạn không được xem danh sách này.', 'Your roles do not allow this list.');
    }

    return { items: await listFlaggedItems(ctx, user, localeOf(request)) };
  });
}
