-- Orders get lines: a cart checkout is one order with one line per product (issue 12).
-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "roomId" TEXT,
    "position" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderLine_productId_roomId_idx" ON "OrderLine"("productId", "roomId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_productId_key" ON "OrderLine"("orderId", "productId");

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Every existing order becomes its own first line, so all code reads lines only.
INSERT INTO "OrderLine" ("id", "orderId", "productId", "roomId", "position", "quantity", "unitPriceMinor", "totalMinor")
SELECT 'ln' || "id", "id", "productId", "roomId", 0, "quantity", "unitPriceMinor", "totalMinor" FROM "Order";
