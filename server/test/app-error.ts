import { expect } from "vitest";
import { AppError } from "@/server/errors";

/** The AppError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
