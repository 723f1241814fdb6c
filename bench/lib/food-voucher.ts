import { computeFiscalCode } from "@/server/auth/fiscal-code";
import { ibanMod97 } from "@/server/forms/validators/iban";
import type { TRawAnswers } from "@/server/forms/schema";

// Valid "Bonus alimentare" answers (server/forms/reference-forms.ts) for the benchmarks: every
// applicant is different but the data is deterministic (same index → same answers), with a
// household of 0–4 members, an ISEE under the threshold and an Italian IBAN with right check digits.

const GIVEN = ["Anna", "Marco", "Giulia", "Luca", "Sara", "Paolo", "Elena", "Davide", "Chiara", "Matteo", "Francesca", "Giorgio"];
const FAMILY = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"];
const STREETS = ["via Roma", "via Garibaldi", "corso Italia", "piazza del Popolo", "viale Europa", "via dei Mille"];
const RELATIONS = ["coniuge", "figlio", "figlio", "genitore", "fratello", "convivente"];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

function birthDate(i: number, minYear: number, span: number): string {
  const year = minYear + (i % span);
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fiscalCode(givenName: string, familyName: string, date: string, i: number): string {
  return computeFiscalCode({ givenName, familyName, birthDate: date, sex: i % 2 ? "F" : "M", placeCode: "H501" });
}

/** An Italian IBAN (27 characters) whose check digits are right: "IT" + 2 digits + CIN + ABI + CAB + account. */
export function italianIban(i: number): string {
  const bban = `X0542811101${String(100_000_000 + i).padStart(12, "0")}`;
  const check = 98 - ibanMod97(`IT00${bban}`);
  return `IT${String(check).padStart(2, "0")}${bban}`;
}

/** The answers of applicant `i`, as the browser would post them. */
export function foodVoucherAnswers(i: number, email: string): TRawAnswers {
  const nome = pick(GIVEN, i);
  const cognome = pick(FAMILY, i * 7 + 3);
  const dataNascita = birthDate(i, 1950, 50);
  const members = i % 5; // 0 → lives alone
  const altriSostegni = i % 3 === 0;
  return {
    nome,
    cognome,
    codiceFiscale: fiscalCode(nome, cognome, dataNascita, i),
    dataNascita,
    email,
    telefono: `+39 3${String(100_000_000 + i).slice(-9)}`,
    residenza: { street: `${pick(STREETS, i)} ${(i % 120) + 1}`, postalCode: "00100", city: "Esempio", province: "EX" },
    viveSolo: members === 0,
    ...(members > 0
      ? {
          componenti: Array.from({ length: members }, (_, m) => {
            const given = pick(GIVEN, i + m + 1);
            const date = birthDate(i + m, 1940, 80);
            return { nome: given, cognome, codiceFiscale: fiscalCode(given, cognome, date, i + m), parentela: pick(RELATIONS, m), dataNascita: date };
          }),
        }
      : {}),
    valoreIsee: String(1_000 + ((i * 37) % 13_500)) + ",50",
    iban: italianIban(i),
    altriSostegni,
    ...(altriSostegni ? { importoSostegni: 150 + (i % 400) } : {}),
    dichiarazioni: ["residenza", "unicaDomanda", "veridicita"],
    privacy: ["letta"],
  };
}
