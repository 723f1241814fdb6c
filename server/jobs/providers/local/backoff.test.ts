import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retry backoff", () => {
  it("doubles per attempt, jitters within the upper half, and is capped", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 60_000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(retryDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
