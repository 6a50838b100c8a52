export * from './tax-rates';
export * from './products';
export * from './price-lists';
export * from './pricing';
