export { FINE_LAWS, fineLawOf, type FineGroup, type FineLaw } from './fine-laws';
export {
  BASIS_POINTS_PER_WHOLE,
  MAX_FEE_TYPES,
  loadRevenueCatalog,
  revenueCatalogDataSchema,
  type FeeType,
  type FineLawEntry,
  type RevenueCatalog,
  type RevenueCatalogData,
  type RevenueItem,
} from './revenue-catalog';
