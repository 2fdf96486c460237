import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/database/connection.js';
import { newId } from '../../platform/ids.js';

/**
 * Tells the sender's organization why its classified document was not delivered: classified
 * documents (Mật, Tối mật, Tuyệt mật) may not travel on Internet-connected systems (Luật
 * 117/2025/QH15). The Office's monitors see the document in their "Cần xử lý" list.
 * TODO: a sender outside this installation gets no notice until outbound mail exists.
 */
export async function notifyQuarantine(
  ctx: AppContext,
  trx: Db,
  input: { documentId: string; messageRowId: string; senderOrganizationId: string | null; subject: string },
): Promise<void> {
  if (!input.senderOrganizationId) return;

  await trx
    .insertInto('notifications')
    .values({
      id: newId(),
      organization_id: input.senderOrganizationId,
      at: ctx.clock.now().toISOString(),
      kind: 'classified-refused',
      message_id: input.messageRowId,
      document_id: input.documentId,
      text: `Văn bản "${input.subject}" mang dấu độ mật nên không được chuyển qua hệ thống thư điện tử công vụ; văn bản mật chỉ được gửi trên mạng cô lập theo Luật Bảo vệ bí mật nhà nước.`,
      read_at: null,
    })
    .execute();
}
