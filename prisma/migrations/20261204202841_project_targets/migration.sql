-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "staleAfterSeconds" INTEGER NOT NULL DEFAULT 900,
    "paperIds" JSONB NOT NULL DEFAULT [],
    "gpuHourPriceUsd" REAL NOT NULL DEFAULT 1.575,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Project" ("createdAt", "description", "id", "isDemo", "name", "slug", "staleAfterSeconds", "updatedAt") SELECT "createdAt", "description", "id", "isDemo", "name", "slug", "staleAfterSeconds", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");
CREATE TABLE "new_Paper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "arxivId" TEXT,
    "url" TEXT,
    "source" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'reference',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Paper" ("arxivId", "createdAt", "id", "shortName", "source", "title", "url") SELECT "arxivId", "createdAt", "id", "shortName", "source", "title", "url" FROM "Paper";
DROP TABLE "Paper";
ALTER TABLE "new_Paper" RENAME TO "Paper";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
