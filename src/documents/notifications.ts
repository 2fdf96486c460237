import type { AppContext } from '../platform/app-context.js';
import type { User } from '../directory/user-repository.js';

export interface Notification {
  id: string;
  at: string;
  kind: string;
  text: string;
  documentId: string | null;
  read: boolean;
}

const MAX_NOTIFICATIONS = 100;

/** Lists the newest notices for the user's organization, such as a classified document it sent being rejected. */
export async function listNotifications(ctx: AppContext, user: User): Promise<Notification[]> {
  const rows = await ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('organization_id', '=', user.organizationId)
    .orderBy('at', 'desc')
    .limit(MAX_NOTIFICATIONS)
    .execute();

  return rows.map((row) => ({ id: row.id, at: row.at, kind: row.kind, text: row.text, documentId: row.document_id, read: row.read_at !== null }));
}

export async function markNotificationsRead(ctx: AppContext, user: User): Promise<void> {
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('organization_id', '=', user.organizationId)
    .where('read_at', 'is', null)
    .execute();
}
