// What a failed tRPC mutation carries for the forms of the conversation (server/trpc/errors.ts):
// the AppError's code, message key and field errors (field path → key).

export type TErrorData = { code?: string; messageKey?: string; fields?: Record<string, string> };

export function errorData(e: unknown): TErrorData {
  return (e as { data?: TErrorData | null }).data ?? {};
}

/** The key to show for a field (first error under that path), else the error's own key. */
export function fieldErrorKey(data: TErrorData, field: string): string | null {
  const hit = Object.entries(data.fields ?? {}).find(([path]) => path === field || path.startsWith(`${field}.`));
  return hit ? hit[1] : null;
}
