-- The seller's opt-in "someone just bought <product>" chat announcement.
-- AlterTable
ALTER TABLE "Room" ADD COLUMN "announcePurchases" BOOLEAN NOT NULL DEFAULT false;
