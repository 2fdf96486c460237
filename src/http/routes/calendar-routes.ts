import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { CALENDAR_DAY_KINDS, isWorkingKind } from '../../exchange/calendar/calendar-day.js';
import { correctCalendarDay, removeCalendarCorrection } from '../../exchange/calendar/calendar-editing.js';
import { loadCalendarYears, type ResolvedCalendarDay } from '../../exchange/calendar/calendar-year.js';
import { localeOf, type Locale } from '../locale.js';
import { parseRequestInput } from '../request-input.js';
import { requireUser } from '../session-auth.js';

const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const dayParams = yearParams.extend({ date: z.iso.date({ message: 'expected a real date as YYYY-MM-DD' }) });
const dayName = z.string().trim().min(1).max(200);
const dayBody = z.object({ kind: z.enum(CALENDAR_DAY_KINDS), nameVi: dayName, nameEn: dayName }).strict();

export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/calendar/:year', { schema: { tags: ['calendar'], summary: 'Holidays, days off in lieu and make-up working days of a year, with their source', params: z.toJSONSchema(yearParams, { io: 'input' }) } }, async (request) => {
    requireUser(request);
    const { year } = parseRequestInput(yearParams, request.params);

    const days = (await loadCalendarYears(ctx.db, [year])).get(year) ?? [];
    const locale = localeOf(request);
    return { year, days: days.map((day) => presentDay(day, locale)) };
  });

  app.put('/api/v1/calendar/:year/days/:date', { schema: { tags: ['calendar'], summary: 'Correct one day of the calendar (administrators)', params: z.toJSONSchema(dayParams, { io: 'input' }), body: z.toJSONSchema(dayBody) } }, async (request) => {
    const user = requireUser(request);
    const { year, date } = parseRequestInput(dayParams, request.params);
    const input = parseRequestInput(dayBody, request.body);

    const day = await correctCalendarDay(ctx, user, year, date, input);
    request.log.info({ date, kind: input.kind, userId: user.id }, 'calendar day corrected');
    return presentDay(day, localeOf(request));
  });

  app.delete('/api/v1/calendar/:year/days/:date', { schema: { tags: ['calendar'], summary: 'Remove the correction of one day, back to the default (administrators)', params: z.toJSONSchema(dayParams, { io: 'input' }) } }, async (request, reply) => {
    const user = requireUser(request);
    const { year, date } = parseRequestInput(dayParams, request.params);

    await removeCalendarCorrection(ctx, user, year, date);
    request.log.info({ date, userId: user.id }, 'calendar correction removed');
    return reply.status(204).send();
  });
}

function presentDay(day: ResolvedCalendarDay, locale: Locale) {
  return {
    date: day.date,
    kind: day.kind,
    working: isWorkingKind(day.kind),
    name: locale === 'en' ? day.nameEn : day.nameVi,
    nameVi: day.nameVi,
    nameEn: day.nameEn,
    source: day.source,
    updatedBy: day.updatedBy,
    updatedAt: day.updatedAt,
  };
}
