-- AlterTable
ALTER TABLE "IntegrationRequest" ADD COLUMN     "answerMessageId" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "requestMessageId" TEXT;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "allowIntegration" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "allowWithdrawal" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "groupId" TEXT,
ADD COLUMN     "groupPosition" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "appIoApiKey" TEXT;

-- CreateTable
CREATE TABLE "ServiceGroup" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceOperator" (
    "tenantId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceOperator_pkey" PRIMARY KEY ("serviceId","staffUserId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceGroup_tenantId_slug_key" ON "ServiceGroup"("tenantId", "slug");

-- CreateIndex
CREATE INDEX "ServiceOperator_tenantId_staffUserId_idx" ON "ServiceOperator"("tenantId", "staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationRequest_requestMessageId_key" ON "IntegrationRequest"("requestMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationRequest_answerMessageId_key" ON "IntegrationRequest"("answerMessageId");

-- CreateIndex
CREATE INDEX "Service_tenantId_groupId_idx" ON "Service"("tenantId", "groupId");

-- AddForeignKey
ALTER TABLE "ServiceGroup" ADD CONSTRAINT "ServiceGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOperator" ADD CONSTRAINT "ServiceOperator_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOperator" ADD CONSTRAINT "ServiceOperator_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOperator" ADD CONSTRAINT "ServiceOperator_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ServiceGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (not expressible in schema.prisma; scripts/db-schema-diff.ts ignores indexes named
-- "hand_*"). The inbox's name-prefix search: lower("applicantName") LIKE 'prefix%' (status and
-- name included so the counts per status are answered from the index alone).
CREATE INDEX "hand_Application_tenant_lower_name_idx" ON "Application"("tenantId", lower("applicantName") text_pattern_ops, id) INCLUDE (status, "applicantName");

-- The inbox's overdue filter: open (submitted, not closed) applications by due date. The status
-- list is OPEN_STATUSES of server/backoffice/inbox.ts; a test checks the two agree.
CREATE INDEX "hand_Application_tenant_open_due_idx" ON "Application"("tenantId", "dueDate", id) INCLUDE (status)
  WHERE status IN (1900, 2000, 3000, 4000, 4100, 4200, 4300, 4400, 4500, 6000, 8000);

-- The overdue filter with the default sort (newest submissions first): the open applications by
-- submission, with their due date, so the page's ids come from the index alone.
CREATE INDEX "hand_Application_tenant_open_submitted_idx" ON "Application"("tenantId", "submittedAt", id) INCLUDE ("dueDate")
  WHERE status IN (1900, 2000, 3000, 4000, 4100, 4200, 4300, 4400, 4500, 6000, 8000);
