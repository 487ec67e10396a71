export { CreditCodeScalar } from './credit-code.js';
export { DateScalar } from './date.js';
export { DecimalScalar } from './decimal.js';
export { GraphQLDateTime as DateTimeScalar, GraphQLJSONObject as JSONObjectScalar } from 'graphql-scalars';
export { MeasureScalar } from './measure.js';
