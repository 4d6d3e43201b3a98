-- Flash deals remember when they began, so per-buyer limits count only orders placed during the deal.
-- AlterTable
ALTER TABLE "RoomProduct" ADD COLUMN "dealStartedAt" DATETIME;
