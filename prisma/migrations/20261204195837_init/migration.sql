-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "staleAfterSeconds" INTEGER NOT NULL DEFAULT 900,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Paper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "arxivId" TEXT,
    "url" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReportedResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paperId" TEXT NOT NULL,
    "resultKey" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "modelOpenclipName" TEXT,
    "pretrainDataset" TEXT,
    "samplesSeen" REAL,
    "pretrainImageRes" INTEGER,
    "pretrainImageTokens" INTEGER,
    "textTokenLen" INTEGER,
    "finetune" TEXT,
    "finetuneSamplesSeen" REAL,
    "totalSamplesSeen" REAL,
    "evalImageRes" INTEGER,
    "metrics" JSONB NOT NULL,
    "gpuHours" REAL,
    "gpuHoursBasis" TEXT,
    "costUsd" REAL,
    "computeTotal1e11GflopsXSamples" REAL,
    "paramsM" REAL,
    "wallclock" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "tolerancePp" REAL NOT NULL DEFAULT 0.5,
    "raw" JSONB NOT NULL,
    CONSTRAINT "ReportedResult_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "model" TEXT,
    "batchSize" INTEGER,
    "globalBatchSize" INTEGER,
    "gpus" INTEGER,
    "precision" TEXT,
    "samplesPerEpoch" REAL,
    "epochs" INTEGER,
    "config" JSONB,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "lastHeartbeatAt" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL DEFAULT [],
    "reportedResultId" TEXT,
    "samplesSeen" REAL,
    "latestTop1" REAL,
    "unparsedLines" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Run_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Run_reportedResultId_fkey" FOREIGN KEY ("reportedResultId") REFERENCES "ReportedResult" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "epoch" REAL,
    "samplesSeen" REAL,
    "wallTime" REAL,
    "value" REAL,
    "nonFinite" TEXT,

    PRIMARY KEY ("runId", "key", "step"),
    CONSTRAINT "MetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestCursor" (
    "runId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "offset" INTEGER NOT NULL DEFAULT 0,
    "pending" TEXT NOT NULL DEFAULT '',
    "parserState" JSONB,
    "lineCount" INTEGER NOT NULL DEFAULT 0,
    "unparsed" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("runId", "source"),
    CONSTRAINT "IngestCursor_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_projectId_idx" ON "ApiKey"("projectId");

-- CreateIndex
CREATE INDEX "ReportedResult_resultKey_idx" ON "ReportedResult"("resultKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportedResult_paperId_resultKey_source_key" ON "ReportedResult"("paperId", "resultKey", "source");

-- CreateIndex
CREATE INDEX "Run_projectId_updatedAt_idx" ON "Run"("projectId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Run_projectId_key_key" ON "Run"("projectId", "key");
