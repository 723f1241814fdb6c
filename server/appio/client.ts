import { env } from "@/server/env";
import type { TAppIoContent } from "./content";

// A client of the App IO Services API v1 (https://api.io.pagopa.it/api/v1, override with
// APP_IO_BASE_URL), the two calls a sender needs: POST /profiles to learn whether the citizen
// is on IO and accepts messages from this service (sender_allowed), then POST /messages.
// Authenticated by the service's API key in Ocp-Apim-Subscription-Key.
//
// Errors: 429 and 5xx (and the network failing or timing out) are retryable, thrown as
// AppIoError with retryable: true so the job runs again later; any other 4xx is permanent (a bad
// key, a payload IO refuses): retrying would fail the same way.

export const APP_IO_DEFAULT_BASE_URL = "https://api.io.pagopa.it/api/v1";
const TIMEOUT_MS = 10_000;

export class AppIoError extends Error {
  constructor(
    message: string,
    /** HTTP status, or null when no response came back. */
    readonly status: number | null,
    readonly retryable: boolean,
    /** IO's explanation (ProblemJson title/detail), never the key or the fiscal code. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = "AppIoError";
  }
}

export type TAppIoMessage = TAppIoContent & { fiscalCode: string; dueDate?: Date | null };

export type TAppIoClient = {
  /** Null when the fiscal code has no IO profile (404). */
  getProfile(fiscalCode: string): Promise<{ senderAllowed: boolean } | null>;
  submitMessage(message: TAppIoMessage): Promise<{ id: string }>;
};

export type TAppIoClientOptions = {
  apiKey: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export function appIoBaseUrl(): string {
  return (env().APP_IO_BASE_URL ?? APP_IO_DEFAULT_BASE_URL).replace(/\/+$/, "");
}

const retryable = (status: number) => status === 429 || status >= 500;

async function problemDetail(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { title?: unknown; detail?: unknown };
    const parts = [body.title, body.detail].filter((p): p is string => typeof p === "string" && p.length > 0);
    return parts.length ? parts.join(": ").slice(0, 500) : null;
  } catch {
    return null;
  }
}

export function createAppIoClient(opts: TAppIoClientOptions): TAppIoClient {
  const baseUrl = (opts.baseUrl ?? appIoBaseUrl()).replace(/\/+$/, "");
  const doFetch = opts.fetch ?? fetch;

  /** The response of a POST; throws AppIoError for failures other than the `accepted` statuses. */
  async function post(path: string, body: unknown, accepted: readonly number[]): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "Ocp-Apim-Subscription-Key": opts.apiKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS),
      });
    } catch (e) {
      throw new AppIoError(`App IO ${path}: no response (${e instanceof Error ? e.name : "error"})`, null, true);
    }
    if (response.ok || accepted.includes(response.status)) return response;
    const detail = await problemDetail(response);
    throw new AppIoError(`App IO ${path}: HTTP ${response.status}${detail ? ` (${detail})` : ""}`, response.status, retryable(response.status), detail);
  }

  return {
    async getProfile(fiscalCode) {
      const response = await post("/profiles", { fiscal_code: fiscalCode.trim().toUpperCase() }, [404]);
      if (response.status === 404) return null;
      const body = (await response.json().catch(() => ({}))) as { sender_allowed?: unknown };
      return { senderAllowed: body.sender_allowed === true };
    },
    async submitMessage(message) {
      const response = await post(
        "/messages",
        {
          fiscal_code: message.fiscalCode.trim().toUpperCase(),
          content: {
            subject: message.subject,
            markdown: message.markdown,
            ...(message.dueDate ? { due_date: message.dueDate.toISOString() } : {}),
          },
        },
        [],
      );
      // Accepted is accepted: a retry would send the message twice, even if the id is missing.
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      const location = response.headers.get("Location")?.split("/").pop();
      return { id: typeof body.id === "string" ? body.id : (location ?? "unknown") };
    },
  };
}
