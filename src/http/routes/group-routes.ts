import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { notFound } from '../../platform/errors.js';
import { changeGroup, createGroup, removeGroup } from '../../directory/group-editing.js';
import { findGroupByCode, listGroups, type Group } from '../../directory/group-repository.js';
import { parseRequestInput } from '../request-input.js';
import { requireUser } from '../session-auth.js';
import { changeGroupBody, createGroupBody, groupParams, readChangeGroupBody, readCreateGroupBody } from './group-request.js';

export function registerGroupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const params = z.toJSONSchema(groupParams, { io: 'input' });

  app.get('/api/v1/groups', { schema: { tags: ['groups'], summary: 'Recipient groups with their member organizations' } }, async (request) => {
    requireUser(request);

    return { groups: (await listGroups(ctx.db)).map(presentGroup) };
  });

  app.get('/api/v1/groups/:code', { schema: { tags: ['groups'], summary: 'One recipient group with its members and version', params } }, async (request) => {
    requireUser(request);
    const { code } = parseRequestInput(groupParams, request.params);

    const group = await findGroupByCode(ctx.db, code);
    if (!group) throw notFound('nhóm', 'Group', code);

    return presentGroup(group);
  });

  app.post('/api/v1/groups', { schema: { tags: ['groups'], summary: 'Create a recipient group (administrators)', body: z.toJSONSchema(createGroupBody, { io: 'input' }) } }, async (request, reply) => {
    const user = requireUser(request);
    const { code, edit } = readCreateGroupBody(request.body);

    const group = await createGroup(ctx, user, code, edit);
    request.log.info({ groupCode: group.code, members: group.members.length, userId: user.id }, 'group created');
    return reply.status(201).send(presentGroup(group));
  });

  app.put('/api/v1/groups/:code', { schema: { tags: ['groups'], summary: 'Replace the name and members of a group, given the version it was read at (administrators)', params, body: z.toJSONSchema(changeGroupBody, { io: 'input' }) } }, async (request) => {
    const user = requireUser(request);
    const { code } = parseRequestInput(groupParams, request.params);
    const { version, edit } = readChangeGroupBody(request.body);

    const group = await changeGroup(ctx, user, code, version, edit);
    request.log.info({ groupCode: group.code, version: group.version, members: group.members.length, userId: user.id }, 'group changed');
    return presentGroup(group);
  });

  app.delete('/api/v1/groups/:code', { schema: { tags: ['groups'], summary: 'Delete a group; dispatches already sent keep their recipients (administrators)', params } }, async (request, reply) => {
    const user = requireUser(request);
    const { code } = parseRequestInput(groupParams, request.params);

    const group = await removeGroup(ctx, user, code);
    request.log.info({ groupCode: group.code, userId: user.id }, 'group deleted');
    return reply.status(204).send();
  });
}

function presentGroup(group: Group) {
  return {
    code: group.code,
    name: group.name,
    version: group.version,
    updatedAt: group.updatedAt,
    updatedBy: group.updatedBy,
    memberCount: group.members.length,
    members: group.members.map((member) => ({ code: member.code, name: member.name })),
  };
}
