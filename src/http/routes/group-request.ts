import { z } from 'zod';
import { isOrganizationCode } from '../../directory/directory-csv-format.js';
import { MAX_GROUP_CODE_LENGTH, MAX_GROUP_NAME_LENGTH, isGroupCode, normalizeGroupCode, normalizeMemberCode } from '../../directory/group-fields.js';
import type { GroupEdit } from '../../directory/group-editing.js';
import { unprocessableInput, type AppError } from '../../platform/errors.js';

// Request bodies of the group routes. An invalid body gets status 422 with the field named and a
// message that states the fix, in both languages.

const groupCode = z.string().transform(normalizeGroupCode).refine(isGroupCode);
const groupName = z.string().transform((value) => value.trim().normalize('NFC')).pipe(z.string().min(1).max(MAX_GROUP_NAME_LENGTH));
const memberCodes = z.array(z.string().transform(normalizeMemberCode).refine(isOrganizationCode)).min(1);

export const createGroupBody = z.object({ code: groupCode, name: groupName, members: memberCodes }).strict();
export const changeGroupBody = z.object({ name: groupName, members: memberCodes, version: z.number().int().min(1) }).strict();
export const groupParams = z.object({ code: z.string().transform(normalizeGroupCode) });

/** Reads the body of POST /groups into a code and the edit, or raises 422 naming the field. */
export function readCreateGroupBody(body: unknown): { code: string; edit: GroupEdit } {
  const parsed = createGroupBody.safeParse(body, { reportInput: true });
  if (!parsed.success) throw bodyError(parsed.error.issues);

  return { code: parsed.data.code, edit: { name: parsed.data.name, memberCodes: parsed.data.members } };
}

/** Reads the body of PUT /groups/:code into the version it was edited from and the edit, or raises 422 naming the field. */
export function readChangeGroupBody(body: unknown): { version: number; edit: GroupEdit } {
  const parsed = changeGroupBody.safeParse(body, { reportInput: true });
  if (!parsed.success) throw bodyError(parsed.error.issues);

  return { version: parsed.data.version, edit: { name: parsed.data.name, memberCodes: parsed.data.members } };
}

function bodyError(issues: readonly z.core.$ZodIssue[]): AppError {
  const issue = issues[0]!;

  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return unprocessableInput(
      issue.keys[0]!,
      `Trường ${keys} không dùng được ở đây: gửi code, name, members khi tạo nhóm; name, members, version khi sửa (mã nhóm không đổi được).`,
      `Field ${keys} is not accepted here: send code, name and members to create a group; name, members and version to change one (a group's code cannot change).`,
    );
  }

  const field = issue.path.length > 0 ? String(issue.path[0]) : 'body';
  const item = typeof issue.path[1] === 'number' ? issue.path[1] : null;

  return fieldError(field, item, issue.input);
}

function fieldError(field: string, item: number | null, input: unknown): AppError {
  switch (field) {
    case 'code':
      if (input === undefined || input === '') {
        return unprocessableInput('code', 'Thiếu mã nhóm: điền code, ví dụ so-ban-nganh.', 'Missing group code: fill in code, e.g. so-ban-nganh.');
      }
      return unprocessableInput(
        'code',
        `Mã nhóm ${describe(input)} không hợp lệ: dùng chữ thường không dấu và chữ số, các từ nối bằng dấu gạch ngang, tối đa ${MAX_GROUP_CODE_LENGTH} ký tự, ví dụ so-ban-nganh.`,
        `Invalid group code ${describe(input)}: use lower-case ASCII letters and digits, words joined by hyphens, up to ${MAX_GROUP_CODE_LENGTH} characters, e.g. so-ban-nganh.`,
      );
    case 'name':
      return unprocessableInput('name', `Tên nhóm phải có từ 1 đến ${MAX_GROUP_NAME_LENGTH} ký tự: điền tên nhóm.`, `The group name must have 1 to ${MAX_GROUP_NAME_LENGTH} characters: fill it in.`);
    case 'members':
      if (item !== null) {
        return unprocessableInput(
          'members',
          `Mã cơ quan ${describe(input)} không hợp lệ: dùng mã định danh như 000.00.12.H36 hoặc H36.151.`,
          `Invalid organization code ${describe(input)}: use identifier codes such as 000.00.12.H36 or H36.151.`,
        );
      }
      return unprocessableInput('members', 'Chọn ít nhất một cơ quan thành viên (members là danh sách mã cơ quan).', 'Choose at least one member organization (members is a list of organization codes).');
    case 'version':
      return unprocessableInput(
        'version',
        'Thiếu phiên bản của nhóm (version) mà bạn đã mở: tải lại nhóm rồi gửi kèm version của nó.',
        'Missing the version of the group you opened (version): load the group again and send its version.',
      );
    default:
      return unprocessableInput('body', 'Nội dung yêu cầu phải là một đối tượng JSON.', 'The request body must be a JSON object.');
  }
}

function describe(input: unknown): string {
  return typeof input === 'string' ? `"${input}"` : String(JSON.stringify(input));
}
