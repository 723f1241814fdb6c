import { describe, expect, it } from "vitest";
import { fiscalCodeCheckChar } from "@/server/auth/fiscal-code";
import { addToIsoDate, checkDate, isRealIsoDate, resolveDateRule, todayInRome } from "./date";
import { checkEmail } from "./email";
import { checkFiscalCode } from "./fiscal-code";
import { checkIban, formatIban } from "./iban";
import { checkNumber, parseItalianNumber } from "./number";
import { checkItalianPhone } from "./phone";

describe("IBAN", () => {
  it.each([
    ["IT60X0542811101000000123456", "IT60X0542811101000000123456"],
    ["it60 x054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"],
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000"],
    ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"],
  ])("accepts %s", (raw, normalised) => {
    expect(checkIban(raw)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ["IT60X0542811101000000123457", "ibanChecksum"],
    ["IT60X054281110100000012345", "ibanItLength"],
    ["IT60X05428111010000001234567", "ibanItLength"],
    ["1T60X0542811101000000123456", "ibanFormat"],
    ["IT6", "ibanFormat"],
    ["DE89370400440532013001", "ibanChecksum"],
  ])("rejects %s (%s)", (raw, error) => {
    expect(checkIban(raw)).toMatchObject({ ok: false, error });
  });

  it("can require an Italian account", () => {
    expect(checkIban("DE89370400440532013000", { italianOnly: true })).toMatchObject({ ok: false, error: "ibanItalianOnly" });
  });

  it("prints in groups of four", () => {
    expect(formatIban("IT60X0542811101000000123456")).toBe("IT60 X054 2811 1010 0000 0123 456");
  });
});

describe("Italian phone numbers", () => {
  it.each([
    ["333 1234567", "3331234567"],
    ["+39 333 123 4567", "+393331234567"],
    ["0039 06 1234567", "+39061234567"],
    ["06/123.456", "06123456"],
    ["(06) 1234-5678", "0612345678"],
  ])("accepts %s", (raw, value) => {
    expect(checkItalianPhone(raw)).toEqual({ ok: true, value });
  });

  it.each(["12345", "333123456789", "+44 20 7946 0958", "333-abc-4567", "+39"])("rejects %s", (raw) => {
    expect(checkItalianPhone(raw).ok).toBe(false);
  });
});

describe("email", () => {
  it("accepts and lower-cases the domain", () => {
    expect(checkEmail(" Mario.Rossi+comune@Example.IT ")).toEqual({ ok: true, value: "Mario.Rossi+comune@example.it" });
  });
  it.each(["mario", "mario@", "@example.it", "mario@example", "mario rossi@example.it", "mario..rossi@example.it", "mario@-example.it"])(
    "rejects %s",
    (raw) => expect(checkEmail(raw).ok).toBe(false),
  );
});

describe("fiscal code", () => {
  it("accepts lower case with spaces and normalises", () => {
    expect(checkFiscalCode(" rssmra85t10a562s ")).toEqual({ ok: true, value: "RSSMRA85T10A562S" });
  });
  it("accepts omocodia variants with a matching control character", () => {
    // Omocodia: the last digit 2 becomes N and the control character is recomputed.
    const first15 = "RSSMRA85T10A56N";
    const code = first15 + fiscalCodeCheckChar(first15);
    expect(checkFiscalCode(code)).toEqual({ ok: true, value: code });
  });
  it.each([
    ["RSSMRA85T10A562", "fiscalCodeLength"],
    ["RSSMRA85T10A562SX", "fiscalCodeLength"],
    ["RSSMRA8ZT10A562S", "fiscalCodeFormat"],
    ["RSSMRA85T10A562T", "fiscalCodeChecksum"],
  ])("rejects %s (%s)", (raw, error) => {
    expect(checkFiscalCode(raw)).toMatchObject({ ok: false, error });
  });
});

describe("numbers", () => {
  it.each<[unknown, number]>([
    [1234.56, 1234.56],
    ["1234,56", 1234.56],
    ["1.234,56", 1234.56],
    ["12.345", 12345],
    ["12.5", 12.5],
    [" 7 500 € ", 7500],
    ["-3", -3],
    ["0", 0],
  ])("reads %j as %d", (raw, n) => {
    expect(parseItalianNumber(raw)).toBe(n);
  });

  it.each<unknown>(["", "abc", "1,2,3", "1.23.4", "12,34.5", Number.NaN, Infinity, true, null])("refuses %j", (raw) => {
    expect(parseItalianNumber(raw)).toBeNull();
  });

  it("checks bounds and integers, with Italian-formatted limits in the message", () => {
    expect(checkNumber("15.000,01", { max: 15000 })).toEqual({ ok: false, error: "numberMax", values: { max: "15.000" } });
    expect(checkNumber(-1, { min: 0 })).toMatchObject({ ok: false, error: "numberMin" });
    expect(checkNumber("2,5", { integer: true })).toMatchObject({ ok: false, error: "numberInteger" });
    expect(checkNumber("15.000", { max: 15000 })).toEqual({ ok: true, value: 15000 });
  });
});

describe("dates", () => {
  it.each(["2024-02-29", "2023-12-31", "2000-02-29"])("%s is a real date", (d) => expect(isRealIsoDate(d)).toBe(true));
  it.each(["2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "1900-02-29", "23-01-01", "2023-1-1", "01/02/2023"])("%s is not", (d) =>
    expect(isRealIsoDate(d)).toBe(false),
  );

  it("resolves relative rules and clamps month ends", () => {
    expect(resolveDateRule("today", "2026-03-15")).toBe("2026-03-15");
    expect(resolveDateRule("today-3y", "2026-03-15")).toBe("2023-03-15");
    expect(resolveDateRule("today+30d", "2026-03-15")).toBe("2026-04-14");
    expect(addToIsoDate("2024-02-29", -1, "y")).toBe("2023-02-28");
    expect(addToIsoDate("2026-01-31", 1, "m")).toBe("2026-02-28");
  });

  it("uses Rome's date, not UTC's, for today", () => {
    expect(todayInRome(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });

  it("checks min and max with dd/mm/yyyy in the message", () => {
    const rules = { min: "today-3y", max: "today", today: "2026-03-15" };
    expect(checkDate("2024-05-01", rules)).toEqual({ ok: true, value: "2024-05-01" });
    expect(checkDate("2023-03-14", rules)).toEqual({ ok: false, error: "dateMin", values: { min: "15/03/2023" } });
    expect(checkDate("2026-03-16", rules)).toEqual({ ok: false, error: "dateMax", values: { max: "15/03/2026" } });
  });
});
