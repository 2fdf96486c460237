import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/app-context.js';
import { logger } from '../platform/logger.js';
import { installErrorHandler } from './error-handler.js';
import { localeOf } from './locale.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerCalendarRoutes } from './routes/calendar-routes.js';
import { registerDispatchRoutes } from './routes/dispatch-routes.js';
import { registerDocumentRoutes } from './routes/document-routes.js';
import { registerDocumentTypeRoutes } from './routes/document-type-routes.js';
import { registerFlaggedRoutes } from './routes/flagged-routes.js';
import { registerGroupRoutes } from './routes/group-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerNotificationRoutes } from './routes/notification-routes.js';
import { registerOrganizationRoutes } from './routes/organization-routes.js';
import { registerRegisterRoutes } from './routes/register-routes.js';
import { installSessionAuth } from './session-auth.js';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface HttpAppOptions {
  isReady: () => boolean;
}

export async function buildHttpApp(ctx: AppContext, options: HttpAppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: logger('http') as FastifyBaseLogger,
    disableRequestLogging: true,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });

  // Bodies are validated with zod in the handlers; the JSON schemas exist for the OpenAPI document.
  app.setValidatorCompiler(() => (data) => ({ value: data }));

  installErrorHandler(app);
  // A response about a change goes out only once the change would survive a power failure.
  // After a request that wrote nothing this resolves at once.
  app.addHook('onSend', async (_request, _reply, payload) => {
    await ctx.syncCommits();
    return payload;
  });
  await app.register(fastifyCookie);
  // Per-file and total sizes are the sending rules' to check; these only bound one request.
  await app.register(fastifyMultipart, { limits: { fileSize: 100 * 1024 * 1024, files: 60, fields: 20, fieldSize: 1024 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Công Văn API', version: '1', description: 'Official document exchange: incoming documents, registers, accounts.' },
      servers: [{ url: ctx.config.publicUrl }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installSessionAuth(app, ctx);
  registerHealthRoutes(app, options.isReady);
  registerAuthRoutes(app, ctx);
  registerDocumentTypeRoutes(app);
  registerDocumentRoutes(app, ctx);
  registerRegisterRoutes(app, ctx);
  registerDispatchRoutes(app, ctx);
  registerFlaggedRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerGroupRoutes(app, ctx);

  await registerWebApp(app);
  return app;
}

async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasWebBuild = existsSync(path.join(WEB_ROOT, 'index.html'));
  if (hasWebBuild) {
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false });
  }

  app.setNotFoundHandler((request, reply) => {
    const english = localeOf(request) === 'en';

    // A missing script or style must be a 404, not index.html served as JavaScript.
    const isAsset = request.url.startsWith('/assets/') || /\.[a-z0-9]{2,5}(\?|$)/i.test(request.url);
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWebBuild || isAsset) {
      return reply.status(404).send({
        error: { code: 'not-found', message: english ? `No such path: ${request.method} ${request.url}` : `Không có đường dẫn ${request.method} ${request.url}` },
      });
    }

    return reply.type('text/html').sendFile('index.html');
  });
}
