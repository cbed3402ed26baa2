-- Sign-up links now live in "SignUpRequest", together with the name and password chosen
-- at sign-up, which no longer go on an account before its address is confirmed. Links sent
-- before this change stop working (signing up again sends a new one).
DELETE FROM "AuthToken" WHERE "purpose" = 'VERIFY_EMAIL';

-- AlterEnum (the migrator already runs each migration in one transaction)
CREATE TYPE "AuthTokenPurpose_new" AS ENUM ('RESET_PASSWORD', 'CHANGE_EMAIL');
ALTER TABLE "AuthToken" ALTER COLUMN "purpose" TYPE "AuthTokenPurpose_new" USING ("purpose"::text::"AuthTokenPurpose_new");
ALTER TYPE "AuthTokenPurpose" RENAME TO "AuthTokenPurpose_old";
ALTER TYPE "AuthTokenPurpose_new" RENAME TO "AuthTokenPurpose";
DROP TYPE "AuthTokenPurpose_old";

-- Sessions are rows now (AuthSession): cookies issued before this change carry no session
-- id and are no longer accepted, so everyone signs in once more after the upgrade.
ALTER TABLE "User" DROP COLUMN "sessionVersion";

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignUpRequest" (
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUpRequest_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SignUpRequest_tokenHash_key" ON "SignUpRequest"("tokenHash");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

