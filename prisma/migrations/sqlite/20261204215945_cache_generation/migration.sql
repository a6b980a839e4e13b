-- CreateTable
CREATE TABLE "CacheGeneration" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL DEFAULT 0
);
