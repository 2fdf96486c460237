import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance, isReady: () => boolean): void {
  app.get('/api/v1/health', { schema: { tags: ['operations'], summary: '200 once the server accepts work, 503 before' } }, async (_request, reply) => {
    if (!isReady()) return reply.status(503).send({ status: 'starting' });
    return { status: 'ok' };
  });
}
