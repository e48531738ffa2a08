/**
 * For a control that comes back when a form or confirmation closes (the button that opened it): the
 * caret goes back to it once the next render has put it in the page, instead of falling to the page.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export function useFocusLater<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!pending) return;
    ref.current?.focus({ preventScroll: true });
    setPending(false);
  }, [pending]);
  return [ref, () => setPending(true)];
}
