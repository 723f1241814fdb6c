import type { Prisma } from "./generated/client";
import { REFERENCE_FORMS } from "../forms/reference-forms";

// The reference services of the demo municipality (issue 3): one per access level, each with its
// category, card in the fixed format and first published form version. Created once, never
// overwritten, so an administrator's edits survive restarts.

const CATEGORIES = [
  { slug: "assistenza-sostegno", name: "Assistenza e sostegno", description: "Contributi, agevolazioni e aiuti alle famiglie.", position: 1 },
  { slug: "educazione-formazione", name: "Educazione e formazione", description: "Nidi, scuole, mense e trasporto scolastico.", position: 2 },
  { slug: "mobilita-trasporti", name: "Mobilità e trasporti", description: "Permessi, contrassegni e accessi alle zone a traffico limitato.", position: 3 },
] as const;

type TDemoService = Omit<Prisma.ServiceCreateManyInput, "tenantId" | "categoryId" | "status"> & {
  slug: keyof typeof REFERENCE_FORMS;
  category: (typeof CATEGORIES)[number]["slug"];
};

const PRIVACY =
  "Il Comune tratta i dati personali indicati nella domanda solo per istruirla e rispondere, come previsto dal Regolamento (UE) 2016/679. I dati sono conservati per il tempo previsto dalla legge e non sono comunicati a terzi se non per obbligo di legge. Puoi chiedere accesso, rettifica o limitazione scrivendo all'Ufficio relazioni con il pubblico.";

const SERVICES: TDemoService[] = [
  {
    slug: "bonus-alimentare",
    category: "assistenza-sostegno",
    name: "Bonus alimentare",
    accessLevel: "ANONYMOUS_EMAIL",
    summary: "Un contributo per l'acquisto di generi alimentari e di prima necessità per i nuclei familiari in difficoltà economica, accreditato sul conto corrente indicato.",
    audience: "I nuclei familiari residenti nel Comune con un ISEE fino a 9.360 euro. Può presentare la domanda un solo componente per nucleo.",
    howTo: "Compila la domanda online: non serve SPID, basta un indirizzo email che confermi con un link. Tieni a portata di mano i codici fiscali dei componenti del nucleo, il valore ISEE e l'IBAN.",
    cost: "Gratuito",
    maxProcessingDays: 30,
    documentsNeeded: "Nessun documento da allegare: servono il valore dell'ISEE in corso di validità e l'IBAN di un conto intestato a un componente del nucleo.",
    contacts: "Servizi sociali — servizisociali@esempio.sportello.localhost — 0123 456780, dal lunedì al venerdì 9:00–12:00",
    privacyNotice: PRIVACY,
  },
  {
    slug: "iscrizione-nido",
    category: "educazione-formazione",
    name: "Iscrizione al nido d'infanzia",
    accessLevel: "SPID_L2",
    summary: "La domanda di iscrizione ai nidi d'infanzia comunali per i bambini da 3 mesi a 3 anni, per l'anno educativo in corso o il successivo.",
    audience: "I genitori, o chi esercita la responsabilità genitoriale, di bambini nati negli ultimi tre anni.",
    howTo: "Accedi con SPID o CIE, compila la domanda indicando il nido preferito e l'orario, allega i documenti richiesti. Le domande formano una graduatoria pubblicata sul sito.",
    cost: "Retta mensile in base all'ISEE, da 80 a 450 euro; la domanda è gratuita.",
    maxProcessingDays: 60,
    documentsNeeded: "Attestazione ISEE per prestazioni rivolte ai minorenni (facoltativa); certificazione di disabilità del bambino, se presente.",
    contacts: "Ufficio scuola — scuola@esempio.sportello.localhost — 0123 456781",
    privacyNotice: PRIVACY,
  },
  {
    slug: "contrassegno-disabili",
    category: "mobilita-trasporti",
    name: "Contrassegno parcheggio per persone con disabilità",
    accessLevel: "SPID_L2",
    summary: "Il contrassegno europeo che consente di parcheggiare negli stalli riservati e di accedere alle zone a traffico limitato, per le persone con capacità di deambulazione ridotta.",
    audience: "Le persone con capacità di deambulazione sensibilmente ridotta o non vedenti, o chi le rappresenta.",
    howTo: "Accedi con SPID o CIE, indica per chi chiedi il contrassegno e allega il certificato medico dell'ufficio medico-legale dell'ASL. Scegli se ritirarlo allo sportello o riceverlo a casa.",
    cost: "Gratuito",
    maxProcessingDays: 30,
    documentsNeeded: "Certificato medico dell'ufficio medico-legale dell'ASL (PDF, JPEG, PNG o P7M firmato, fino a 10 MB); una fototessera recente.",
    contacts: "Polizia locale — permessi@esempio.sportello.localhost — 0123 456782",
    privacyNotice: PRIVACY,
  },
];

/** The default service categories of a municipality (the demo's, and every new one's): slug → id. */
export async function upsertDefaultCategories(tx: Prisma.TransactionClient, tenantId: string): Promise<Map<string, string>> {
  const categoryIds = new Map<string, string>();
  for (const c of CATEGORIES) {
    const category = await tx.serviceCategory.upsert({
      where: { tenantId_slug: { tenantId, slug: c.slug } },
      create: { ...c, tenantId },
      update: {},
      select: { id: true },
    });
    categoryIds.set(c.slug, category.id);
  }
  return categoryIds;
}

/** Creates the demo categories, services and their first form versions for one municipality. */
export async function seedDemoServices(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  const categoryIds = await upsertDefaultCategories(tx, tenantId);
  for (const { category, ...s } of SERVICES) {
    const existing = await tx.service.findUnique({ where: { tenantId_slug: { tenantId, slug: s.slug } }, select: { id: true } });
    if (existing) continue;
    const service = await tx.service.create({
      data: { ...s, tenantId, categoryId: categoryIds.get(category)!, status: "PUBLISHED" },
      select: { id: true },
    });
    const form = await tx.formVersion.create({
      data: { tenantId, serviceId: service.id, version: 1, schema: REFERENCE_FORMS[s.slug], publishedAt: new Date() },
      select: { id: true },
    });
    await tx.service.update({ where: { id: service.id }, data: { currentFormVersionId: form.id } });
  }
}
