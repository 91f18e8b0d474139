// @comptoir/schema: what the API and the SPA must agree on, written once.
export * from './enums';
export * from './domain/money';
export * from './domain/document-status';
export * from './domain/seats';
export * from './domain/format';
export * from './domain/payments';
export * from './domain/vat-exemption';
export * from './inputs';
export * from './errors';
