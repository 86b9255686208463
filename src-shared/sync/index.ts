export * from './errors';
export * from './limits';
export * from './messages';
export * from './signing';
export * from './fine-orders-csv';
export * from './feed';
