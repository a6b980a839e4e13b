-- AlterTable
ALTER TABLE "ServiceVersion" ADD COLUMN     "overlay" JSONB;
