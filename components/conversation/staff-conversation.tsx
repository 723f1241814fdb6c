import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { EmptyState } from "@/components/empty-state";
import { Icon } from "@/components/icon";
import { openThreadAsStaff } from "@/server/conversation/thread";
import { MESSAGES_ANCHOR } from "./anchors";
import { FileLinks } from "./file-links";
import { MessageText } from "./message-text";
import { StaffComposer } from "./staff-composer";

// "Messaggi e note" on the operator's application page: the whole conversation, oldest first,
// then the composer. Internal notes stand apart in three ways, never by colour alone: a tinted
// box with a thick border, a lock icon and the words "Nota interna — non visibile al cittadino".
// Opening the page counts as reading the citizen's messages: the ones new until now are marked
// "Nuovo" this once, and the heading says how many there were.

type TApp = { id: string; status: number; citizenId: string | null; applicantName: string | null };
type TEntry = Awaited<ReturnType<typeof openThreadAsStaff>>["thread"][number];

const AUTHOR_ICON = { CITIZEN: "it-user", STAFF: "it-mail", SYSTEM: "it-horn", API: "it-plug" } as const;

function entryBox(e: TEntry): string {
  if (e.internal) return "border border-2 border-warning bg-light";
  return e.authorKind === "CITIZEN" ? "border-top border-end border-bottom border-primary" : e.authorKind === "STAFF" ? "border" : "border small";
}

/** The citizen's messages carry a thick left edge, as in a chat (besides their label). */
const CITIZEN_EDGE = { borderLeft: "6px solid var(--bs-primary)" } as const;

export async function StaffConversation({ tenantSlug, tenantId, app }: { tenantSlug: string; tenantId: string; app: TApp }) {
  const [t, dates, view] = await Promise.all([getTranslations("conversation"), getAreaDates(), openThreadAsStaff({ tenantId, app })]);
  const recipientName = view.recipientName ?? t("thread.kind.CITIZEN");
  const author = (e: TEntry) =>
    e.authorKind === "CITIZEN" ? recipientName : e.authorKind === "STAFF" ? (e.authorName ?? t("thread.staffUnknown")) : t("thread.system");

  return (
    <section id={MESSAGES_ANCHOR} aria-labelledby="app-messages-title" className="mb-4" data-testid="staff-conversation">
      <h2 id="app-messages-title" className="h4 d-flex flex-wrap align-items-center gap-2">
        {t("thread.title")}
        {view.unread > 0 ? (
          <span className="badge bg-primary fs-6" data-testid="thread-unread">
            {t("inbox.unread", { count: view.unread })}
          </span>
        ) : null}
      </h2>
      <p className="small text-secondary">{t("thread.lead")}</p>
      {view.thread.length === 0 ? (
        <EmptyState icon="it-comment" title={t("thread.empty")} headingLevel={3} />
      ) : (
        <ol className="list-unstyled d-grid gap-3 mb-4" data-testid="thread">
          {view.thread.map((e) => (
            <li
              key={e.id}
              className={`rounded p-3 ${entryBox(e)}`}
              style={e.authorKind === "CITIZEN" && !e.internal ? CITIZEN_EDGE : undefined}
              data-testid="thread-entry" data-internal={e.internal ? "true" : "false"} data-author={e.authorKind}>
              <p className="d-flex flex-wrap align-items-center gap-2 mb-1 fw-semibold">
                {e.internal ? (
                  <>
                    <Icon name="it-locked" size="sm" />
                    {t("thread.noteLabel")}
                  </>
                ) : (
                  <>
                    <Icon name={AUTHOR_ICON[e.authorKind]} size="sm" color="primary" />
                    {t(`thread.kind.${e.authorKind}`)}
                  </>
                )}
                {e.isNew ? <span className="badge bg-primary">{t("thread.new")}</span> : null}
              </p>
              <p className="small text-secondary mb-2">
                {author(e)} · <time dateTime={dates.iso(e.createdAt)}>{dates.dateTime(e.createdAt)}</time>
                {!e.internal && e.authorKind !== "CITIZEN"
                  ? ` · ${e.readAt ? t("thread.readByCitizen", { at: dates.dateTime(e.readAt) }) : t("thread.notReadByCitizen")}`
                  : null}
              </p>
              {e.authorKind === "SYSTEM" ? <p className="fw-semibold mb-1">{e.subject}</p> : null}
              <MessageText text={e.body} />
              <FileLinks tenantSlug={tenantSlug} files={e.attachments} label={t("thread.files")} />
            </li>
          ))}
        </ol>
      )}
      <StaffComposer
        tenantSlug={tenantSlug}
        applicationId={app.id}
        recipientName={recipientName}
        citizenBlock={view.citizenBlock}
        citizenHasEmail={view.citizenHasEmail}
      />
    </section>
  );
}
