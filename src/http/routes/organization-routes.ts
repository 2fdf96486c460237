import type { FastifyInstance } from 'fastify';
import { listOrganizations } from '../../directory/organization-repository.js';
import type { AppContext } from '../../platform/app-context.js';
import { requireUser } from '../session-auth.js';

export function registerOrganizationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/organizations', { schema: { tags: ['directory'], summary: 'Organizations of the directory: code, names and kind, without addresses' } }, async (request) => {
    requireUser(request);
    const organizations = await listOrganizations(ctx.db);

    return {
      organizations: organizations.map((organization) => ({ code: organization.code, name: organization.name, shortName: organization.shortName, kind: organization.kind })),
    };
  });
}
