import { useState, type KeyboardEvent } from 'react';

/** Whether Caps Lock is on, as seen by the key events of a password field. */
export function useCapsLock() {
  const [isOn, setIsOn] = useState(false);
  const update = (event: KeyboardEvent<HTMLInputElement>): void => setIsOn(event.getModifierState('CapsLock'));
  return { isCapsLockOn: isOn, capsLockHandlers: { onKeyDown: update, onKeyUp: update } };
}
