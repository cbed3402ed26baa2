-- CreateEnum
CREATE TYPE "NewsletterStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED');

-- AlterTable
ALTER TABLE "SignUpRequest" ADD COLUMN     "newsletter" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "newsletterId" TEXT;

-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "newsletter" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Newsletter" (
    "id" TEXT NOT NULL,
    "contentKind" TEXT NOT NULL,
    "contentSlug" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "NewsletterStatus" NOT NULL DEFAULT 'DRAFT',
    "scheduledFor" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "sentById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Newsletter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Newsletter_status_scheduledFor_idx" ON "Newsletter"("status", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "Newsletter_contentKind_contentSlug_key" ON "Newsletter"("contentKind", "contentSlug");

-- CreateIndex
CREATE INDEX "OutboxEmail_newsletterId_status_idx" ON "OutboxEmail"("newsletterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_newsletterId_to_key" ON "OutboxEmail"("newsletterId", "to");

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_newsletterId_fkey" FOREIGN KEY ("newsletterId") REFERENCES "Newsletter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

