-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SUSPENDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ServiceAccessLevel" AS ENUM ('ANONYMOUS_EMAIL', 'SPID_L2', 'SPID_L3');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('CITIZEN', 'STAFF', 'SYSTEM');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "applicationId" TEXT,
ADD COLUMN     "fileKey" TEXT;

-- CreateTable
CREATE TABLE "ServiceCategory" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ServiceStatus" NOT NULL DEFAULT 'DRAFT',
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "accessLevel" "ServiceAccessLevel" NOT NULL DEFAULT 'SPID_L2',
    "summary" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "howTo" TEXT NOT NULL,
    "cost" TEXT NOT NULL,
    "maxProcessingDays" INTEGER NOT NULL,
    "documentsNeeded" TEXT NOT NULL,
    "contacts" TEXT NOT NULL,
    "privacyNotice" TEXT NOT NULL,
    "currentFormVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormVersion" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "schema" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "formVersionId" TEXT NOT NULL,
    "citizenId" TEXT,
    "applicantEmail" TEXT,
    "applicantEmailVerifiedAt" TIMESTAMP(3),
    "accessTokenHash" TEXT,
    "status" INTEGER NOT NULL DEFAULT 1000,
    "data" JSONB NOT NULL DEFAULT '{}',
    "currentPageKey" TEXT,
    "submissionKey" TEXT,
    "protocolNumber" TEXT,
    "protocolYear" INTEGER,
    "protocolSeq" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3),
    "dueDate" TIMESTAMP(3),
    "lastSavedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    "draftExpiresAt" TIMESTAMP(3),
    "draftReminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStatusChange" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStatus" INTEGER,
    "toStatus" INTEGER NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolCounter" (
    "tenantId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL,

    CONSTRAINT "ProtocolCounter_pkey" PRIMARY KEY ("tenantId","year")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "citizenId" TEXT,
    "applicationId" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'system',
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServiceCategory_tenantId_position_idx" ON "ServiceCategory"("tenantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCategory_tenantId_slug_key" ON "ServiceCategory"("tenantId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_currentFormVersionId_key" ON "Service"("currentFormVersionId");

-- CreateIndex
CREATE INDEX "Service_tenantId_categoryId_idx" ON "Service"("tenantId", "categoryId");

-- CreateIndex
CREATE INDEX "Service_tenantId_status_idx" ON "Service"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Service_tenantId_slug_key" ON "Service"("tenantId", "slug");

-- CreateIndex
CREATE INDEX "FormVersion_tenantId_serviceId_idx" ON "FormVersion"("tenantId", "serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "FormVersion_serviceId_version_key" ON "FormVersion"("serviceId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Application_accessTokenHash_key" ON "Application"("accessTokenHash");

-- CreateIndex
CREATE INDEX "Application_tenantId_citizenId_status_idx" ON "Application"("tenantId", "citizenId", "status");

-- CreateIndex
CREATE INDEX "Application_tenantId_applicantEmail_idx" ON "Application"("tenantId", "applicantEmail");

-- CreateIndex
CREATE INDEX "Application_tenantId_serviceId_status_idx" ON "Application"("tenantId", "serviceId", "status");

-- CreateIndex
CREATE INDEX "Application_tenantId_status_draftExpiresAt_idx" ON "Application"("tenantId", "status", "draftExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Application_tenantId_submissionKey_key" ON "Application"("tenantId", "submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Application_tenantId_protocolNumber_key" ON "Application"("tenantId", "protocolNumber");

-- CreateIndex
CREATE INDEX "ApplicationStatusChange_tenantId_applicationId_createdAt_idx" ON "ApplicationStatusChange"("tenantId", "applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_tenantId_citizenId_createdAt_idx" ON "Message"("tenantId", "citizenId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_tenantId_applicationId_idx" ON "Message"("tenantId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_tenantId_dedupeKey_key" ON "Message"("tenantId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Document_tenantId_applicationId_idx" ON "Document"("tenantId", "applicationId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCategory" ADD CONSTRAINT "ServiceCategory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_currentFormVersionId_fkey" FOREIGN KEY ("currentFormVersionId") REFERENCES "FormVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormVersion" ADD CONSTRAINT "FormVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormVersion" ADD CONSTRAINT "FormVersion_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_formVersionId_fkey" FOREIGN KEY ("formVersionId") REFERENCES "FormVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStatusChange" ADD CONSTRAINT "ApplicationStatusChange_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStatusChange" ADD CONSTRAINT "ApplicationStatusChange_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolCounter" ADD CONSTRAINT "ProtocolCounter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a published form version never changes (applications keep the version they were
-- filled with, and the receipt shows answers against its labels). Publish a new version instead.
CREATE FUNCTION "FormVersion_published_is_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."publishedAt" IS NOT NULL AND (
       NEW."schema" IS DISTINCT FROM OLD."schema"
    OR NEW."version" IS DISTINCT FROM OLD."version"
    OR NEW."serviceId" IS DISTINCT FROM OLD."serviceId"
    OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId"
    OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt") THEN
    RAISE EXCEPTION 'FormVersion % is published and cannot be changed', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "FormVersion_published_is_immutable"
  BEFORE UPDATE ON "FormVersion"
  FOR EACH ROW EXECUTE FUNCTION "FormVersion_published_is_immutable"();
