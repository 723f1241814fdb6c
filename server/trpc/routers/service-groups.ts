import type { TEffectiveRole } from "@/server/auth/roles";
import {
  addGroupMember,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  moveGroup,
  moveGroupMember,
  removeGroupMember,
  setGroupMembers,
  updateGroup,
} from "@/server/services/groups";
import { ZGroupFields, ZGroupTarget, ZMemberInput, ZMoveGroupInput, ZMoveMemberInput, ZSetMembersInput, ZUpdateGroupInput } from "@/server/services/groups-values";
import { router, staffProcedure } from "../init";

// Service groups (server/services/groups.ts): functionaries (SERVICE_MANAGER) read them, the
// municipality's administrator changes them; operators and other municipalities' staff get
// NOT_FOUND.

type TGroupCtx = { tenant: { id: string }; staff: { id: string }; role: TEffectiveRole; ip: string | null };

const who = (ctx: TGroupCtx) => ({ tenantId: ctx.tenant.id, actor: { id: ctx.staff.id, role: ctx.role }, ip: ctx.ip });

const reader = staffProcedure("SERVICE_MANAGER");
const admin = staffProcedure("TENANT_ADMIN");

export const serviceGroupsRouter = router({
  list: reader.query(({ ctx }) => listGroups({ tenantId: ctx.tenant.id })),

  get: reader.input(ZGroupTarget).query(({ ctx, input }) => getGroup({ tenantId: ctx.tenant.id, groupId: input.groupId })),

  create: admin.input(ZGroupFields).mutation(({ ctx, input }) => createGroup({ ...who(ctx), ...input })),

  update: admin.input(ZUpdateGroupInput).mutation(({ ctx, input }) => updateGroup({ ...who(ctx), ...input })),

  delete: admin.input(ZGroupTarget).mutation(({ ctx, input }) => deleteGroup({ ...who(ctx), ...input })),

  /** The group's place among the groups (catalogue order). */
  move: admin.input(ZMoveGroupInput).mutation(({ ctx, input }) => moveGroup({ ...who(ctx), ...input })),

  setMembers: admin.input(ZSetMembersInput).mutation(({ ctx, input }) => setGroupMembers({ ...who(ctx), ...input })),

  addMember: admin.input(ZMemberInput).mutation(({ ctx, input }) => addGroupMember({ ...who(ctx), ...input })),

  removeMember: admin.input(ZMemberInput).mutation(({ ctx, input }) => removeGroupMember({ ...who(ctx), ...input })),

  moveMember: admin.input(ZMoveMemberInput).mutation(({ ctx, input }) => moveGroupMember({ ...who(ctx), ...input })),
});
