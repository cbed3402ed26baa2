-- CreateIndex
CREATE INDEX "SessionCompletion_completedAt_idx" ON "SessionCompletion"("completedAt");

