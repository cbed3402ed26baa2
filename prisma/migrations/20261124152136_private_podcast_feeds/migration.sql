-- CreateTable
CREATE TABLE "PodcastFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resetAt" TIMESTAMP(3),

    CONSTRAINT "PodcastFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PodcastFeedFetch" (
    "feedId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "client" TEXT NOT NULL,
    "agent" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PodcastFeedFetch_pkey" PRIMARY KEY ("feedId","day","client")
);

-- CreateIndex
CREATE UNIQUE INDEX "PodcastFeed_userId_key" ON "PodcastFeed"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PodcastFeed_tokenHash_key" ON "PodcastFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "PodcastFeedFetch_day_idx" ON "PodcastFeedFetch"("day");

-- AddForeignKey
ALTER TABLE "PodcastFeed" ADD CONSTRAINT "PodcastFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PodcastFeedFetch" ADD CONSTRAINT "PodcastFeedFetch_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "PodcastFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

