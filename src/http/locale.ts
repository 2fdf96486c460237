import type { FastifyRequest } from 'fastify';

export type Locale = 'vi' | 'en';

/** Vietnamese unless the request prefers English (Accept-Language). */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
