import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../platform/app-context.js';
import { getUser, type User } from './user-repository.js';

// A working day plus margin; a clerk logs in once a morning.
const SESSION_LIFETIME_MS = 12 * 3600 * 1000;

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Creates a session and returns the secret token for the cookie; only its hash is stored. */
export async function createSession(ctx: AppContext, userId: string): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);

  await ctx.db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();

  return { token, csrfToken, expiresAt };
}

/** Returns the session's user and CSRF token, or null when the token is unknown, expired or the user disabled. */
export async function resolveSession(ctx: AppContext, token: string): Promise<{ user: User; csrfToken: string } | null> {
  const row = await ctx.db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('id_hash', '=', hashToken(token))
    .executeTakeFirst();

  if (!row || row.expires_at <= ctx.clock.now().toISOString()) return null;

  const user = await getUser(ctx.db, row.user_id);
  if (!user || user.disabled) return null;

  return { user, csrfToken: row.csrf_token };
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Deletes sessions that have expired; returns how many. Runs as part of the maintenance schedule. */
export async function removeExpiredSessions(ctx: AppContext): Promise<number> {
  const result = await ctx.db.deleteFrom('sessions').where('expires_at', '<=', ctx.clock.now().toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
