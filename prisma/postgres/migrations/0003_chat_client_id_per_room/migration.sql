-- A clientId is unique per author *and room*: the same clientId in another room is a new message there,
-- not a resend of the first room's message.
-- DropIndex
DROP INDEX "ChatMessage_userId_clientId_key";

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_userId_roomId_clientId_key" ON "ChatMessage"("userId", "roomId", "clientId");
