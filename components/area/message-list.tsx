"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { FileLinks, type TFileLink } from "@/components/conversation/file-links";
import { MessageText } from "@/components/conversation/message-text";
import { useTRPC } from "@/components/trpc/provider";

export type TMessageListItem = {
  id: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  /** CITIZEN: written by the citizen (a reply, an integration answer). */
  authorKind?: "CITIZEN" | "STAFF" | "SYSTEM" | "API";
  /** Sent by another system of the municipality (REST API): its name. */
  sourceLabel?: string | null;
  attachments?: TFileLink[];
  application?: { id: string; protocolNumber: string | null; service: { name: string } } | null;
};

/** The id of a message's element, for links that open it ("…/messaggi?messaggio=<id>"). */
export const messageAnchor = (id: string) => `messaggio-${id}`;

// Messages as an accordion: unread ones in bold with a "non letto" badge (words, not only
// weight); opening one marks it read and updates the unread count in the area's menu.
export function MessageList({
  tenantSlug,
  items,
  openId,
  headingLevel = 2,
  showApplication = true,
}: {
  tenantSlug: string;
  items: TMessageListItem[];
  /** Open this message at once (and mark it read), e.g. when a link pointed at it. */
  openId?: string | null;
  headingLevel?: 2 | 3;
  showApplication?: boolean;
}) {
  const t = useTranslations("personalArea.messages");
  const tConversation = useTranslations("conversation.area");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(openId && items.some((m) => m.id === openId) ? [openId] : []));
  const [read, setRead] = useState<ReadonlySet<string>>(() => new Set(items.filter((m) => m.readAt).map((m) => m.id)));
  const markRead = useMutation(
    trpc.area.markMessageRead.mutationOptions({
      onSuccess: (_data, { messageId }) => {
        setRead((prev) => new Set(prev).add(messageId));
        void queryClient.invalidateQueries({ queryKey: trpc.area.unreadCount.queryKey() });
      },
    }),
  );
  const { mutate } = markRead;
  const requested = useRef(new Set<string>());

  const ensureRead = useCallback(
    (id: string) => {
      if (read.has(id) || requested.current.has(id)) return;
      requested.current.add(id);
      mutate({ messageId: id }, { onError: () => requested.current.delete(id) });
    },
    [mutate, read],
  );

  // A message opened from a link is read as soon as the page shows it (once: not again when the
  // list re-renders after marking it).
  const openedFromLink = useRef(false);
  useEffect(() => {
    if (openedFromLink.current || !openId || !items.some((m) => m.id === openId)) return;
    openedFromLink.current = true;
    ensureRead(openId);
    document.getElementById(messageAnchor(openId))?.scrollIntoView({ block: "start" });
  }, [openId, items, ensureRead]);

  const toggle = (id: string) => {
    const opening = !open.has(id);
    setOpen((prev) => {
      const next = new Set(prev);
      if (opening) next.add(id);
      else next.delete(id);
      return next;
    });
    if (opening) ensureRead(id);
  };

  const Heading = `h${headingLevel}` as const;
  return (
    <div className="accordion" data-testid="message-list">
      {items.map((m) => {
        const isOpen = open.has(m.id);
        const unread = !read.has(m.id);
        const headerId = `${messageAnchor(m.id)}-titolo`;
        const bodyId = `${messageAnchor(m.id)}-testo`;
        return (
          <div key={m.id} id={messageAnchor(m.id)} className="accordion-item" data-testid="message-item" data-unread={unread ? "true" : "false"}>
            <Heading className="accordion-header" id={headerId}>
              <button
                type="button"
                className={`accordion-button${isOpen ? "" : " collapsed"}`}
                aria-expanded={isOpen}
                aria-controls={bodyId}
                onClick={() => toggle(m.id)}
              >
                <span className="d-flex flex-column align-items-start gap-1 text-start">
                  <span className={unread ? "fw-bold" : "fw-normal"}>{m.subject}</span>
                  <span className="small fw-normal text-secondary">
                    {unread ? <span className="badge bg-primary me-2">{t("unread")}</span> : null}
                    {m.authorKind === "CITIZEN" ? <span className="me-2">{tConversation("sentByYou")} ·</span> : null}
                    {m.sourceLabel ? (
                      <span className="me-2" data-testid="message-source">
                        {t("from", { source: m.sourceLabel })} ·
                      </span>
                    ) : null}
                    <time dateTime={new Date(m.createdAt).toISOString()}>
                      {format.dateTime(new Date(m.createdAt), { day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" })}
                    </time>
                  </span>
                </span>
              </button>
            </Heading>
            <div id={bodyId} className={`accordion-collapse collapse${isOpen ? " show" : ""}`} role="region" aria-labelledby={headerId}>
              <div className="accordion-body">
                <MessageText text={m.body} />
                <FileLinks tenantSlug={tenantSlug} files={m.attachments ?? []} label={tConversation("files")} />
                {showApplication && m.application ? (
                  <p className="small mb-0">
                    {t("about")}{" "}
                    <Link href={`/${tenantSlug}/area-personale/domande/${m.application.id}`}>
                      {m.application.service.name}
                      {m.application.protocolNumber ? ` (${m.application.protocolNumber})` : ""}
                    </Link>
                  </p>
                ) : null}
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
