import { describe, expect, it } from 'vitest';
import { buildRunCrashedAlert } from './alert';
import { escapeSlack, renderWebhookBody, toJsonBody, toSlackBody } from './webhook-body';

const NOW = new Date('2026-03-01T12:00:00Z');
const { dedupeKey, payload } = buildRunCrashedAlert(
  { slug: 'lab', name: 'Lab <A&B>' },
  { id: 'r1', key: 'run<1>', name: 'Run <1>', status: 'crashed', samplesSeen: 1000, lastHeartbeatAt: NOW, createdAt: NOW, endedAt: null },
  NOW,
);
const alert = { id: 'a1', dedupeKey, createdAt: NOW, payload };

describe('Slack body', () => {
  it('has a fallback text and blocks with the linked title, escaping mrkdwn', () => {
    expect(toSlackBody(alert, 'https://rb.lab.example/')).toEqual({
      text: '[Reproboard] Run Run <1> crashed (Lab <A&B>)',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*<https://rb.lab.example/projects/lab/runs/run%3C1%3E|Run Run &lt;1&gt; crashed>*\nRun Run &lt;1&gt; crashed after 1k samples seen.' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Project *Lab &lt;A&amp;B&gt;* · run `run&lt;1&gt;` · status crashed' }] },
      ],
    });
  });

  it('leaves the title unlinked without a public URL', () => {
    expect(toSlackBody(alert, null).blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Run Run &lt;1&gt; crashed*\nRun Run &lt;1&gt; crashed after 1k samples seen.' } });
    expect(escapeSlack('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });
});

describe('plain JSON body', () => {
  it('is the alert with its ids, kind and absolute URL', () => {
    expect(toJsonBody(alert, 'https://rb.lab.example')).toEqual({
      version: 1,
      alertId: 'a1',
      dedupeKey: 'run_crashed:r1:open',
      kind: 'run_crashed',
      createdAt: '2026-03-01T12:00:00.000Z',
      title: 'Run Run <1> crashed',
      text: 'Run Run <1> crashed after 1k samples seen.',
      project: { slug: 'lab', name: 'Lab <A&B>' },
      run: { key: 'run<1>', name: 'Run <1>', status: 'crashed', samplesSeen: 1000, lastDataAt: '2026-03-01T12:00:00.000Z' },
      verdict: null,
      diagnostic: null,
      url: 'https://rb.lab.example/projects/lab/runs/run%3C1%3E',
    });
    expect(JSON.parse(renderWebhookBody('json', alert, null)).url).toBeNull();
    expect(JSON.parse(renderWebhookBody('slack', alert, null))).toHaveProperty('blocks');
  });
});
