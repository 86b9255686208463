import { useEffect, useRef } from 'react';
import { ScanBuffer } from './scanner-keys';

function isEditable(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/** Sets an input's value the way typing does, so React's onChange sees it. */
function restoreValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens on the whole window while `enabled` for a scanner's fast burst of keys ending in Enter
 * (read from KeyboardEvent.code, so the Thai layout does not matter) and hands its text to `onScan`.
 * The Enter of a scan never clicks the focused button or submits a form; when the scan went into a
 * text field, the field gets back what it held before. Ignored while a modal dialog is open.
 */
export function useScanner(enabled: boolean, onScan: (text: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    if (!enabled) return;
    const buffer = new ScanBuffer();
    let before: { element: HTMLInputElement | HTMLTextAreaElement; value: string } | null = null;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const step = buffer.push({ code: event.code, key: event.key, shiftKey: event.shiftKey, atMs: event.timeStamp });
      if (step.kind === 'typing') {
        if (!step.isBurst) before = isEditable(event.target) ? { element: event.target, value: event.target.value } : null;
        // A CR inside a barcode burst is a field separator, not a click or a submit.
        if (event.code === 'Enter' || event.code === 'NumpadEnter') event.preventDefault();
        return;
      }
      if (step.kind !== 'scan') return;
      event.preventDefault();
      event.stopPropagation();
      if (before !== null && before.element === event.target) restoreValue(before.element, before.value);
      before = null;
      latest.current(step.text);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
