import { z } from "zod";

// Service groups as the browser and the server both name them: the inputs of the serviceGroups
// router and the limits the form shows. Browser-safe (no server-only imports); the rules are in
// groups.ts.

export const GROUP_NAME_MAX_LENGTH = 120;
export const GROUP_DESCRIPTION_MAX_LENGTH = 1000;
/** More members than any municipality needs; bounds setMembers. */
export const GROUP_MEMBERS_MAX = 100;

const ZId = z.string().min(1).max(64);

/** What the administrator types: the name (the slug is derived from it) and a description. */
export const ZGroupFields = z.object({
  name: z.string().trim().min(1, "serviceGroups.errors.nameRequired").max(GROUP_NAME_MAX_LENGTH, "serviceGroups.errors.nameTooLong"),
  description: z.string().trim().max(GROUP_DESCRIPTION_MAX_LENGTH, "serviceGroups.errors.descriptionTooLong"),
});
export type TGroupFields = z.infer<typeof ZGroupFields>;

export const ZGroupTarget = z.object({ groupId: ZId });

export const ZUpdateGroupInput = ZGroupTarget.extend(ZGroupFields.shape);

export const MOVE_DIRECTIONS = ["up", "down"] as const;
export type TMoveDirection = (typeof MOVE_DIRECTIONS)[number];

/** The group's place among the groups (catalogue order inside a category). */
export const ZMoveGroupInput = ZGroupTarget.extend({ direction: z.enum(MOVE_DIRECTIONS) });

export const ZMemberInput = ZGroupTarget.extend({ serviceId: ZId });

export const ZMoveMemberInput = ZMemberInput.extend({ direction: z.enum(MOVE_DIRECTIONS) });

/** The whole membership in order: services not listed leave the group. */
export const ZSetMembersInput = ZGroupTarget.extend({
  serviceIds: z
    .array(ZId)
    .max(GROUP_MEMBERS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, "serviceGroups.errors.duplicateMember"),
});

/** A group is in the citizens' catalogue when at least one member is published: a group of
 * only scheduled, suspended, closed or draft services is hidden. */
export function isGroupVisible(members: readonly { status: string }[]): boolean {
  return members.some((m) => m.status === "PUBLISHED");
}
