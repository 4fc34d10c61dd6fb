/**
 * The demo project: a scaled-down CLIPA-v2-style ladder (a small pilot, then B/16, L/16 and H/14
 * at reduced image and text tokens), with finished runs, a diverged one and one still running.
 * The accuracies are invented and the UI labels the project as demo data.
 */
import type { DemoRunSpec } from './openclip-run-writer';

export interface DemoRun {
  spec: DemoRunSpec;
  status: 'finished' | 'failed' | 'running';
  notes: string;
  tags: string[];
  /** The reported result (reference data result_key) the run reproduces. */
  reportedResultKey?: string;
}

const HOUR = 3_600_000;

export function demoLadder(nowMs: number): DemoRun[] {
  const base = { gpus: 8, batchSizePerGpu: 512, logEveryNSteps: 20, zeroshotFrequency: 1 };
  return [
    {
      status: 'finished',
      notes: 'Pilot at 50 image tokens and 16 text tokens to check the pipeline end to end.',
      tags: ['pilot'],
      spec: { ...base, name: 'pilot-vit-s-16-i50-t16', model: 'ViT-S-16', stepsPerEpoch: 200, epochs: 4, lr: 1e-3, finalTop1: 0.412, perGpuSamplesPerSecond: 2400, startMs: nowMs - 60 * HOUR, seed: 11 },
    },
    {
      status: 'finished',
      notes: 'B/16 with I50/T16 pre-training, the CLIPA-v1 recipe.',
      tags: ['b16', 'ladder'],
      reportedResultKey: 'clipa-v1_B16-I50-T16_laion400m',
      spec: { ...base, name: 'vit-b-16-i50-t16', model: 'ViT-B-16', stepsPerEpoch: 250, epochs: 6, lr: 8e-4, finalTop1: 0.63, perGpuSamplesPerSecond: 1500, startMs: nowMs - 48 * HOUR, seed: 23 },
    },
    {
      status: 'failed',
      notes: 'lr 3e-3 diverged: loss went NaN in epoch 2.',
      tags: ['b16', 'sweep'],
      spec: { ...base, name: 'vit-b-16-i50-t16-lr3e-3', model: 'ViT-B-16', stepsPerEpoch: 250, epochs: 6, lr: 3e-3, finalTop1: 0.55, perGpuSamplesPerSecond: 1500, startMs: nowMs - 40 * HOUR, seed: 29, divergeAtFraction: 0.3, stopAtFraction: 0.45 },
    },
    {
      status: 'finished',
      notes: 'L/16 with I37/T8 pre-training.',
      tags: ['l16', 'ladder'],
      reportedResultKey: 'clipa-v1_L16-I37-T8_laion400m',
      spec: { ...base, name: 'vit-l-16-i37-t8', model: 'ViT-L-16', stepsPerEpoch: 250, epochs: 6, lr: 6e-4, finalTop1: 0.685, perGpuSamplesPerSecond: 700, startMs: nowMs - 30 * HOUR, seed: 37 },
    },
    {
      status: 'running',
      notes: 'H/14 at 84 px (36 image tokens) and 8 text tokens; fine-tuning at 224 px follows.',
      tags: ['h14', 'ladder'],
      reportedResultKey: 'clipa-v2_H14_laion400m_2.56B',
      spec: { ...base, name: 'vit-h-14-i36-t8', model: 'ViT-H-14', stepsPerEpoch: 300, epochs: 6, lr: 5e-4, finalTop1: 0.701, perGpuSamplesPerSecond: 300, startMs: nowMs - HOUR / 2, seed: 41, stopAtFraction: 0.55 },
    },
  ];
}
