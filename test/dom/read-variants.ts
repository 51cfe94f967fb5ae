// The real saved tweets (test/fixtures/x-dom/) and variants derived from them by small DOM
// edits, for shapes the saved markup lacks. Each edit copies X's markup for that shape as
// public extensions and docs/x-notes.md describe it; class names are X's own atomic classes.
// Used by read-tweet.test.ts and selectors.test.ts (the selector twins name these variants).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureName } from '../../src/content/selectors';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'x-dom');

export const REAL_FIXTURES = ['x-tweet-sample.html', 'x-tweet-quote.html', 'x-tweet-quote-video.html'] as const;
export type RealFixture = (typeof REAL_FIXTURES)[number];

export function fixtureHtml(name: RealFixture): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A detached container holding a real fixture's markup. */
export function loadReal(name: RealFixture): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = fixtureHtml(name);
  return box;
}

function article(box: HTMLElement): HTMLElement {
  const a = box.querySelector<HTMLElement>('article');
  if (!a) throw new Error('fixture has no article');
  return a;
}

function html(markup: string): Element {
  const t = document.createElement('template');
  t.innerHTML = markup.trim();
  const el = t.content.firstElementChild;
  if (!el) throw new Error('empty markup');
  return el;
}

/** The link around the outer tweet's <time> (the first time in the article is the outer one). */
function timeLink(box: HTMLElement): HTMLElement {
  const link = article(box).querySelector('time')?.closest<HTMLElement>('a');
  if (!link) throw new Error('no time link');
  return link;
}

// Retweet icon path as X draws it; only decoration here.
const REPOST_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-10ptun7 r-1janqcz"><g><path d="M4.75 3.79l4.603 4.3-1.706 1.82L6 8.38v7.37c0 .97.784 1.75 1.75 1.75H13V20H7.75c-2.347 0-4.25-1.9-4.25-4.25V8.38L1.853 9.91.147 8.09l4.603-4.3z"></path></g></svg>';

/** Fills the empty top row of the article (where X puts the socialContext line). */
function fillTopRow(box: HTMLElement, line: Element): void {
  const row = article(box).querySelector('div:empty');
  if (!row) throw new Error('no empty top row');
  row.append(line);
}

export const VARIANTS: Record<Exclude<FixtureName, RealFixture>, () => HTMLElement> = {
  /** The three real tweets inside X's timeline container (the sample has no cell of its own). */
  timeline() {
    const box = document.createElement('div');
    box.innerHTML = `<main role="main"><div data-testid="primaryColumn"><section role="region"><h1>Your Home Timeline</h1><div>${REAL_FIXTURES.map(fixtureHtml).join('')}</div></section></div></main>`;
    return box;
  },

  /** X's side navigation as the signed-in user sees it (its "Profile" link names the viewer: following audit). */
  navigation() {
    const box = document.createElement('div');
    box.innerHTML = `<header role="banner"><nav aria-label="Primary" role="navigation"><a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link"><span>Home</span></a><a href="/qb_viewer" aria-label="Profile" role="link" data-testid="AppTabBar_Profile_Link"><span>Profile</span></a></nav></header>`;
    return box;
  },

  /** quote-video, reposted into the timeline by "Repost Er": socialContext inside a link to /RepostEr. */
  repost() {
    const box = loadReal('x-tweet-quote-video.html');
    fillTopRow(
      box,
      html(
        `<div class="css-175oi2r r-15zivkp r-q3we1"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-obd0qt r-1777fci">${REPOST_ICON}</div><div class="css-175oi2r r-1iusvr4 r-16y2uox"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l"><a href="/RepostEr" dir="ltr" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1loqt21"><span class="css-1jxf684 r-8akbws r-krxsd3 r-dnmrzs r-1udh08x r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-n6v787 r-1cwl3u0 r-b88u0q" data-testid="socialContext">Repost Er a reposté</span></a></div></div></div></div></div>`,
      ),
    );
    return box;
  },

  /** quote, pinned on a profile: socialContext without a profile link. */
  pinned() {
    const box = loadReal('x-tweet-quote.html');
    fillTopRow(
      box,
      html(
        `<div class="css-175oi2r r-15zivkp r-q3we1"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox"><div class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-n6v787 r-1cwl3u0 r-b88u0q" data-testid="socialContext"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Pinned</span></div></div></div></div>`,
      ),
    );
    return box;
  },

  /** quote-video as an ad: the header shows "Ad" where the time link was. */
  ad() {
    const box = loadReal('x-tweet-quote-video.html');
    timeLink(box).replaceWith(
      html(`<div class="css-175oi2r r-1awozwy r-18u37iz"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Ad</span></div>`),
    );
    return box;
  },

  /** sample with the older "Promoted" line under the text. */
  promoted() {
    const box = loadReal('x-tweet-sample.html');
    const text = article(box).querySelector('[data-testid="tweetText"]')!;
    text.parentElement!.after(
      html(
        `<div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1awozwy r-18u37iz"><svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-14j79pv r-1q142lx r-ip8ujx r-1gs4q39 r-s1qlax"><g><path d="M19.498 3h-15c-1.381 0-2.5 1.12-2.5 2.5v13c0 1.38 1.119 2.5 2.5 2.5h15c1.381 0 2.5-1.12 2.5-2.5v-13c0-1.38-1.119-2.5-2.5-2.5z"></path></g></svg></div><div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-n6v787 r-1cwl3u0 r-16dba41"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Promoted</span></div></div>`,
      ),
    );
    return box;
  },

  /** quote as a reply: "Replying to @ReplyTarget" between the name row and the text. */
  reply() {
    const box = loadReal('x-tweet-quote.html');
    const text = article(box).querySelector('[data-testid="tweetText"]')!;
    text.parentElement!.before(
      html(
        `<div dir="ltr" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1jkafct"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Replying to </span><div class="css-175oi2r r-1awozwy r-18u37iz"><a href="/ReplyTarget" dir="ltr" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-1loqt21"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@ReplyTarget</span></a></div></div>`,
      ),
    );
    return box;
  },

  /** quote-video without data-testid="tweet": only role=article is left. */
  'no-testid'() {
    const box = loadReal('x-tweet-quote-video.html');
    article(box).removeAttribute('data-testid');
    return box;
  },

  /** sample with its only status link unwrapped: the <time> stays, the link is gone. */
  'no-status-link'() {
    const box = loadReal('x-tweet-sample.html');
    const link = timeLink(box);
    link.replaceWith(...link.childNodes);
    return box;
  },

  /** sample (a focal tweet) with the Follow button X shows next to the caret. */
  'follow-button'() {
    const box = loadReal('x-tweet-sample.html');
    const caret = article(box).querySelector('[data-testid="caret"]')!;
    caret.parentElement!.before(
      html(
        `<div class="css-175oi2r r-18u37iz r-1h0z5md"><button aria-label="Follow @TestUser123" role="button" class="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-15ysp7h r-4wgw6l r-3pj75a r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l" data-testid="1234567890123456789-follow" type="button"><div dir="ltr" class="css-146c3p1 r-bcqeeo r-qvutc0 r-37j5jr r-q4m81j r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-18u37iz r-16y2uox r-1777fci"><span class="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1b43r93 r-1cwl3u0"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Follow</span></span></div></button></div>`,
      ),
    );
    return box;
  },

  /**
   * sample with richer text: emoji, a hashtag, a cashtag, a mention, and a t.co link whose visible
   * text shows the expanded URL (X hides "https://" and prints an ellipsis when it cuts the URL).
   */
  'rich-text'() {
    const box = loadReal('x-tweet-sample.html');
    const text = article(box).querySelector('[data-testid="tweetText"]')!;
    text.innerHTML =
      '<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">Spring sale </span>' +
      '<img alt="🔥" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/1f525.svg" title="Fire" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">' +
      '<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"> with </span>' +
      '<div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="/ShopFriend" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21">@ShopFriend</a></span></div>' +
      '<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">: 30% off </span>' +
      '<span class="r-18u37iz"><a dir="ltr" href="/hashtag/deals?src=hashtag_click" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21">#deals</a></span>' +
      '<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"> </span>' +
      '<span class="r-18u37iz"><a dir="ltr" href="/search?q=%24SHOP&amp;src=cashtag_click" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21">$SHOP</a></span>' +
      '<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"> </span>' +
      '<a dir="ltr" href="https://t.co/AbCdEf1234" rel="noopener noreferrer nofollow" target="_blank" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21"><span aria-hidden="true" class="css-1jxf684 r-qlhcfr r-qvk6io">https://</span>shop.example.com/spring-sal<span aria-hidden="true" class="css-1jxf684 r-qlhcfr r-qvk6io">…</span></a>' +
      '<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">\n</span>' +
      '<img alt="🛍" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/1f6cd.svg" title="Shopping bags" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl">';
    return box;
  },
};

/** Any fixture by its twin name. */
export function loadFixture(name: FixtureName): HTMLElement {
  return (REAL_FIXTURES as readonly string[]).includes(name) ? loadReal(name as RealFixture) : VARIANTS[name as keyof typeof VARIANTS]();
}

export const ALL_FIXTURES: FixtureName[] = [...REAL_FIXTURES, ...(Object.keys(VARIANTS) as FixtureName[])];
