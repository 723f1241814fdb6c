import type { TJobDefinition } from "./define";
import { applicationOutcomeJob } from "./definitions/application-outcome";
import { applicationStatusChangedJob } from "./definitions/application-status-changed";
import { applicationSubmittedJob } from "./definitions/application-submitted";
import { draftsRetentionJob } from "./definitions/drafts-retention";
import { inboundAppIoJob } from "./definitions/inbound-app-io";
import { jobsCleanupJob } from "./definitions/jobs-cleanup";
import { sendEmailJob } from "./definitions/send-email";
import { servicesScheduleJob } from "./definitions/services-schedule";
import { webhookJobs } from "./definitions/webhooks";

// Every background job of Sportello. To add one: write server/jobs/definitions/<name>.ts with
// defineJob(...) and add it to this list. Both providers (local worker, Inngest) read this list.
export const jobRegistry: readonly TJobDefinition[] = [
  applicationOutcomeJob,
  applicationStatusChangedJob,
  applicationSubmittedJob,
  draftsRetentionJob,
  inboundAppIoJob,
  jobsCleanupJob,
  sendEmailJob,
  servicesScheduleJob,
  ...webhookJobs,
];
