import { registerEnumType } from 'type-graphql';
import { DOMAIN_MANIFESTS, type DomainCode } from '../departments/manifests.js';

/**
 * The eight domains (领域) of 青政办〔2018〕25号, in the plan's order: one per department
 * manifest. A const object rather than a TS enum, so the list is the manifests' own and is not
 * written again here; `Domain.HOUSING` and the type `Domain` read as an enum's would.
 */
export const Domain = Object.freeze(Object.fromEntries(DOMAIN_MANIFESTS.map((m) => [m.domain, m.domain]))) as {
  readonly [D in DomainCode]: D;
};
export type Domain = (typeof Domain)[keyof typeof Domain];

registerEnumType(Domain, {
  name: 'Domain',
  description: '公共资源配置领域 (public-resource-allocation domain)',
  valuesConfig: Object.fromEntries(DOMAIN_MANIFESTS.map((m) => [m.domain, { description: m.zh }])),
});
