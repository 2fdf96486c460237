import type { AppContext } from '../platform/app-context.js';
import type { User } from '../directory/user-repository.js';

/** Records a read of document content (every read of content is logged, for the Office's audit). */
export async function logContentAccess(ctx: AppContext, user: User, action: 'read-document' | 'download-attachment', documentId: string, attachmentId: string | null): Promise<void> {
  await ctx.db
    .insertInto('content_access_log')
    .values({ at: ctx.clock.now().toISOString(), user_id: user.id, organization_id: user.organizationId, action, document_id: documentId, attachment_id: attachmentId })
    .execute();
}
