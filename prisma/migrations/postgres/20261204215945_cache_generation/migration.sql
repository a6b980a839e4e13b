-- CreateTable
CREATE TABLE "CacheGeneration" (
    "name" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CacheGeneration_pkey" PRIMARY KEY ("name")
);
