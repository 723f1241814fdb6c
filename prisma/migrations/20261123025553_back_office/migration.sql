-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "applicantFiscalCode" TEXT,
ADD COLUMN     "applicantName" TEXT,
ADD COLUMN     "assignedStaffId" TEXT,
ADD COLUMN     "takenInChargeAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "messageId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "authorId" TEXT,
ADD COLUMN     "authorKind" "ActorKind" NOT NULL DEFAULT 'SYSTEM',
ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "readByStaffAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "applicationId" TEXT,
    "ip" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationRequest" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "requestedById" TEXT,
    "message" TEXT NOT NULL,
    "documents" JSONB NOT NULL DEFAULT '[]',
    "deadline" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answerText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_applicationId_createdAt_idx" ON "AuditEvent"("tenantId", "applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_createdAt_idx" ON "AuditEvent"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "IntegrationRequest_tenantId_applicationId_createdAt_idx" ON "IntegrationRequest"("tenantId", "applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_tenantId_submittedAt_id_idx" ON "Application"("tenantId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_tenantId_status_submittedAt_id_idx" ON "Application"("tenantId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_tenantId_serviceId_submittedAt_id_idx" ON "Application"("tenantId", "serviceId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_tenantId_assignedStaffId_status_idx" ON "Application"("tenantId", "assignedStaffId", "status");

-- CreateIndex
CREATE INDEX "Application_tenantId_dueDate_idx" ON "Application"("tenantId", "dueDate");

-- CreateIndex
CREATE INDEX "Application_tenantId_applicantFiscalCode_idx" ON "Application"("tenantId", "applicantFiscalCode");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assignedStaffId_fkey" FOREIGN KEY ("assignedStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationRequest" ADD CONSTRAINT "IntegrationRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationRequest" ADD CONSTRAINT "IntegrationRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the audit trail is append-only. No UPDATE ever; no DELETE except the cascade
-- from deleting its municipality or its application (pg_trigger_depth() > 1 inside a cascade).
CREATE FUNCTION "AuditEvent_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent % cannot be changed or deleted', OLD."id" USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();
