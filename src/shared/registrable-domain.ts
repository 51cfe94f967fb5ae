// A link's host and registrable domain ("shop.example.co.uk" → "example.co.uk"), by the Public
// Suffix List's ICANN rules (public-suffixes.ts, generated; the usual algorithm: the longest
// matching rule, wildcards, exceptions, else the last label). Replaces a general library whose
// data (every private suffix too) and code were about a tenth of the background worker's heap.
//
// The rules are kept as two sorted, newline-separated strings and searched by halves; the line
// offsets are built on first use (a typed array, outside the JS heap).
import { SUFFIXES_ASCII, SUFFIXES_OTHER } from './public-suffixes';

export interface HostParts {
  /** Lowercase host, without a trailing dot. */
  hostname: string;
  /** Registrable domain: the public suffix and one label more; null for an IP address or a bare suffix. */
  domain: string | null;
  /** The suffix is on the ICANN list (not only the default rule "the last label"). */
  isIcann: boolean;
  publicSuffix: string;
  /** The domain's label before the suffix ("example" of "example.co.uk"). */
  domainWithoutSuffix: string | null;
  /** Labels before the domain ("shop"), '' when none. */
  subdomain: string;
}

class SortedLines {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  has(line: string): boolean {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 2; // the last start is the end sentinel
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.text.slice(starts[mid]!, starts[mid + 1]! - 1);
      if (at === line) return true;
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** Start of each line after the leading newline, and one past the end (the text ends with a newline). */
function lineStarts(text: string): Uint32Array {
  let n = 0;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const starts = new Uint32Array(n + 1);
  let k = 0;
  starts[k++] = 1;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) === 10) starts[k++] = i + 1;
  return starts;
}

const ascii = new SortedLines(SUFFIXES_ASCII);
const other = new SortedLines(SUFFIXES_OTHER);
const isRule = (r: string): boolean => ascii.has(r) || (!isAscii(r) && other.has(r));

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

/** The host of a scheme-less link ("user@host.com:8080/path?q"), or null when it is not a valid host name. */
export function hostOf(link: string): string | null {
  let end = link.length;
  for (let i = 0; i < link.length; i++) {
    const c = link.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 92 /* \ */) {
      end = i;
      break;
    }
  }
  let host = link.slice(link.lastIndexOf('@', end - 1) + 1, end);
  if (host.startsWith('[')) return null; // IPv6
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  host = host.toLowerCase();
  return isValidHost(host) ? host : null;
}

/** Labels of 1–63 letters, digits, '-' (not first or last), '_' or non-ASCII; 253 characters at most. */
function isValidHost(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  let labelStart = 0;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? host.charCodeAt(i) : 46;
    if (c === 46 /* . */) {
      const len = i - labelStart;
      if (len === 0 || len > 63) return false;
      if (host.charCodeAt(labelStart) === 45 || host.charCodeAt(i - 1) === 45) return false;
      labelStart = i + 1;
      continue;
    }
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c > 127;
    if (!ok) return false;
  }
  return true;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Host, public suffix and registrable domain of a scheme-less, lowercase link; null when it has no valid host. */
export function parseHost(link: string): HostParts | null {
  const hostname = hostOf(link);
  if (hostname === null) return null;
  if (IPV4.test(hostname)) return { hostname, domain: null, isIcann: false, publicSuffix: '', domainWithoutSuffix: null, subdomain: '' };
  const labels = hostname.split('.');
  const n = labels.length;
  // The number of labels of the public suffix: the longest matching rule, an exception one less.
  let suffixLabels = 0;
  for (let k = 1; k <= n; k++) {
    const candidate = k === n ? hostname : labels.slice(n - k).join('.');
    if (isRule(`!${candidate}`)) {
      suffixLabels = k - 1;
      break;
    }
    const parent = k === 1 ? '' : labels.slice(n - k + 1).join('.');
    if (isRule(candidate) || (k > 1 && isRule(`*.${parent}`))) suffixLabels = k;
  }
  const isIcann = suffixLabels > 0;
  if (!isIcann) suffixLabels = 1;
  const publicSuffix = labels.slice(n - suffixLabels).join('.');
  if (suffixLabels >= n) return { hostname, domain: null, isIcann, publicSuffix, domainWithoutSuffix: null, subdomain: '' };
  const domainWithoutSuffix = labels[n - suffixLabels - 1]!;
  return {
    hostname,
    domain: `${domainWithoutSuffix}.${publicSuffix}`,
    isIcann,
    publicSuffix,
    domainWithoutSuffix,
    subdomain: labels.slice(0, n - suffixLabels - 1).join('.'),
  };
}
