'use client';

import { authInputClasses } from '@/components/auth/text-field';
import { describeChoice, useProjectTargetChoices } from './target-choices';

export interface TargetDraft {
  kind: 'result' | 'pilot';
  reportedResultId: string;
  model: string;
  samplesSeen: string;
  imageRes: string;
  textTokenLen: string;
  finetuneSamplesSeen: string;
  finetuneImageRes: string;
  expectedTop1: string;
}

export const EMPTY_TARGET: TargetDraft = { kind: 'result', reportedResultId: '', model: '', samplesSeen: '', imageRes: '', textTokenLen: '', finetuneSamplesSeen: '', finetuneImageRes: '', expectedTop1: '' };

const PILOT_INPUTS: { field: Exclude<keyof TargetDraft, 'kind' | 'reportedResultId'>; label: string; placeholder: string }[] = [
  { field: 'model', label: 'Model (open_clip config)', placeholder: 'ViT-B-16' },
  { field: 'samplesSeen', label: 'Samples seen', placeholder: '512M' },
  { field: 'imageRes', label: 'Image size (px)', placeholder: "model's own" },
  { field: 'textTokenLen', label: 'Text tokens', placeholder: 'full length' },
  { field: 'finetuneSamplesSeen', label: 'Fine-tuning samples', placeholder: 'none' },
  { field: 'finetuneImageRes', label: 'Fine-tuning image size (px)', placeholder: "model's own" },
  { field: 'expectedTop1', label: 'Expected IN-1k top-1 (%)', placeholder: 'optional' },
];

/** A step's target: a reported result of the project's papers, or a pilot the lab defines. */
export function StepTargetFields({ slug, draft, onChange }: { slug: string; draft: TargetDraft; onChange: (draft: TargetDraft) => void }) {
  const targets = useProjectTargetChoices(slug);
  const set = (patch: Partial<TargetDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-zinc-700">Target</legend>
      <div className="flex gap-4 text-sm">
        {(['result', 'pilot'] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-1.5">
            <input type="radio" name="target-kind" checked={draft.kind === kind} onChange={() => set({ kind })} />
            {kind === 'result' ? 'A reported result' : 'A pilot'}
          </label>
        ))}
      </div>
      {draft.kind === 'result' ? (
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
          Reported result
          <select required value={draft.reportedResultId} onChange={(event) => set({ reportedResultId: event.target.value })} className={authInputClasses}>
            <option value="">{targets.isPending ? 'Loading results…' : 'Choose a result…'}</option>
            {targets.choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {describeChoice(choice)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
          {PILOT_INPUTS.map(({ field, label, placeholder }) => (
            <label key={field} className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
              {label}
              <input value={draft[field]} placeholder={placeholder} onChange={(event) => set({ [field]: event.target.value })} className={authInputClasses} />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
