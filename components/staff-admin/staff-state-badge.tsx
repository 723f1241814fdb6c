import type { TStaffState } from "@/server/staff/admin";

const BADGE: Record<TStaffState, string> = { active: "bg-success", invited: "bg-warning text-dark", disabled: "bg-secondary" };

// A staff member's state as a badge: the word says it, the colour only repeats it.
export function StaffStateBadge({ state, label }: { state: TStaffState; label: string }) {
  return (
    <span className={`badge ${BADGE[state]}`} data-state={state}>
      {label}
    </span>
  );
}
