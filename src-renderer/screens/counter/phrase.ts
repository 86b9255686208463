import type { Dict } from '../../i18n/th';

/** Words to show, in whichever language is chosen when they are shown (a status survives a language switch). */
export type Phrase = (t: Dict) => string;
