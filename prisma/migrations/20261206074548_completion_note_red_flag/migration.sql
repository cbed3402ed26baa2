-- AlterTable
ALTER TABLE "SessionCompletion" ADD COLUMN     "redFlag" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "redFlagSeenAt" TIMESTAMP(3);

