-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "listUnsubscribeUrl" TEXT;

