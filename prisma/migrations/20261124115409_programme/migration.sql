-- CreateTable
CREATE TABLE "SessionCompletion" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "phaseSlug" TEXT NOT NULL,
    "sessionSlug" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" TEXT NOT NULL,
    "note" TEXT,
    "effort" INTEGER,
    "pain" INTEGER,

    CONSTRAINT "SessionCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeState" (
    "userId" TEXT NOT NULL,
    "currentPhaseSlug" TEXT,
    "restartedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeState_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "SessionCompletion_userId_completedAt_idx" ON "SessionCompletion"("userId", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionCompletion_userId_requestKey_key" ON "SessionCompletion"("userId", "requestKey");

-- AddForeignKey
ALTER TABLE "SessionCompletion" ADD CONSTRAINT "SessionCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeState" ADD CONSTRAINT "ProgrammeState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

