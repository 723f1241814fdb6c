import { randomUUID } from "node:crypto";
import type { TApplicant } from "../applications/applicant";
import { saveAnswers, startApplication, submitAnswers } from "../applications/filling";
import { assignProtocolNumber } from "../applications/protocol";
import { computeFiscalCode } from "../auth/fiscal-code";
import { startOfRomeDay } from "../backoffice/inbox-params";
import type { TStaffRef } from "../backoffice/staff-transition";
import { decide, takeInCharge } from "../backoffice/work";
import { requestIntegration, romeDay } from "../conversation/integration";
import { postStaffMessage } from "../conversation/staff-messages";
import type { REFERENCE_FORMS } from "../forms/reference-forms";
import type { TRawAnswers } from "../forms/schema";
import { ibanMod97 } from "../forms/validators/iban";
import { addToIsoDate, todayInRome } from "../forms/validators/date";
import { uploadAttachment } from "../uploads/attachments";
import { minimalPdf } from "../uploads/minimal-pdf";
import type { Prisma } from "./generated/client";
import { db } from "./client";

// The demo municipality's inbox: a dozen applications of fictional citizens, so an operator who
// signs in to the demo back office finds work to do (dossier, messages, integration, outcome)
// without first applying as a citizen. Each goes the real way: draft, uploads, answers checked
// by the form's validator, submission (which enqueues "application.submitted": the worker issues
// receipts and emails when the app starts), protocol number, then the demo operator's work
// through the back-office services, dated in the past like an office's last six weeks.
//
// Made once per municipality: seed.ts claims the set inside its locked transaction by creating the
// citizens below (only while the municipality has no application at all), then calls
// seedDemoApplications after the commit, since the services open their own transactions. A second
// instance starting at the same time finds the citizens there and leaves it alone. The three test
// identities of the local SPID provider are never used: e2e tests rely on their areas being empty.

type TServiceSlug = keyof typeof REFERENCE_FORMS;

type TPerson = { givenName: string; familyName: string; sex: "M" | "F"; birthDate: string; placeCode: string };
type TResident = TPerson & { phone: string; street: string };

/** Comune di Esempio is fictional, so are its postal code and province (no Italian CAP starts with 99). */
const RESIDENCE = { postalCode: "99010", city: "Esempio", province: "ES" } as const;

const CITIZENS = {
  romano: { givenName: "Francesca", familyName: "Romano", sex: "F", birthDate: "1988-04-17", placeCode: "A944", phone: "+393471122301", street: "Via Roma 14" },
  ferrari: { givenName: "Stefano", familyName: "Ferrari", sex: "M", birthDate: "1979-11-02", placeCode: "F205", phone: "+393389045512", street: "Via Garibaldi 7" },
  ricci: { givenName: "Alessandro", familyName: "Ricci", sex: "M", birthDate: "1983-01-30", placeCode: "H501", phone: "+393204456723", street: "Via dei Mille 41" },
  colombo: { givenName: "Chiara", familyName: "Colombo", sex: "F", birthDate: "1995-06-23", placeCode: "L219", phone: "+393335567834", street: "Corso Italia 88" },
  marino: { givenName: "Sara", familyName: "Marino", sex: "F", birthDate: "1991-09-08", placeCode: "F839", phone: "+393926678945", street: "Via Mazzini 3" },
  bruno: { givenName: "Elena", familyName: "Bruno", sex: "F", birthDate: "1990-12-05", placeCode: "G273", phone: "+393497789056", street: "Viale Europa 120" },
  greco: { givenName: "Davide", familyName: "Greco", sex: "M", birthDate: "1987-03-14", placeCode: "D612", phone: "+393288890167", street: "Via Dante Alighieri 22" },
  gallo: { givenName: "Matteo", familyName: "Gallo", sex: "M", birthDate: "1962-05-19", placeCode: "A662", phone: "+393409901278", street: "Piazza Garibaldi 5" },
  conti: { givenName: "Paola", familyName: "Conti", sex: "F", birthDate: "1985-08-27", placeCode: "L736", phone: "+393311012389", street: "Via Verdi 16" },
  deLuca: { givenName: "Giorgio", familyName: "De Luca", sex: "M", birthDate: "1949-02-11", placeCode: "D969", phone: "+393471123490", street: "Via Cavour 59" },
} as const satisfies Record<string, TResident>;
type TCitizenKey = keyof typeof CITIZENS;

/** Applies for the food voucher without SPID, with an email address confirmed by link. */
const EMAIL_APPLICANT: TResident = { givenName: "Antonella", familyName: "Fontana", sex: "F", birthDate: "1976-10-29", placeCode: "G224", phone: "+393385554321", street: "Via Manzoni 9" };

const fiscalCodeOf = (p: TPerson) => computeFiscalCode(p);
const emailOf = (p: TPerson) => `${p.givenName}.${p.familyName}@example.it`.toLowerCase().replace(/\s+/g, "");
const addressOf = (p: TResident) => ({ street: p.street, ...RESIDENCE });

/** An Italian IBAN with correct check digits for a BBAN (CIN + ABI + CAB + account). */
function demoIban(bban: string): string {
  return `IT${String(98 - ibanMod97(`IT00${bban}`)).padStart(2, "0")}${bban}`;
}

/** The Citizen row a SPID sign-in would have made. */
function citizenRow(p: TResident): Prisma.CitizenCreateManyInput {
  return {
    fiscalCode: fiscalCodeOf(p),
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: new Date(`${p.birthDate}T00:00:00Z`),
    email: emailOf(p),
    emailVerifiedAt: new Date(),
    phone: p.phone,
    domicile: { ...addressOf(p), country: "IT" },
    spidLevel: 2,
  };
}

// ---- answers, one builder per form (server/forms/reference-forms.ts) -------------------------

type TMember = TPerson & { relation: "coniuge" | "convivente" | "figlio" | "genitore" | "fratello" | "altro" };

function bonusAnswers(o: { household: TMember[]; isee: number; bban: string; otherSupport?: number }): TRawAnswers {
  return {
    viveSolo: o.household.length === 0,
    ...(o.household.length
      ? {
          componenti: o.household.map((m) => ({
            nome: m.givenName,
            cognome: m.familyName,
            codiceFiscale: fiscalCodeOf(m),
            parentela: m.relation,
            dataNascita: m.birthDate,
          })),
        }
      : {}),
    valoreIsee: o.isee,
    iban: demoIban(o.bban),
    altriSostegni: o.otherSupport !== undefined,
    ...(o.otherSupport !== undefined ? { importoSostegni: o.otherSupport } : {}),
    dichiarazioni: ["residenza", "unicaDomanda", "veridicita"],
    privacy: ["letta"],
  };
}

/** What an applicant without SPID types on the bonus form's first page (a citizen's comes from SPID). */
function bonusApplicantAnswers(p: TResident): TRawAnswers {
  return { nome: p.givenName, cognome: p.familyName, codiceFiscale: fiscalCodeOf(p), dataNascita: p.birthDate, email: emailOf(p), telefono: p.phone, residenza: addressOf(p) };
}

type TNursery = "girasole" | "arcobaleno" | "piccoli-passi";

function nurseryAnswers(o: {
  child: TPerson;
  disability: boolean;
  first: TNursery;
  second?: TNursery;
  fullTime: boolean;
  work: string;
  otherParentWork?: string;
}): TRawAnswers {
  return {
    nomeBambino: o.child.givenName,
    cognomeBambino: o.child.familyName,
    codiceFiscaleBambino: fiscalCodeOf(o.child),
    dataNascitaBambino: o.child.birthDate,
    disabilita: o.disability,
    nidoPreferito: o.first,
    ...(o.second ? { secondaScelta: o.second } : {}),
    orario: o.fullTime ? "tempoPieno" : "partTime",
    lavoroRichiedente: o.work,
    altroGenitore: o.otherParentWork !== undefined,
    ...(o.otherParentWork ? { lavoroAltroGenitore: o.otherParentWork } : {}),
    privacy: ["letta"],
  };
}

function permitAnswers(o: { holder?: TPerson; plate?: string; shipTo?: TResident }): TRawAnswers {
  return {
    perChi: o.holder ? "altri" : "se",
    ...(o.holder
      ? {
          nomeTitolare: o.holder.givenName,
          cognomeTitolare: o.holder.familyName,
          codiceFiscaleTitolare: fiscalCodeOf(o.holder),
          dataNascitaTitolare: o.holder.birthDate,
          ruolo: "familiare",
        }
      : {}),
    ...(o.plate ? { targa: o.plate } : {}),
    modalitaConsegna: o.shipTo ? "posta" : "sportello",
    ...(o.shipTo ? { indirizzoSpedizione: addressOf(o.shipTo) } : {}),
    privacy: ["letta"],
  };
}

// ---- the applications -----------------------------------------------------------------------

type TStep =
  | { at: Date; action: "takeInCharge" }
  | { at: Date; action: "message" | "note"; body: string }
  | { at: Date; action: "requestIntegration"; message: string; documents: string[]; deadline: Date }
  | { at: Date; action: "accept" | "reject"; reason: string };

type TDemoApplication = {
  service: TServiceSlug;
  applicant: TCitizenKey | { email: TResident };
  submittedAt: Date;
  answers: TRawAnswers;
  /** File fields: a generated one-page PDF each. */
  files?: { fieldKey: string; fileName: string; text: string }[];
  steps?: TStep[];
};

const MINUTE = 60_000;

/** Instants relative to `now`: `day(3, "10:42")` is 10:42 in Rome three days ago. */
function demoClock(now: Date) {
  const today = todayInRome(now);
  return {
    day: (daysAgo: number, time: string) => {
      const [h, m] = time.split(":").map(Number) as [number, number];
      return new Date(startOfRomeDay(addToIsoDate(today, -daysAgo, "d"))!.getTime() + (h * 60 + m) * MINUTE);
    },
    minutesAgo: (minutes: number) => new Date(now.getTime() - minutes * MINUTE),
    daysAhead: (days: number) => new Date(now.getTime() + days * 24 * 60 * MINUTE),
    /** A birth date `months` months before today. */
    bornMonthsAgo: (months: number) => addToIsoDate(today, -months, "m"),
  };
}

function demoApplications(now: Date): TDemoApplication[] {
  const c = demoClock(now);
  const child = (parent: TPerson, givenName: string, sex: "M" | "F", months: number): TPerson => ({
    givenName,
    familyName: parent.familyName,
    sex,
    birthDate: c.bornMonthsAgo(months),
    placeCode: parent.placeCode,
  });
  return [
    // Overdue: taken in charge five weeks ago, still waiting for INPS to confirm the ISEE.
    {
      service: "bonus-alimentare",
      applicant: "romano",
      submittedAt: c.day(38, "09:12"),
      answers: bonusAnswers({
        household: [
          { givenName: "Leonardo", familyName: "Romano", sex: "M", birthDate: "2014-02-09", placeCode: "A944", relation: "figlio" },
          { givenName: "Giada", familyName: "Romano", sex: "F", birthDate: "2017-07-21", placeCode: "A944", relation: "figlio" },
        ],
        isee: 7850,
        bban: "X0306909606100000012345",
      }),
      steps: [
        { at: c.day(35, "10:05"), action: "takeInCharge" },
        {
          at: c.day(20, "11:30"),
          action: "note",
          body: "Chiesto all'INPS di confermare l'ISEE dichiarato (7.850 €): la risposta non è ancora arrivata. Sollecitare prima di decidere.",
        },
      ],
    },
    {
      service: "bonus-alimentare",
      applicant: "ricci",
      submittedAt: c.day(24, "18:47"),
      answers: bonusAnswers({ household: [], isee: 9120, bban: "K0542811101000000054321", otherSupport: 280 }),
      steps: [
        { at: c.day(21, "09:40"), action: "takeInCharge" },
        {
          at: c.day(9, "12:15"),
          action: "reject",
          reason: "Dai controlli con l'anagrafe non risulti residente nel Comune alla data della domanda: il bando riserva il bonus ai residenti.",
        },
      ],
    },
    {
      service: "bonus-alimentare",
      applicant: "ferrari",
      submittedAt: c.day(16, "21:03"),
      answers: bonusAnswers({
        household: [{ givenName: "Marta", familyName: "Longo", sex: "F", birthDate: "1981-05-30", placeCode: "F205", relation: "coniuge" }],
        isee: 5400,
        bban: "T0200801634000101234567",
      }),
      steps: [
        { at: c.day(14, "09:20"), action: "takeInCharge" },
        { at: c.day(3, "16:05"), action: "accept", reason: "Requisiti verificati: il contributo di 300 € sarà accreditato sull'IBAN indicato entro 15 giorni." },
      ],
    },
    // An open integration request: the ISEE for minors was not attached.
    {
      service: "iscrizione-nido",
      applicant: "greco",
      submittedAt: c.day(13, "08:35"),
      answers: nurseryAnswers({
        child: child(CITIZENS.greco, "Pietro", "M", 20),
        disability: true,
        first: "girasole",
        second: "piccoli-passi",
        fullTime: true,
        work: "occupato",
        otherParentWork: "occupato",
      }),
      files: [{ fieldKey: "certificazioneDisabilita", fileName: "verbale-legge-104.pdf", text: "Verbale della commissione medica (Legge 104/1992) - documento dimostrativo" }],
      steps: [
        { at: c.day(6, "10:10"), action: "takeInCharge" },
        {
          at: c.day(2, "11:00"),
          action: "requestIntegration",
          message: "Per applicare la retta ridotta ci serve l'attestazione ISEE per prestazioni rivolte ai minorenni, che non risulta allegata alla domanda. Senza attestazione si applica la retta massima.",
          documents: ["Attestazione ISEE per prestazioni rivolte ai minorenni"],
          deadline: c.daysAhead(12),
        },
      ],
    },
    {
      service: "contrassegno-disabili",
      applicant: "conti",
      submittedAt: c.day(11, "15:22"),
      answers: permitAnswers({
        holder: { givenName: "Rosa", familyName: "Mancini", sex: "F", birthDate: "1941-03-12", placeCode: "L736" },
        plate: "FG482LT",
        shipTo: CITIZENS.conti,
      }),
      files: [{ fieldKey: "certificatoMedico", fileName: "certificato-asl.pdf", text: "Certificato dell'ufficio medico-legale ASL - documento dimostrativo" }],
      steps: [{ at: c.day(7, "09:05"), action: "takeInCharge" }],
    },
    // A message to the family and a note only the office reads.
    {
      service: "iscrizione-nido",
      applicant: "bruno",
      submittedAt: c.day(9, "20:14"),
      answers: nurseryAnswers({ child: child(CITIZENS.bruno, "Alice", "F", 9), disability: false, first: "arcobaleno", fullTime: true, work: "occupato" }),
      steps: [
        { at: c.day(5, "14:30"), action: "takeInCharge" },
        {
          at: c.day(5, "14:42"),
          action: "message",
          body: "Buongiorno, al nido «Arcobaleno» i posti a tempo pieno sono quasi esauriti. Se per la tua famiglia va bene anche il part-time (7:30–13:00), rispondi a questo messaggio: terremo la domanda in entrambe le liste.",
        },
        {
          at: c.day(5, "14:50"),
          action: "note",
          body: "Residenza verificata in anagrafe. Prima di chiudere l'istruttoria chiedere alla coordinatrice dell'Arcobaleno quanti posti part-time restano.",
        },
      ],
    },
    {
      service: "contrassegno-disabili",
      applicant: "deLuca",
      submittedAt: c.day(6, "10:48"),
      answers: permitAnswers({}),
      files: [{ fieldKey: "certificatoMedico", fileName: "certificato-medico.pdf", text: "Certificato dell'ufficio medico-legale ASL - documento dimostrativo" }],
      steps: [{ at: c.day(2, "09:15"), action: "takeInCharge" }],
    },
    // Just registered, nobody has taken them yet.
    {
      service: "iscrizione-nido",
      applicant: "romano",
      submittedAt: c.day(4, "22:31"),
      answers: nurseryAnswers({ child: child(CITIZENS.romano, "Tommaso", "M", 14), disability: false, first: "piccoli-passi", second: "girasole", fullTime: false, work: "occupato" }),
    },
    {
      service: "iscrizione-nido",
      applicant: "marino",
      submittedAt: c.day(2, "07:55"),
      answers: nurseryAnswers({
        child: child(CITIZENS.marino, "Beatrice", "F", 6),
        disability: false,
        first: "girasole",
        fullTime: true,
        work: "studente",
        otherParentWork: "occupato",
      }),
    },
    {
      service: "bonus-alimentare",
      applicant: { email: EMAIL_APPLICANT },
      submittedAt: c.day(1, "13:20"),
      answers: {
        ...bonusApplicantAnswers(EMAIL_APPLICANT),
        ...bonusAnswers({
          household: [{ givenName: "Nicolò", familyName: "Fontana", sex: "M", birthDate: "2009-12-01", placeCode: "G224", relation: "figlio" }],
          isee: 3200,
          bban: "L0760101600000012345678",
          otherSupport: 410,
        }),
      },
    },
    {
      service: "bonus-alimentare",
      applicant: "colombo",
      submittedAt: c.minutesAgo(180),
      answers: bonusAnswers({ household: [], isee: 6100, bban: "A0306901783100000067890" }),
    },
    {
      service: "contrassegno-disabili",
      applicant: "gallo",
      submittedAt: c.minutesAgo(50),
      answers: permitAnswers({ plate: "EK315RB" }),
      files: [{ fieldKey: "certificatoMedico", fileName: "certificato-asl-gallo.pdf", text: "Certificato dell'ufficio medico-legale ASL - documento dimostrativo" }],
    },
  ];
}

// ---- claiming and making them ---------------------------------------------------------------

/**
 * Inside seed.ts's locked transaction: creates the demo citizens when the municipality has no
 * application yet and they don't exist. True: the caller makes the applications after commit.
 */
export async function claimDemoApplications(tx: Prisma.TransactionClient, tenantId: string): Promise<boolean> {
  if (await tx.application.findFirst({ where: { tenantId }, select: { id: true } })) return false;
  const rows = Object.values(CITIZENS).map(citizenRow);
  const { count } = await tx.citizen.createMany({ data: rows, skipDuplicates: true });
  return count === rows.length;
}

/** The demo citizens' fiscal codes (for tests). */
export const DEMO_CITIZEN_FISCAL_CODES: readonly string[] = Object.values(CITIZENS).map(fiscalCodeOf);

async function applicantOf(app: TDemoApplication): Promise<TApplicant> {
  if (typeof app.applicant === "object") return { kind: "email", email: emailOf(app.applicant.email) };
  const prisma = await db();
  const { id } = await prisma.citizen.findUniqueOrThrow({ where: { fiscalCode: fiscalCodeOf(CITIZENS[app.applicant]) }, select: { id: true } });
  return { kind: "citizen", citizenId: id };
}

/** Draft, files, answers, submission and protocol number, as the citizen and the register do. */
async function submitDemo(tenantId: string, app: TDemoApplication): Promise<{ id: string; version: number }> {
  const applicant = await applicantOf(app);
  const started = new Date(app.submittedAt.getTime() - 14 * MINUTE);
  const { application } = await startApplication({ tenantId, serviceSlug: app.service, applicant, now: started });
  const ref = { tenantId, applicationId: application.id, applicant };
  const files: TRawAnswers = {};
  for (const f of app.files ?? []) {
    files[f.fieldKey] = [await uploadAttachment({ ...ref, fieldKey: f.fieldKey, fileName: f.fileName, bytes: minimalPdf(f.text) })];
  }
  const prefilled = application.data as TRawAnswers;
  await saveAnswers({ ...ref, data: { ...prefilled, ...app.answers, ...files }, now: started });
  await submitAnswers({ ...ref, submissionKey: randomUUID(), now: app.submittedAt });
  await assignProtocolNumber({ tenantId, applicationId: application.id, now: new Date(app.submittedAt.getTime() + 2 * MINUTE) });
  const prisma = await db();
  const { version } = await prisma.application.findUniqueOrThrow({ where: { id: application.id }, select: { version: true } });
  return { id: application.id, version };
}

/** One of the operator's actions; returns the application's version after it. */
async function doStep(tenantId: string, staff: TStaffRef, app: { id: string; version: number }, step: TStep): Promise<number> {
  const work = { tenantId, applicationId: app.id, staff, ip: null, expectedVersion: app.version, now: step.at };
  switch (step.action) {
    case "takeInCharge":
      return (await takeInCharge(work)).version;
    case "message":
    case "note":
      await postStaffMessage({ tenantId, staff, ip: null, applicationId: app.id, kind: step.action, body: step.body, now: step.at });
      return app.version;
    case "requestIntegration": {
      const { message, documents } = step;
      const result = await requestIntegration({ ...work, message, documents, deadline: romeDay(step.deadline) });
      return result.application.version;
    }
    case "accept":
    case "reject":
      return (await decide({ ...work, action: step.action, reason: step.reason })).version;
  }
}

/**
 * Makes the demo applications of the municipality (after claimDemoApplications said so), in the
 * order they were submitted so protocol numbers follow the dates; `operator` does the office's work.
 */
export async function seedDemoApplications(input: { tenantId: string; operator: TStaffRef; now?: Date }): Promise<void> {
  const plans = demoApplications(input.now ?? new Date()).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  for (const plan of plans) {
    const app = await submitDemo(input.tenantId, plan);
    for (const step of plan.steps ?? []) app.version = await doStep(input.tenantId, input.operator, app, step);
  }
}
