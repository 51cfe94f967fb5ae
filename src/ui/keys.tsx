// A keyboard shortcut as keys: Alt + Shift + Q, each key in its own <kbd>.
import { Fragment } from 'preact';

export function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 ? '+' : ''}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </>
  );
}
