// Selector twins (refined-github style): every selector exported by src/content/selectors.ts
// must have a `<name>Twin` table, and must match exactly that many times on each fixture named.
import { describe, expect, test } from 'vitest';
import * as selectors from '../../src/content/selectors';
import type { FixtureName, Twin } from '../../src/content/selectors';
import { ALL_FIXTURES, REAL_FIXTURES, loadFixture } from './read-variants';

const exported = selectors as unknown as Record<string, unknown>;
const selectorNames = Object.keys(exported).filter((k) => typeof exported[k] === 'string' && !k.endsWith('Twin') && /^[a-z]/.test(k));
const twinNames = Object.keys(exported).filter((k) => k.endsWith('Twin'));

const loaded = new Map<FixtureName, HTMLElement>();
function fixture(name: FixtureName): HTMLElement {
  let box = loaded.get(name);
  if (!box) loaded.set(name, (box = loadFixture(name)));
  return box;
}

describe('selector twins', () => {
  test('selectors.ts exports selectors', () => {
    expect(selectorNames.length).toBeGreaterThan(10);
  });

  test.each(selectorNames)('%s has a twin', (name) => {
    expect(exported[`${name}Twin`], `export const ${name}Twin: Twin = {...}`).toBeTypeOf('object');
  });

  test.each(twinNames)('%s belongs to a selector', (twin) => {
    expect(typeof exported[twin.slice(0, -'Twin'.length)]).toBe('string');
  });

  test.each(selectorNames)('%s twin names every real fixture and matches somewhere', (name) => {
    const twin = exported[`${name}Twin`] as Twin;
    for (const real of REAL_FIXTURES) expect(twin[real], `${name}Twin['${real}']`).toBeTypeOf('number');
    for (const key of Object.keys(twin)) expect(ALL_FIXTURES).toContain(key);
    // A selector that matches nothing anywhere proves nothing.
    expect(Object.values(twin).some((n) => n > 0)).toBe(true);
  });

  const cases = selectorNames.flatMap((name) =>
    Object.entries(exported[`${name}Twin`] as Twin).map(([file, count]) => ({ name, file: file as FixtureName, count })),
  );
  test.each(cases)('$name matches $count× on $file', ({ name, file, count }) => {
    expect(fixture(file).querySelectorAll(exported[name] as string).length).toBe(count);
  });
});

describe('isTweetArticle', () => {
  test.each(ALL_FIXTURES)('says of each <article> in %s what tweetArticle says', (file) => {
    const box = fixture(file);
    for (const el of box.querySelectorAll(selectors.articleTag)) expect(selectors.isTweetArticle(el)).toBe(el.matches(selectors.tweetArticle));
  });
  test('an article with neither marker is not a tweet; either marker alone is', () => {
    const make = (attrs: string) => {
      const box = document.createElement('div');
      box.innerHTML = `<article ${attrs}></article>`;
      return box.firstElementChild!;
    };
    expect(selectors.isTweetArticle(make(''))).toBe(false);
    expect(selectors.isTweetArticle(make('data-testid="tweetDetail"'))).toBe(false);
    expect(selectors.isTweetArticle(make('data-testid="tweet"'))).toBe(true);
    expect(selectors.isTweetArticle(make('role="article"'))).toBe(true);
  });
});

describe('shape facts', () => {
  test.each([
    ['/TestUser123/status/1981398750557065646', ['TestUser123', '1981398750557065646']],
    ['/OriginalAuthor/status/1983129251856470493/photo/1', ['OriginalAuthor', '1983129251856470493']],
    ['/TestQuoter/status/1983130065320780162/analytics', ['TestQuoter', '1983130065320780162']],
    ['/TestQuoter/status/1983130065320780162?s=20', ['TestQuoter', '1983130065320780162']],
    ['/TestQuoter/statuses', null],
    ['/i/status/123', null],
  ] as const)('STATUS_PATH %s', (path, want) => {
    const m = selectors.STATUS_PATH.exec(path);
    expect(m ? [m[1], m[2]] : null).toEqual(want === null ? null : [...want]);
  });

  test.each([
    ['/TestUser123', 'TestUser123'],
    ['/TestUser123/', 'TestUser123'],
    ['/TestUser123/status/1', null],
    ['/hashtag/deals', null],
  ] as const)('PROFILE_PATH %s', (path, want) => {
    expect(selectors.PROFILE_PATH.exec(path)?.[1] ?? null).toBe(want);
  });

  test('HASHTAG_PATH and CASHTAG_PATH', () => {
    expect(selectors.HASHTAG_PATH.exec('/hashtag/deals?src=hashtag_click')?.[1]).toBe('deals');
    expect(selectors.CASHTAG_PATH.exec('/search?q=%24SHOP&src=cashtag_click')?.[1]).toBe('SHOP');
    expect(selectors.CASHTAG_PATH.exec('/search?q=shop&src=typed_query')).toBeNull();
  });

  test('FOLLOW_TEST_ID', () => {
    expect(selectors.FOLLOW_TEST_ID.exec('1234567890-follow')?.[1]).toBe('1234567890');
    expect(selectors.FOLLOW_TEST_ID.exec('1234567890-unfollow')?.[1]).toBe('1234567890');
    expect(selectors.FOLLOW_TEST_ID.exec('user-follow')).toBeNull();
  });

  test('NOT_PROFILES keeps X pages out of handles', () => {
    for (const page of ['home', 'explore', 'i', 'search', 'hashtag']) expect(selectors.NOT_PROFILES.has(page)).toBe(true);
  });
});
