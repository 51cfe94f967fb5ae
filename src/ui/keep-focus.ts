// Keyboard users keep their place when a choice replaces the buttons they pressed ("Always show"
// becomes "You always show this account · Undo"): the focus would fall back to the page, and the
// next Tab start from the top. `act` wraps a button's action; once `state` has changed and the
// focus was lost with the button, it goes to the new buttons (the first, or what `pick` finds).
import { useEffect, useRef } from 'preact/hooks';

export function useKeepFocus<T extends HTMLElement = HTMLDivElement>(state: unknown, pick: string | ((box: T) => HTMLElement | null | undefined) = 'button') {
  const box = useRef<T>(null);
  /** The state a button was pressed in, while its change is awaited. */
  const pressedIn = useRef<{ state: unknown } | null>(null);
  useEffect(() => {
    const pressed = pressedIn.current;
    if (!pressed || Object.is(pressed.state, state)) return;
    pressedIn.current = null;
    // Only when the focus was dropped: never take it from where the user has since put it.
    // A button that turned disabled keeps the focus in some browsers, yet no key reaches it.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && !(active as HTMLButtonElement).disabled) return;
    const b = box.current;
    if (b) (typeof pick === 'string' ? b.querySelector<HTMLElement>(pick) : pick(b))?.focus();
  }, [state]);
  const act =
    (action: () => void) =>
    (): void => {
      pressedIn.current = box.current?.contains(document.activeElement) ? { state } : null;
      action();
    };
  return { box, act };
}
