// An account as the lists show it: @handle, a link to the profile on X (a new tab: unfollowing
// and everything else happens there), and the display name when it says something more.
// Handles and names come from X's pages: JSX text and attributes only.
import { atHandle, profileUrl } from './format';

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
