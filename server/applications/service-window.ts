import type { Service } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { TApplicant } from "./applicant";

// When a service accepts applications, and from whom. Checked when a draft is started and again
// at submission (a service may close while a citizen is filling the form).

export type TServiceWindow = Pick<Service, "status" | "opensAt" | "closesAt">;

/** Accepting applications in principle: PUBLISHED, or SCHEDULED (the scheduler publishes it at
 * opensAt; until its run, within a minute, the window below already decides). */
function isLive(status: TServiceWindow["status"]): boolean {
  return status === "PUBLISHED" || status === "SCHEDULED";
}

/** Open now: PUBLISHED (or SCHEDULED) and opensAt <= now < closesAt (a missing bound is no bound;
 * a SCHEDULED service without opensAt is not open). */
export function isServiceOpen(service: TServiceWindow, now = new Date()): boolean {
  if (!isLive(service.status)) return false;
  if (service.status === "SCHEDULED" && !service.opensAt) return false;
  if (service.opensAt && now < service.opensAt) return false;
  if (service.closesAt && now >= service.closesAt) return false;
  return true;
}

/** Throws the reason a citizen can act on when the service is not open now. */
export function assertServiceOpen(service: TServiceWindow, now = new Date()): void {
  if (service.status === "CLOSED" || (isLive(service.status) && service.closesAt && now >= service.closesAt)) {
    throw new AppError("CONFLICT", "applications.errors.serviceClosed");
  }
  if (!isLive(service.status) || (service.status === "SCHEDULED" && !service.opensAt)) throw new AppError("CONFLICT", "applications.errors.serviceUnavailable");
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
