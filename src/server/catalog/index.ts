export * from './tax-rates';
export * from './tax-rate-periods';
export * from './products';
export * from './price-lists';
export * from './pricing';
export * from './units';
