import { afterEach, describe, expect, it } from 'vitest';
import { listenToPageReader, MAX_MESSAGE_CHARS } from '../../../src/content/page-bridge';
import { emptyHealth, healthStatus } from '../../../src/shared/health';
import { emptyPageData, PAGE_DATA_EVENT, type PageData } from '../../../src/shared/validate-page-data';
import { makeTweet } from '../../helpers/tweet-facts';

const controllers: AbortController[] = [];
afterEach(() => controllers.splice(0).forEach((c) => c.abort()));

function listen() {
  const received: PageData[] = [];
  const health = emptyHealth();
  const controller = new AbortController();
  controllers.push(controller);
  listenToPageReader((d) => received.push(d), health, controller.signal);
  return { received, health, controller };
}

const fire = (detail: unknown) => document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail }));

const valid = (): PageData => ({
  tweets: [makeTweet({ id: '1', authorHandle: 'shop', authorId: '99', text: 'hello' })],
  profiles: [{ handle: 'shop', id: '99' }],
  ads: [],
  health: { responsesSeen: 1, apiTweets: 1, apiUsers: 1, apiFailures: 0 },
});

describe('listenToPageReader', () => {
  it('passes a valid message on and adds its health increment', () => {
    const { received, health } = listen();
    fire(JSON.stringify(valid()));
    fire(JSON.stringify(valid()));
    expect(received).toEqual([valid(), valid()]);
    expect(health).toMatchObject({ responsesSeen: 2, apiTweets: 2, apiUsers: 2, apiFailures: 0, rejectedMessages: 0 });
  });

  it('rejects forged or broken messages, stores nothing and counts each one', () => {
    const { received, health } = listen();
    let deep = '';
    for (let i = 0; i < 100_000; i++) deep += '[';
    const forged: unknown[] = [
      valid(), // an object, not a string: what a page script (not ours) might send
      undefined,
      42,
      '',
      'not json',
      JSON.stringify(valid()).slice(0, 40), // truncated
      deep, // deeply nested and unterminated
      '[' + deep.slice(0, 5000) + ']'.repeat(5000), // deeply nested, valid JSON, wrong envelope
      JSON.stringify({ ...valid(), tweets: 'x' }),
      JSON.stringify({ ...valid(), health: { responsesSeen: -1, apiTweets: 0, apiUsers: 0, apiFailures: 0 } }),
      '"' + 'x'.repeat(MAX_MESSAGE_CHARS) + '"', // over the size cap
      'null',
    ];
    for (const detail of forged) fire(detail);
    expect(received).toEqual([]);
    expect(health.rejectedMessages).toBe(forged.length);
    expect(health).toMatchObject({ responsesSeen: 0, apiTweets: 0, apiUsers: 0, apiFailures: 0 });
  });

  it('keeps the valid part of a message with some invalid items', () => {
    const { received, health } = listen();
    const d = valid() as unknown as { tweets: unknown[] };
    d.tweets.push({ id: 'nope', authorHandle: '<img src=x onerror=alert(1)>' });
    fire(JSON.stringify(d));
    expect(received[0]!.tweets.map((t) => t.id)).toEqual(['1']);
    expect(health.rejectedMessages).toBe(0);
  });

  it('lets the popup say when responses arrive but nothing parses', () => {
    const { health } = listen();
    const failed = emptyPageData();
    failed.health = { responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 1 };
    fire(JSON.stringify(failed));
    fire(JSON.stringify(failed));
    expect(healthStatus(health)).toBe('api-unreadable');
  });

  it('survives a consumer that throws', () => {
    const health = emptyHealth();
    const controller = new AbortController();
    controllers.push(controller);
    let calls = 0;
    listenToPageReader(
      () => {
        calls++;
        throw new Error('consumer bug');
      },
      health,
      controller.signal,
    );
    expect(() => fire(JSON.stringify(valid()))).not.toThrow();
    fire(JSON.stringify(valid()));
    expect(calls).toBe(2);
  });

  it('stops listening when the signal aborts', () => {
    const { received, health, controller } = listen();
    controller.abort();
    fire(JSON.stringify(valid()));
    fire('garbage');
    expect(received).toEqual([]);
    expect(health.rejectedMessages).toBe(0);
  });
});
