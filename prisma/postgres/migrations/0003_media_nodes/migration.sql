-- Media nodes (issue 10): the show's node, and each node's heartbeat row.
-- AlterTable
ALTER TABLE "Room" ADD COLUMN "mediaNodeId" TEXT;

-- CreateTable
CREATE TABLE "MediaNode" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "draining" BOOLEAN NOT NULL DEFAULT false,
    "connections" INTEGER NOT NULL DEFAULT 0,
    "liveShows" INTEGER NOT NULL DEFAULT 0,
    "maxLiveShows" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaNode_pkey" PRIMARY KEY ("id")
);
