// An account as the lists show it: @handle, a link to the profile on X (a new tab: unfollowing
// and everything else happens there), and the display name when it says something more.
// Handles and names come from X's pages: JSX text and attributes only.
import type { Verdict } from '../shared/types';
import { atHandle, profileUrl, verdictLabel } from './format';

export function AccountName({ handle, name }: { handle: string; name?: string | undefined }) {
  const url = profileUrl(handle);
  const label = atHandle(handle);
  return (
    <>
      {url ? (
        <a class="handle" href={url} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        <span class="handle">{label}</span>
      )}
      {name && name !== handle ? <span class="name">{name}</span> : null}
    </>
  );
}

/** The verdict as a coloured badge in plain words ("Mostly sells"). */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span class={`badge badge-${verdict}`}>{verdictLabel(verdict)}</span>;
}
