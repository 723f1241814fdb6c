import type { Service } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { TApplicant } from "./applicant";

// When a service accepts applications, and from whom. Checked when a draft is started and again
// at submission (a service may close while a citizen is filling the form).

export type TServiceWindow = Pick<Service, "status" | "opensAt" | "closesAt">;

/** Open now: PUBLISHED and opensAt <= now < closesAt (a missing bound is no bound). */
export function isServiceOpen(service: TServiceWindow, now = new Date()): boolean {
  if (service.status !== "PUBLISHED") return false;
  if (service.opensAt && now < service.opensAt) return false;
  if (service.closesAt && now >= service.closesAt) return false;
  return true;
}

/** Throws the reason a citizen can act on when the service is not open now. */
export function assertServiceOpen(service: TServiceWindow, now = new Date()): void {
  if (service.status === "CLOSED" || (service.status === "PUBLISHED" && service.closesAt && now >= service.closesAt)) {
    throw new AppError("CONFLICT", "applications.errors.serviceClosed");
  }
  if (service.status !== "PUBLISHED") throw new AppError("CONFLICT", "applications.errors.serviceUnavailable");
  if (service.opensAt && now < service.opensAt) throw new AppError("CONFLICT", "applications.errors.serviceNotOpenYet");
}

/** Throws when the applicant's identity is not enough for the service's access level. */
export function assertAccessLevel(
  service: Pick<Service, "accessLevel">,
  applicant: TApplicant,
  citizenSpidLevel: number | undefined,
): void {
  if (service.accessLevel === "ANONYMOUS_EMAIL") return;
  if (applicant.kind !== "citizen") throw new AppError("FORBIDDEN", "applications.errors.identityRequired");
  const level = applicant.spidLevel ?? citizenSpidLevel ?? 0;
  if (service.accessLevel === "SPID_L3" && level < 3) throw new AppError("FORBIDDEN", "applications.errors.identityLevelTooLow");
  if (level < 2) throw new AppError("FORBIDDEN", "applications.errors.identityRequired");
}
