-- CreateTable
CREATE TABLE "MetricSummary" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "minStep" INTEGER,
    "minValue" REAL,
    "maxStep" INTEGER,
    "maxValue" REAL,
    "lastStep" INTEGER NOT NULL,
    "nonFiniteStep" INTEGER,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("runId", "key", "width", "bucket"),
    CONSTRAINT "MetricSummary_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
