import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ResultType } from '@/lib/reference/seed-types';

const TONES: Record<ResultType, BadgeTone> = {
  main: 'accent',
  baseline: 'blue',
  'pretrain-only': 'neutral',
  ablation: 'neutral',
  're-evaluation': 'green',
  'abstract-claim': 'amber',
  benchmark: 'blue',
};

const EXPLANATIONS: Record<ResultType, string> = {
  main: 'A headline result',
  baseline: 'An OpenCLIP baseline',
  'pretrain-only': 'Zero-shot accuracy before the full-token fine-tuning',
  ablation: 'An ablation (CLIPA-v2 Tables 2 and 3)',
  're-evaluation': "open_clip's own evaluation of the released checkpoint",
  'abstract-claim': 'A number from a paper abstract',
  benchmark: 'A row of the open_clip benchmark tables',
};

export function ResultTypeBadge({ type }: { type: ResultType }) {
  return (
    <Badge tone={TONES[type]} title={EXPLANATIONS[type]}>
      {type}
    </Badge>
  );
}
