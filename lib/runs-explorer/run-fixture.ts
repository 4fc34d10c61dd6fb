/** Run summaries for the explorer's unit tests. */
import type { RunSummary } from '@/lib/schemas/run';

export function makeRun(key: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: `id-${key}`,
    key,
    name: key,
    status: 'finished',
    displayStatus: 'finished',
    model: null,
    gpus: null,
    batchSize: null,
    globalBatchSize: null,
    precision: null,
    samplesSeen: null,
    plannedSamples: null,
    latestTop1: null,
    lastHeartbeatAt: null,
    tags: [],
    notes: '',
    reportedResultId: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    config: null,
    latestMetrics: {},
    ...overrides,
  };
}

/** Six runs of three models, as a small CLIPA ladder would have them. */
export function sampleRuns(): RunSummary[] {
  return [
    makeRun('b16-256', {
      model: 'ViT-B-16', gpus: 8, latestTop1: 0.61, tags: ['pilot'], notes: 'warmup too short',
      config: { batch_size: '256', model: 'ViT-B-16', lr: '0.0005', world_size: '8' },
      latestMetrics: { 'train/loss': 2.5, 'val/imagenet-zeroshot-val-top1': 0.61 },
    }),
    makeRun('b16-512', {
      model: 'ViT-B-16', gpus: 8, latestTop1: 0.63, displayStatus: 'running', status: 'running',
      config: { batch_size: '512', model: 'ViT-B-16', lr: '1e-3', world_size: '8' },
      latestMetrics: { 'train/loss': 2.1 },
    }),
    makeRun('l14-1024', {
      model: 'ViT-L-14', gpus: 32, latestTop1: 0.72, tags: ['h14', 'ladder'],
      config: { batch_size: '1024', model: 'ViT-L-14', lr: '0.0005', world_size: '32' },
      latestMetrics: { 'train/loss': 1.6 },
    }),
    makeRun('h14-1024', {
      model: 'ViT-H-14', gpus: 64, latestTop1: null, displayStatus: 'stale', status: 'running', tags: ['h14'],
      config: { batch_size: '1024', model: 'ViT-H-14', lr: 'None', world_size: '64' },
      latestMetrics: { 'train/loss': null },
    }),
    makeRun('h14-2048', {
      model: 'ViT-H-14', gpus: 64, latestTop1: 0.79, displayStatus: 'failed', status: 'failed', notes: 'NCCL timeout',
      config: { batch_size: '2048', model: 'ViT-H-14', lr: '2e-3', world_size: '64' },
    }),
    makeRun('no-config', { name: 'Scratch run' }),
  ];
}
