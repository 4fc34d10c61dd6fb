import { describe, expect, it } from 'vitest';
import { mapTensorboardTag } from './openclip-tags';

describe('mapTensorboardTag', () => {
  it('renames the tags OpenCLIP renamed or misspelled to the out.log keys', () => {
    expect(mapTensorboardTag('train/scale')).toEqual({ key: 'train/logit_scale', axis: 'global-step' });
    expect(mapTensorboardTag('train/samples_per_scond')).toEqual({ key: 'train/samples_per_second', axis: 'global-step' });
  });

  it('keeps the other OpenCLIP train tags, on the global-step axis', () => {
    const tags = [
      'train/loss', 'train/contrastive_loss', 'train/caption_loss', 'train/distill_loss', 'train/lr', 'train/data_time', 'train/batch_time',
      'train/samples_per_second', 'train/samples_per_second_per_gpu', 'train/logit_scale', 'train/logit_bias', 'train/loss_epoch_avg',
    ];
    for (const tag of tags) expect(mapTensorboardTag(tag)).toEqual({ key: tag, axis: 'global-step' });
  });

  it('keeps val metrics on the epoch axis and drops val/epoch and val/num_samples', () => {
    expect(mapTensorboardTag('val/imagenet-zeroshot-val-top1')).toEqual({ key: 'val/imagenet-zeroshot-val-top1', axis: 'epoch' });
    expect(mapTensorboardTag('val/image_to_text_R@1')).toEqual({ key: 'val/image_to_text_R@1', axis: 'epoch' });
    expect(mapTensorboardTag('val/epoch')).toBeNull();
    expect(mapTensorboardTag('val/num_samples')).toBeNull();
  });

  it("passes other writers' tags through unchanged", () => {
    for (const tag of ['train/learning_rate', 'eval/loss', 'Logloss', 'my_metric', 'strict/foo']) {
      expect(mapTensorboardTag(tag)).toEqual({ key: tag, axis: 'global-step' });
    }
  });
});
