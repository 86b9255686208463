export { DEFAULT_USES_ET, UsesEt, bahtText, type BahtTextOptions } from './baht-text';
