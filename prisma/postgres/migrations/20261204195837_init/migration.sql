-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "staleAfterSeconds" INTEGER NOT NULL DEFAULT 900,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paper" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "arxivId" TEXT,
    "url" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Paper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportedResult" (
    "id" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "resultKey" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "modelOpenclipName" TEXT,
    "pretrainDataset" TEXT,
    "samplesSeen" DOUBLE PRECISION,
    "pretrainImageRes" INTEGER,
    "pretrainImageTokens" INTEGER,
    "textTokenLen" INTEGER,
    "finetune" TEXT,
    "finetuneSamplesSeen" DOUBLE PRECISION,
    "totalSamplesSeen" DOUBLE PRECISION,
    "evalImageRes" INTEGER,
    "metrics" JSONB NOT NULL,
    "gpuHours" DOUBLE PRECISION,
    "gpuHoursBasis" TEXT,
    "costUsd" DOUBLE PRECISION,
    "computeTotal1e11GflopsXSamples" DOUBLE PRECISION,
    "paramsM" DOUBLE PRECISION,
    "wallclock" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "tolerancePp" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "raw" JSONB NOT NULL,

    CONSTRAINT "ReportedResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "model" TEXT,
    "batchSize" INTEGER,
    "globalBatchSize" INTEGER,
    "gpus" INTEGER,
    "precision" TEXT,
    "samplesPerEpoch" DOUBLE PRECISION,
    "epochs" INTEGER,
    "config" JSONB,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "lastHeartbeatAt" TIMESTAMP(3),
    "notes" TEXT NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL DEFAULT '[]',
    "reportedResultId" TEXT,
    "samplesSeen" DOUBLE PRECISION,
    "latestTop1" DOUBLE PRECISION,
    "unparsedLines" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "epoch" DOUBLE PRECISION,
    "samplesSeen" DOUBLE PRECISION,
    "wallTime" DOUBLE PRECISION,
    "value" DOUBLE PRECISION,
    "nonFinite" TEXT,

    CONSTRAINT "MetricPoint_pkey" PRIMARY KEY ("runId","key","step")
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestCursor_pkey" PRIMARY KEY ("runId","source")
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

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedResult" ADD CONSTRAINT "ReportedResult_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_reportedResultId_fkey" FOREIGN KEY ("reportedResultId") REFERENCES "ReportedResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricPoint" ADD CONSTRAINT "MetricPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestCursor" ADD CONSTRAINT "IngestCursor_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
