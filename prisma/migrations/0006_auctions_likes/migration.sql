-- Live auctions (one unit of a show's product, bids decided by a compare-and-swap on bidCount) and
-- the show's heart-tap total.
-- CreateTable
CREATE TABLE "Auction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "startPriceMinor" INTEGER NOT NULL,
    "minIncrementMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "highestBidMinor" INTEGER,
    "leaderId" TEXT,
    "bidCount" INTEGER NOT NULL DEFAULT 0,
    "endsAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "orderId" TEXT,
    "cancelReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Auction_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Auction_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Auction_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuctionBid" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "auctionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "nodeId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuctionBid_auctionId_fkey" FOREIGN KEY ("auctionId") REFERENCES "Auction" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuctionBid_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Room" ADD COLUMN "likeCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Auction_orderId_key" ON "Auction"("orderId");

-- CreateIndex
CREATE INDEX "Auction_roomId_createdAt_idx" ON "Auction"("roomId", "createdAt");

-- CreateIndex
CREATE INDEX "Auction_status_endsAt_idx" ON "Auction"("status", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuctionBid_auctionId_seq_key" ON "AuctionBid"("auctionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuctionBid_auctionId_amountMinor_key" ON "AuctionBid"("auctionId", "amountMinor");
