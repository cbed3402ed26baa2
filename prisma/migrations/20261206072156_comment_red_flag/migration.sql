-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "redFlag" BOOLEAN NOT NULL DEFAULT false;

