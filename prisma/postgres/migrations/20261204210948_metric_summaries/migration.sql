-- CreateTable
CREATE TABLE "MetricSummary" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "minStep" INTEGER,
    "minValue" DOUBLE PRECISION,
    "maxStep" INTEGER,
    "maxValue" DOUBLE PRECISION,
    "lastStep" INTEGER NOT NULL,
    "nonFiniteStep" INTEGER,
    "count" INTEGER NOT NULL,

    CONSTRAINT "MetricSummary_pkey" PRIMARY KEY ("runId","key","width","bucket")
);

-- AddForeignKey
ALTER TABLE "MetricSummary" ADD CONSTRAINT "MetricSummary_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
