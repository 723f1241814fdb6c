// Application status codes of the reference platform (DOMAIN.md, "Application status model").
// Kept numeric: external systems and reports use these exact codes. Labels are i18n keys of the
// "applications" namespace, written for the citizen's timeline in plain Italian.

export const APPLICATION_STATUS = {
  DRAFT: 1000,
  PAYMENT_PENDING: 1500,
  PAYMENT_OUTCOME_PENDING: 1510,
  PAYMENT_SUCCEEDED: 1520,
  PAYMENT_REFUSED: 1530,
  SUBMITTED: 1900,
  RECEIVED: 2000,
  REGISTERED: 3000,
  TAKEN_IN_CHARGE: 4000,
  INTEGRATION_REQUESTED: 4100,
  INTEGRATION_PENDING: 4200,
  INTEGRATION_SUBMITTED: 4300,
  INTEGRATION_REGISTERED: 4400,
  TAKEN_IN_CHARGE_AFTER_INTEGRATION: 4500,
  ACCEPTING: 6000,
  ACCEPTED: 7000,
  REJECTING: 8000,
  REJECTED: 9000,
  WITHDRAWN: 20000,
  ANNULLED: 50000,
} as const;

export type TApplicationStatusName = keyof typeof APPLICATION_STATUS;
export type TApplicationStatus = (typeof APPLICATION_STATUS)[TApplicationStatusName];

const NAME_BY_CODE = new Map<number, TApplicationStatusName>(
  (Object.entries(APPLICATION_STATUS) as [TApplicationStatusName, number][]).map(([name, code]) => [code, name]),
);

export function isApplicationStatus(code: number): code is TApplicationStatus {
  return NAME_BY_CODE.has(code);
}

/** The status's constant name ("TAKEN_IN_CHARGE"), as the API and exports name it. */
export function statusConstName(code: number): TApplicationStatusName | null {
  return NAME_BY_CODE.get(code) ?? null;
}

/** i18n key (namespace "applications") of the status as the citizen reads it on the timeline. */
export function statusLabelKey(code: number): string {
  const name = NAME_BY_CODE.get(code);
  return name ? `status.${name}` : "status.UNKNOWN";
}

/** Where the personal area lists an application. */
export type TStatusGroup = "draft" | "inProgress" | "closed";

/** Final states: nothing more happens unless the application is reopened. */
const CLOSED: ReadonlySet<number> = new Set([
  APPLICATION_STATUS.ACCEPTED,
  APPLICATION_STATUS.REJECTED,
  APPLICATION_STATUS.WITHDRAWN,
  APPLICATION_STATUS.ANNULLED,
]);

export function statusGroup(code: number): TStatusGroup {
  if (code === APPLICATION_STATUS.DRAFT) return "draft";
  return CLOSED.has(code) ? "closed" : "inProgress";
}

export const isDraftStatus = (code: number) => statusGroup(code) === "draft";
export const isClosedStatus = (code: number) => statusGroup(code) === "closed";
export const isInProgressStatus = (code: number) => statusGroup(code) === "inProgress";

/** Codes in each group, for queries (`status: { in: STATUS_CODES_BY_GROUP.inProgress }`). */
export const STATUS_CODES_BY_GROUP: Record<TStatusGroup, number[]> = {
  draft: [APPLICATION_STATUS.DRAFT],
  inProgress: Object.values(APPLICATION_STATUS).filter((c) => statusGroup(c) === "inProgress"),
  closed: [...CLOSED],
};
