-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "mutedLifecycle" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "LifecycleEmail" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LifecycleEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifecycleSwitch" (
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "LifecycleSwitch_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "LifecycleEmail_kind_sentAt_idx" ON "LifecycleEmail"("kind", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleEmail_userId_kind_key_key" ON "LifecycleEmail"("userId", "kind", "key");

-- AddForeignKey
ALTER TABLE "LifecycleEmail" ADD CONSTRAINT "LifecycleEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

