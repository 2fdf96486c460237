import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { vietnamYear } from '../../platform/vietnam-time.js';
import { assertCanReadContent } from '../../documents/document-access.js';
import { loadIncomingRegister } from '../../documents/incoming-register.js';
import { incomingRegisterXlsx } from '../../documents/incoming-register-xlsx.js';
import { loadOutgoingRegister } from '../../exchange/outgoing-register.js';
import { outgoingRegisterXlsx } from '../../exchange/outgoing-register-xlsx.js';
import { contentDisposition } from '../content-disposition.js';
import { localeOf } from '../locale.js';
import { parseRequestInput } from '../request-input.js';
import { requireUser } from '../session-auth.js';

const registerQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export function registerRegisterRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/registers/incoming', { schema: { tags: ['registers'], summary: 'Incoming register of a year (default: this year)' } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const year = parseRequestInput(registerQuery, request.query).year ?? vietnamYear(ctx.clock.now());

    return loadIncomingRegister(ctx, user, year, localeOf(request));
  });

  app.get('/api/v1/registers/incoming.xlsx', { schema: { tags: ['registers'], summary: 'Incoming register of a year as XLSX' } }, async (request, reply) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const year = parseRequestInput(registerQuery, request.query).year ?? vietnamYear(ctx.clock.now());

    const register = await loadIncomingRegister(ctx, user, year, 'vi');
    const bytes = await incomingRegisterXlsx(register);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', `Sổ đăng ký văn bản đến ${year} - ${register.organization.code}.xlsx`))
      .send(bytes);
  });

  app.get('/api/v1/registers/outgoing', { schema: { tags: ['registers'], summary: 'Outgoing register of a year (default: this year)' } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const year = parseRequestInput(registerQuery, request.query).year ?? vietnamYear(ctx.clock.now());

    return loadOutgoingRegister(ctx, user, year, localeOf(request));
  });

  app.get('/api/v1/registers/outgoing.xlsx', { schema: { tags: ['registers'], summary: 'Outgoing register of a year as XLSX' } }, async (request, reply) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const year = parseRequestInput(registerQuery, request.query).year ?? vietnamYear(ctx.clock.now());

    const register = await loadOutgoingRegister(ctx, user, year, 'vi');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', `Sổ đăng ký văn bản đi ${year} - ${register.organization.code}.xlsx`))
      .send(await outgoingRegisterXlsx(register));
  });
}
