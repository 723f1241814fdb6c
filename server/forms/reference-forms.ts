import type { TFormSchema } from "./schema";

// The demo municipality's three reference services (issue 3, point 10). The seed stores these as
// each service's first form version; tests check they pass validate-schema.

const PRIVACY_TEXT =
  "I dati personali sono trattati dal Comune, titolare del trattamento, solo per gestire questa domanda, " +
  "nel rispetto del Regolamento (UE) 2016/679 (GDPR). L'informativa completa è disponibile nella pagina «Privacy» del sito.";

/** "Bonus alimentare": open to applicants without SPID; household as a repeatable group. */
export const BONUS_ALIMENTARE_FORM: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "richiedente",
      title: "Dati del richiedente",
      description: "Se hai effettuato l'accesso con SPID o CIE, i tuoi dati anagrafici sono già compilati e non sono modificabili.",
      fields: [
        { key: "nome", type: "text", label: "Nome", required: true, maxLength: 100, prefill: "givenName", readOnlyFromIdentity: true },
        { key: "cognome", type: "text", label: "Cognome", required: true, maxLength: 100, prefill: "familyName", readOnlyFromIdentity: true },
        { key: "codiceFiscale", type: "fiscalCode", label: "Codice fiscale", required: true, prefill: "fiscalCode", readOnlyFromIdentity: true },
        { key: "dataNascita", type: "date", label: "Data di nascita", required: true, max: "today", prefill: "birthDate", readOnlyFromIdentity: true },
        { key: "email", type: "email", label: "Email", required: true, help: "Qui riceverai la ricevuta e gli aggiornamenti sulla domanda.", prefill: "email" },
        { key: "telefono", type: "phone", label: "Telefono", required: true, help: "Potremmo chiamarti se servono chiarimenti.", prefill: "phone" },
        {
          key: "residenza",
          type: "address",
          label: "Indirizzo di residenza",
          required: true,
          help: "Il bonus è riservato ai residenti nel Comune.",
          prefill: "domicile",
        },
      ],
    },
    {
      key: "nucleo",
      title: "Nucleo familiare",
      description: "Indica le persone che vivono con te e risultano nel tuo stato di famiglia. Non inserire te stesso.",
      fields: [
        { key: "viveSolo", type: "yesno", label: "Vivi da solo?", required: true },
        {
          key: "componenti",
          type: "group",
          label: "Componenti del nucleo familiare",
          itemLabel: "Componente",
          required: true,
          minItems: 1,
          maxItems: 15,
          showIf: { field: "viveSolo", equals: false },
          fields: [
            { key: "nome", type: "text", label: "Nome", required: true, maxLength: 100 },
            { key: "cognome", type: "text", label: "Cognome", required: true, maxLength: 100 },
            { key: "codiceFiscale", type: "fiscalCode", label: "Codice fiscale", required: true },
            {
              key: "parentela",
              type: "select",
              label: "Rapporto di parentela con te",
              required: true,
              options: [
                { value: "coniuge", label: "Coniuge o unito civilmente" },
                { value: "convivente", label: "Convivente" },
                { value: "figlio", label: "Figlio o figlia" },
                { value: "genitore", label: "Genitore" },
                { value: "fratello", label: "Fratello o sorella" },
                { value: "altro", label: "Altro" },
              ],
            },
            { key: "dataNascita", type: "date", label: "Data di nascita", required: true, max: "today", min: "1900-01-01" },
          ],
        },
      ],
    },
    {
      key: "economica",
      title: "Situazione economica",
      fields: [
        {
          key: "valoreIsee",
          type: "number",
          label: "Valore ISEE in corso di validità",
          unit: "€",
          required: true,
          min: 0,
          max: 15000,
          help: "Lo trovi nell'attestazione ISEE rilasciata dall'INPS. Il bonus spetta con ISEE fino a 15.000 €.",
        },
        {
          key: "iban",
          type: "iban",
          label: "IBAN per l'accredito",
          required: true,
          italianOnly: true,
          help: "Il conto deve essere intestato o cointestato a te. Va bene anche una carta prepagata con IBAN.",
        },
        {
          key: "altriSostegni",
          type: "yesno",
          label: "Nel nucleo familiare qualcuno riceve altri sostegni pubblici (ad esempio Assegno di inclusione)?",
          required: true,
        },
        {
          key: "importoSostegni",
          type: "number",
          label: "Importo mensile complessivo dei sostegni",
          unit: "€",
          required: true,
          min: 0,
          max: 10000,
          showIf: { field: "altriSostegni", equals: true },
        },
      ],
    },
    {
      key: "dichiarazioni",
      title: "Dichiarazioni e consenso",
      fields: [
        {
          key: "avvertenza",
          type: "static",
          label: "Dichiarazioni sostitutive",
          text: "Le dichiarazioni sono rese ai sensi del DPR 445/2000: chi dichiara il falso decade dal beneficio e ne risponde penalmente (art. 76).",
        },
        {
          key: "dichiarazioni",
          type: "checkboxes",
          label: "Dichiaro che",
          required: true,
          minItems: 3,
          options: [
            { value: "residenza", label: "sono residente nel Comune" },
            { value: "unicaDomanda", label: "nessun altro componente del mio nucleo familiare ha presentato la stessa domanda" },
            { value: "veridicita", label: "le informazioni inserite sono vere e complete" },
          ],
        },
        { key: "informativa", type: "static", label: "Informativa sul trattamento dei dati", text: PRIVACY_TEXT },
        {
          key: "privacy",
          type: "checkboxes",
          label: "Consenso",
          required: true,
          options: [{ value: "letta", label: "Ho letto l'informativa sul trattamento dei dati personali" }],
        },
      ],
    },
  ],
};

/** "Iscrizione al nido d'infanzia": SPID; child's data, show-if on disability, uploads. */
export const ISCRIZIONE_NIDO_FORM: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "genitore",
      title: "Chi presenta la domanda",
      description: "La domanda è presentata da un genitore o da chi esercita la responsabilità genitoriale.",
      fields: [
        { key: "nome", type: "text", label: "Nome", required: true, prefill: "givenName", readOnlyFromIdentity: true },
        { key: "cognome", type: "text", label: "Cognome", required: true, prefill: "familyName", readOnlyFromIdentity: true },
        { key: "codiceFiscale", type: "fiscalCode", label: "Codice fiscale", required: true, prefill: "fiscalCode", readOnlyFromIdentity: true },
        { key: "email", type: "email", label: "Email", required: true, prefill: "email" },
        { key: "telefono", type: "phone", label: "Telefono", required: true, prefill: "phone" },
        { key: "residenza", type: "address", label: "Indirizzo di residenza", required: true, prefill: "domicile" },
      ],
    },
    {
      key: "bambino",
      title: "Dati del bambino o della bambina",
      fields: [
        { key: "nomeBambino", type: "text", label: "Nome", required: true, maxLength: 100 },
        { key: "cognomeBambino", type: "text", label: "Cognome", required: true, maxLength: 100 },
        { key: "codiceFiscaleBambino", type: "fiscalCode", label: "Codice fiscale", required: true },
        {
          key: "dataNascitaBambino",
          type: "date",
          label: "Data di nascita",
          required: true,
          min: "today-3y",
          max: "today",
          help: "Il nido accoglie bambini e bambine fino a 3 anni.",
        },
        {
          key: "disabilita",
          type: "yesno",
          label: "Il bambino ha una disabilità certificata?",
          required: true,
          help: "Le domande con disabilità certificata (Legge 104/1992) hanno la precedenza in graduatoria.",
        },
        {
          key: "certificazioneDisabilita",
          type: "file",
          label: "Certificazione della disabilità",
          required: true,
          maxSizeMb: 10,
          accept: ["pdf", "jpeg", "png", "p7m"],
          showIf: { field: "disabilita", equals: true },
          help: "Il verbale della commissione medica (Legge 104/1992), in PDF o foto leggibile.",
        },
      ],
    },
    {
      key: "frequenza",
      title: "Nido e orario",
      fields: [
        {
          key: "nidoPreferito",
          type: "select",
          label: "Nido preferito",
          required: true,
          options: [
            { value: "girasole", label: "Nido «Il Girasole» – via dei Mille 12" },
            { value: "arcobaleno", label: "Nido «Arcobaleno» – piazza Garibaldi 3" },
            { value: "piccoli-passi", label: "Nido «Piccoli Passi» – viale Europa 45" },
          ],
        },
        {
          key: "secondaScelta",
          type: "select",
          label: "Seconda scelta (facoltativa)",
          options: [
            { value: "girasole", label: "Nido «Il Girasole» – via dei Mille 12" },
            { value: "arcobaleno", label: "Nido «Arcobaleno» – piazza Garibaldi 3" },
            { value: "piccoli-passi", label: "Nido «Piccoli Passi» – viale Europa 45" },
          ],
        },
        {
          key: "orario",
          type: "radio",
          label: "Orario di frequenza",
          required: true,
          options: [
            { value: "tempoPieno", label: "Tempo pieno (7:30–16:30)" },
            { value: "partTime", label: "Part-time (7:30–13:00)" },
          ],
        },
      ],
    },
    {
      key: "famiglia",
      title: "Situazione familiare",
      fields: [
        {
          key: "lavoroRichiedente",
          type: "radio",
          label: "La tua condizione lavorativa",
          required: true,
          options: [
            { value: "occupato", label: "Occupato o occupata" },
            { value: "studente", label: "Studente o studentessa" },
            { value: "disoccupato", label: "In cerca di occupazione" },
            { value: "altro", label: "Altro" },
          ],
        },
        { key: "altroGenitore", type: "yesno", label: "C'è un altro genitore nel nucleo familiare?", required: true },
        {
          key: "lavoroAltroGenitore",
          type: "radio",
          label: "Condizione lavorativa dell'altro genitore",
          required: true,
          showIf: { field: "altroGenitore", equals: true },
          options: [
            { value: "occupato", label: "Occupato o occupata" },
            { value: "studente", label: "Studente o studentessa" },
            { value: "disoccupato", label: "In cerca di occupazione" },
            { value: "altro", label: "Altro" },
          ],
        },
        {
          key: "attestazioneIsee",
          type: "file",
          label: "Attestazione ISEE per prestazioni rivolte ai minorenni",
          maxSizeMb: 10,
          accept: ["pdf", "p7m"],
          help: "Facoltativa: senza ISEE si applica la retta massima.",
        },
        {
          key: "privacy",
          type: "checkboxes",
          label: "Consenso",
          required: true,
          options: [{ value: "letta", label: "Ho letto l'informativa sul trattamento dei dati personali" }],
        },
      ],
    },
  ],
};

/** "Contrassegno parcheggio per persone con disabilità": SPID; for self or someone else. */
export const CONTRASSEGNO_DISABILI_FORM: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "richiedente",
      title: "Chi presenta la domanda",
      fields: [
        { key: "nome", type: "text", label: "Nome", required: true, prefill: "givenName", readOnlyFromIdentity: true },
        { key: "cognome", type: "text", label: "Cognome", required: true, prefill: "familyName", readOnlyFromIdentity: true },
        { key: "codiceFiscale", type: "fiscalCode", label: "Codice fiscale", required: true, prefill: "fiscalCode", readOnlyFromIdentity: true },
        { key: "telefono", type: "phone", label: "Telefono", required: true, prefill: "phone" },
        {
          key: "perChi",
          type: "radio",
          label: "Per chi chiedi il contrassegno?",
          required: true,
          options: [
            { value: "se", label: "Per me" },
            { value: "altri", label: "Per un'altra persona (come familiare, tutore o amministratore di sostegno)" },
          ],
        },
      ],
    },
    {
      key: "titolare",
      title: "Persona titolare del contrassegno",
      description: "Compila questa pagina solo se chiedi il contrassegno per un'altra persona.",
      fields: [
        { key: "nomeTitolare", type: "text", label: "Nome", required: true, showIf: { field: "perChi", equals: "altri" } },
        { key: "cognomeTitolare", type: "text", label: "Cognome", required: true, showIf: { field: "perChi", equals: "altri" } },
        { key: "codiceFiscaleTitolare", type: "fiscalCode", label: "Codice fiscale", required: true, showIf: { field: "perChi", equals: "altri" } },
        { key: "dataNascitaTitolare", type: "date", label: "Data di nascita", required: true, max: "today", showIf: { field: "perChi", equals: "altri" } },
        {
          key: "ruolo",
          type: "select",
          label: "Il tuo ruolo rispetto alla persona",
          required: true,
          showIf: { field: "perChi", equals: "altri" },
          options: [
            { value: "familiare", label: "Familiare" },
            { value: "tutore", label: "Tutore" },
            { value: "amministratore", label: "Amministratore di sostegno" },
          ],
        },
        {
          key: "delega",
          type: "file",
          label: "Delega o provvedimento di nomina",
          required: true,
          maxSizeMb: 10,
          accept: ["pdf", "jpeg", "png", "p7m"],
          showIf: { field: "ruolo", in: ["tutore", "amministratore"] },
        },
        { key: "nota", type: "static", text: "Se chiedi il contrassegno per te puoi passare alla pagina successiva." , showIf: { field: "perChi", equals: "se" } },
      ],
    },
    {
      key: "documenti",
      title: "Certificato e veicolo",
      fields: [
        {
          key: "certificatoMedico",
          type: "file",
          label: "Certificato medico",
          required: true,
          maxSizeMb: 10,
          accept: ["pdf", "jpeg", "png", "p7m"],
          help: "Il certificato dell'ufficio medico-legale dell'ASL che attesta la ridotta capacità di deambulazione. PDF, JPEG, PNG o P7M firmato, fino a 10 MB.",
        },
        {
          key: "targa",
          type: "text",
          label: "Targa del veicolo usato abitualmente (facoltativa)",
          maxLength: 10,
          pattern: "[A-Za-z]{2}\\s?[0-9]{3}\\s?[A-Za-z]{2}",
          patternMessage: "Scrivi la targa come sul libretto, ad esempio AB123CD.",
          help: "Il contrassegno vale per la persona, su qualsiasi veicolo: la targa serve solo per la ZTL.",
        },
      ],
    },
    {
      key: "consegna",
      title: "Consegna",
      fields: [
        {
          key: "modalitaConsegna",
          type: "radio",
          label: "Come vuoi ricevere il contrassegno?",
          required: true,
          options: [
            { value: "sportello", label: "Ritiro allo sportello della Polizia Locale" },
            { value: "posta", label: "Spedizione a casa con raccomandata" },
          ],
        },
        {
          key: "indirizzoSpedizione",
          type: "address",
          label: "Indirizzo di spedizione",
          required: true,
          showIf: { field: "modalitaConsegna", equals: "posta" },
        },
        {
          key: "privacy",
          type: "checkboxes",
          label: "Consenso",
          required: true,
          options: [{ value: "letta", label: "Ho letto l'informativa sul trattamento dei dati personali, anche sanitari" }],
        },
      ],
    },
  ],
};

export const REFERENCE_FORMS = {
  "bonus-alimentare": BONUS_ALIMENTARE_FORM,
  "iscrizione-nido": ISCRIZIONE_NIDO_FORM,
  "contrassegno-disabili": CONTRASSEGNO_DISABILI_FORM,
} as const satisfies Record<string, TFormSchema>;
