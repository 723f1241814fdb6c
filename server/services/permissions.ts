import { meetsRole, type TEffectiveRole } from "@/server/auth/roles";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { tenantWhere } from "@/server/tenant";
import { SETTINGS_FIELDS, type TSettingsField } from "./admin-values";

// What a member of the municipality's staff may do with a service's configuration.
//
//   TENANT_ADMIN, SUPER_ADMIN  everything, on every service of the municipality
//   SERVICE_MANAGER            on the services they manage (a ServiceOperator row names them):
//                              the card, the opening and closing dates, the lifecycle (publish,
//                              schedule, suspend, close, reopen) and the form; nothing else
//   OPERATOR                   nothing (the procedures are staffProcedure("SERVICE_MANAGER"):
//                              an operator gets NOT_FOUND before reaching these checks)
//
// Only administrators create, duplicate and delete services, and change the settings that decide
// who may apply and how (address, access level, withdrawal, integrations) and who handles the
// service. A manager asking for something on a service they don't manage, or for an
// administrator's action, gets FORBIDDEN with a message saying which (the service exists and they
// are staff of this municipality: NOT_FOUND would be a lie). The UI reads servicePermissions()
// to show only what the role can do; the server asserts the same object.

export type TServiceStaff = { id: string; role: TEffectiveRole };

export type TServicePermissions = {
  /** Read the configuration (every service manager reads every service of the municipality). */
  view: boolean;
  /** The staff member is among the service's staff (ServiceOperator). */
  manages: boolean;
  editCard: boolean;
  editDates: boolean;
  changeStatus: boolean;
  /** Edit and publish the form (the form builder's pages). */
  editForm: boolean;
  editSettings: boolean;
  editOperators: boolean;
  duplicate: boolean;
  /** Delete a draft never published (further conditions in admin.ts). */
  delete: boolean;
};

export type TServicePermission = Exclude<keyof TServicePermissions, "view" | "manages">;

/** Administrators' actions: a manager is refused them even on the services they manage. */
const ADMIN_ONLY: ReadonlySet<TServicePermission> = new Set(["editForm", "editSettings", "editOperators", "duplicate", "delete"]);

export const isServiceAdmin = (role: TEffectiveRole) => meetsRole(role, "TENANT_ADMIN");

/** What `staff` may do on one service, given whether they manage it. */
export function servicePermissions(staff: Pick<TServiceStaff, "role">, manages: boolean): TServicePermissions {
  const admin = isServiceAdmin(staff.role);
  const manager = meetsRole(staff.role, "SERVICE_MANAGER") && (admin || manages);
  return {
    view: meetsRole(staff.role, "SERVICE_MANAGER"),
    manages,
    editCard: manager,
    editDates: manager,
    changeStatus: manager,
    // The form decides what citizens must declare: administrators only (issue 5).
    editForm: admin,
    editSettings: admin,
    editOperators: admin,
    duplicate: admin,
    delete: admin,
  };
}

/** What the role may do with the list: create services (administrators only). */
export function serviceListPermissions(staff: Pick<TServiceStaff, "role">): { create: boolean } {
  return { create: isServiceAdmin(staff.role) };
}

/** Whether `staffId` is among the staff who handle the service. */
export async function managesService(client: Prisma.TransactionClient, input: { tenantId: string; serviceId: string; staffId: string }): Promise<boolean> {
  const row = await client.serviceOperator.findFirst({
    where: tenantWhere(input.tenantId, { serviceId: input.serviceId, staffUserId: input.staffId }),
    select: { serviceId: true },
  });
  return row !== null;
}

/** The permissions of `staff` on a service (administrators need no lookup). */
export async function loadServicePermissions(
  client: Prisma.TransactionClient,
  input: { tenantId: string; serviceId: string; staff: TServiceStaff },
): Promise<TServicePermissions> {
  const manages = await managesService(client, { tenantId: input.tenantId, serviceId: input.serviceId, staffId: input.staff.id });
  return servicePermissions(input.staff, manages);
}

/** Reading a service's configuration: service managers and up (operators: NOT_FOUND). */
export function assertCanViewService(permissions: Pick<TServicePermissions, "view">): void {
  if (!permissions.view) throw new AppError("NOT_FOUND", "serviceAdmin.errors.serviceNotFound");
}

/** Throws FORBIDDEN with the reason when `permissions` doesn't allow `action`. */
export function assertServicePermission(permissions: TServicePermissions, action: TServicePermission): void {
  assertCanViewService(permissions);
  if (permissions[action]) return;
  throw new AppError("FORBIDDEN", ADMIN_ONLY.has(action) ? "serviceAdmin.errors.adminOnly" : "serviceAdmin.errors.notYourService");
}

/** Creating a service is an administrator's job. */
export function assertCanCreateService(staff: Pick<TServiceStaff, "role">): void {
  if (!meetsRole(staff.role, "SERVICE_MANAGER")) throw new AppError("NOT_FOUND", "serviceAdmin.errors.serviceNotFound");
  if (!serviceListPermissions(staff).create) throw new AppError("FORBIDDEN", "serviceAdmin.errors.adminOnly");
}

/**
 * Field-level check of a card/settings patch: the card needs editCard, any setting editSettings.
 * A manager sending an administrator's field is refused as a whole (nothing is saved), with the
 * offending fields named.
 */
export function assertCanEditFields(permissions: TServicePermissions, fields: readonly string[]): void {
  const settings = fields.filter((f): f is TSettingsField => (SETTINGS_FIELDS as readonly string[]).includes(f));
  const card = fields.filter((f) => !settings.includes(f as TSettingsField));
  if (card.length > 0) assertServicePermission(permissions, "editCard");
  if (settings.length > 0 && !permissions.editSettings) {
    assertServicePermission(permissions, "editCard"); // not their service at all: say that first
    throw new AppError("FORBIDDEN", "serviceAdmin.errors.adminOnlyField", {
      fields: Object.fromEntries(settings.map((f) => [f, "serviceAdmin.errors.adminOnlyField"])),
    });
  }
}
