/**
 * The run diagnostics API contract (lib/diagnostics computes them): a run's findings with their
 * evidence, the compact badges the runs list and the scorecard carry, and the thresholds in force.
 */
import { z } from 'zod';
import { CONFIG_FIELDS, DIAGNOSTIC_CODES, SEVERITIES } from '@/lib/diagnostics/types';

export const diagnosticCodeSchema = z.enum(DIAGNOSTIC_CODES);
export const severitySchema = z.enum(SEVERITIES);

export const configMismatchSchema = z.object({
  field: z.enum(CONFIG_FIELDS),
  severity: severitySchema,
  run: z.string().describe("The run's value and where the run states it."),
  reference: z.string().describe('The reference value as its source states it.'),
  referenceSource: z.string().describe('Where the reference value comes from: the reported result\'s source, or a training recipe file.'),
});

export const diagnosticEvidenceSchema = z.object({
  metric: z.string().optional().describe('The metric key the evidence is on.'),
  fromStep: z.number().optional(),
  toStep: z.number().optional(),
  lines: z.array(z.string()).optional().describe('Observations in words, e.g. "epoch 3: no zero-shot evaluation".'),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional().describe('The measured numbers behind the summary.'),
  mismatches: z.array(configMismatchSchema).optional(),
});

export const runDiagnosticSchema = z.object({
  code: diagnosticCodeSchema,
  severity: severitySchema,
  summary: z.string(),
  evidence: diagnosticEvidenceSchema,
  suggestion: z.string().describe('A short check to make next.'),
  evidenceUrl: z.string().nullable().describe('The run page with its charts zoomed on the evidence steps; null when the evidence has no step range.'),
  firstSeenAt: z.string().describe('When this code first fired for the run (ISO 8601); kept while it keeps firing.'),
  updatedAt: z.string(),
});
export type RunDiagnostic = z.infer<typeof runDiagnosticSchema>;

export const runDiagnosticsSchema = z.object({
  diagnostics: z.array(runDiagnosticSchema).describe('Most severe first.'),
  thresholds: z.record(z.string(), z.number()).describe("The thresholds in force: defaults with the project's overrides (docs/DIAGNOSTICS.md)."),
});
export type RunDiagnostics = z.infer<typeof runDiagnosticsSchema>;

export const diagnosticBadgeSchema = z.object({ code: diagnosticCodeSchema, severity: severitySchema });
export type DiagnosticBadge = z.infer<typeof diagnosticBadgeSchema>;
