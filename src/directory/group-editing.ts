import type { AppContext } from '../platform/app-context.js';
import { lockKeys } from '../platform/database/row-locks.js';
import { AppError, notFound, unprocessableInput } from '../platform/errors.js';
import { deleteGroup, findGroupByCode, GROUPS_LOCK_KEY, insertGroup, updateGroupAtVersion, type Group } from './group-repository.js';
import { loadOrganizationIdsByCode } from './organization-repository.js';
import type { User } from './user-repository.js';

/** A group's name and members as an administrator entered them, with codes normalised and the form of each field checked. */
export interface GroupEdit {
  name: string;
  /** Organization codes in upper case. */
  memberCodes: string[];
}

/** Administrators keep the recipient groups. A group is expanded when a dispatch is sent, so a change affects only later sends. */
export function assertCanEditGroups(user: User): void {
  if (!user.roles.includes('admin')) {
    throw new AppError('forbidden', 'Chỉ quản trị viên được tạo, sửa hoặc xóa nhóm nơi nhận.', 'Only an administrator may create, change or delete recipient groups.');
  }
}

/** Creates a group. Raises 409 when the code is taken, and 422 naming the field for a clashing code or unknown members. */
export async function createGroup(ctx: AppContext, user: User, code: string, edit: GroupEdit): Promise<Group> {
  assertCanEditGroups(user);

  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, ctx.engine, [GROUPS_LOCK_KEY]);
    const organizationIds = await loadOrganizationIdsByCode(trx);

    if (await findGroupByCode(trx, code)) {
      throw new AppError('conflict', `Đã có nhóm mã ${code}: chọn mã khác, hoặc sửa nhóm đó.`, `A group with code ${code} already exists: choose another code, or edit that group.`, 'code');
    }
    if (organizationIds.has(code.toUpperCase())) {
      throw unprocessableInput(
        'code',
        `Mã ${code} là mã của một cơ quan: chọn mã nhóm khác, vì khi gửi văn bản mã đó chỉ tới cơ quan.`,
        `${code} is an organization's code: choose another group code, because a recipient with that code means the organization.`,
      );
    }
    const memberIds = resolveMembers(edit.memberCodes, organizationIds);

    await insertGroup(trx, code, { name: edit.name, organizationIds: memberIds, now: ctx.clock.now().toISOString(), updatedBy: user.login });

    return (await findGroupByCode(trx, code))!;
  });
}

/**
 * Replaces a group's name and members. `expectedVersion` is the version the administrator
 * started from; when the group has changed since, nothing is written and 409 is raised.
 */
export async function changeGroup(ctx: AppContext, user: User, code: string, expectedVersion: number, edit: GroupEdit): Promise<Group> {
  assertCanEditGroups(user);

  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, ctx.engine, [GROUPS_LOCK_KEY]);
    const current = await findGroupByCode(trx, code);
    if (!current) throw notFound('nhóm', 'Group', code);
    if (current.version !== expectedVersion) throw staleVersion(current, expectedVersion);

    const memberIds = resolveMembers(edit.memberCodes, await loadOrganizationIdsByCode(trx));
    const change = { name: edit.name, organizationIds: memberIds, now: ctx.clock.now().toISOString(), updatedBy: user.login };
    if (!(await updateGroupAtVersion(trx, current.id, expectedVersion, change))) throw staleVersion(current, expectedVersion);

    return (await findGroupByCode(trx, code))!;
  });
}

/**
 * Deletes a group. Dispatches already sent keep the organizations the group had then. A draft
 * that names the group fails to send until its recipients are chosen again.
 */
export async function removeGroup(ctx: AppContext, user: User, code: string): Promise<Group> {
  assertCanEditGroups(user);

  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, ctx.engine, [GROUPS_LOCK_KEY]);
    const current = await findGroupByCode(trx, code);
    if (!current) throw notFound('nhóm', 'Group', code);

    await deleteGroup(trx, current.id);

    return current;
  });
}

function staleVersion(current: Group, expectedVersion: number): AppError {
  const by = current.updatedBy ? ` (${current.updatedBy})` : '';

  return new AppError(
    'conflict',
    `Nhóm ${current.code} đã được thay đổi${by} sau khi bạn mở: bạn sửa phiên bản ${expectedVersion}, hiện là phiên bản ${current.version}. Tải lại nhóm, xem thay đổi rồi sửa lại.`,
    `Group ${current.code} was changed${by} after you opened it: you edited version ${expectedVersion}, it is now version ${current.version}. Reload the group, check the changes and edit it again.`,
    'version',
  );
}

/** Maps member codes to organization ids, raising 422 on the field `members` for repeated or unknown codes. */
function resolveMembers(memberCodes: string[], organizationIds: Map<string, string>): string[] {
  const repeated = [...new Set(memberCodes.filter((code, index) => memberCodes.indexOf(code) !== index))];
  if (repeated.length > 0) {
    throw unprocessableInput('members', `Cơ quan ${repeated.join(', ')} được chọn hơn một lần: bỏ bớt.`, `Organization ${repeated.join(', ')} is chosen more than once: remove the repeats.`);
  }

  const unknown = memberCodes.filter((code) => !organizationIds.has(code));
  if (unknown.length > 0) {
    throw unprocessableInput(
      'members',
      `Không tìm thấy cơ quan ${unknown.join(', ')} trong danh bạ: chọn cơ quan từ danh sách.`,
      `Organization ${unknown.join(', ')} is not in the directory: choose organizations from the list.`,
    );
  }

  return memberCodes.map((code) => organizationIds.get(code)!);
}
