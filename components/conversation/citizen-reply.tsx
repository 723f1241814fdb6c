import { getTranslations } from "next-intl/server";
import { APPLICATION_STATUS, isInProgressStatus } from "@/server/applications/status";
import { canMessageCitizen } from "@/server/applications/transitions";
import { CitizenReplyForm } from "./citizen-reply-form";

// Under the messages of the citizen's application: the reply form while the office can be
// written to (taken in charge, not yet decided); before that, when it will be possible.
export async function CitizenReply({ tenantSlug, applicationId, status }: { tenantSlug: string; applicationId: string; status: number }) {
  if (canMessageCitizen(status)) return <CitizenReplyForm tenantSlug={tenantSlug} applicationId={applicationId} />;
  if (!isInProgressStatus(status) || status < APPLICATION_STATUS.SUBMITTED || status >= APPLICATION_STATUS.TAKEN_IN_CHARGE) return null;
  const t = await getTranslations("conversation.reply");
  return <p className="small text-secondary mt-3 mb-0">{t("notYet")}</p>;
}
