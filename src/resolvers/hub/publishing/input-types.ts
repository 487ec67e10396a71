import { MetadataStorage as MikroMetadataStorage } from '@mikro-orm/core';
import { Field, InputType, Int, getMetadataStorage } from 'type-graphql';
import { Region } from '../../../entities/core/region.entity.js';
import { Subject } from '../../../entities/credit/subject.entity.js';
import type { CategoryDefinition } from '../../../entities/hub/category-registry.js';
import { Channel, Exemption, PartyRole } from '../../../entities/hub/enums.js';
import { Domain } from '../../../entities/core/domain.js';
import { allCategories } from '../../../entities/index.js';
import { DateScalar, DecimalScalar, MeasureScalar } from '../../../kernel/scalars/index.js';

/**
 * Typed input for every category, generated from the type-graphql metadata of
 * each details class, so a new category gets its input without a line here:
 * an object type becomes `<Name>Input`, lists, enums and scalars stay as they
 * are. A field resolved from a reference (BidCandidate.candidate → Subject,
 * LandSupplyByPlace.region → Region) is input as the natural key it is stored
 * by (creditCode, regionCode); subject fields of the record itself
 * (winningSupplier …) come from `parties`, and computed fields are left out.
 *
 * Those field resolvers belong to the departments (BidCandidateResolver in
 * resolvers/departments/bidding), which the hub does not import: the inputs
 * are derived by `defineRecordInputs`, which whatever composes a schema
 * (src/schema/) calls with the resolvers it composes, before building it.
 */

type Class = new () => object;
/** A decorated class (object type, entity or embeddable), as the metadata storages key them. */
export type DecoratedClass = abstract new (...args: never[]) => object;

/** References input by their natural key: the key property the nested value stores. */
const REFERENCE_KEYS = new Map<unknown, { name: string; type: () => unknown; description: string }>([
  [Subject, { name: 'creditCode', type: () => String, description: '统一社会信用代码 (an existing market subject)' }],
  [Region, { name: 'regionCode', type: () => String, description: '行政区划代码 (GB/T 2260)' }],
]);

const storage = getMetadataStorage();
const generated = new Map<DecoratedClass, Class>();

function isObjectType(value: unknown): value is DecoratedClass {
  return typeof value === 'function' && storage.objectTypes.some((t) => t.target === value);
}

function ownFields(target: DecoratedClass) {
  return storage.fields.filter((f) => f.target === target || (target.prototype as object) instanceof f.target);
}

function namedClass(name: string): Class {
  return { [name]: class {} }[name] as Class;
}

/**
 * The input type for an object type. `stored` limits the fields to those the
 * details entity stores (for a category's details class); nested values keep
 * every declared field.
 */
function inputFor(objectType: DecoratedClass, resolvers: ReadonlySet<unknown>, stored?: (name: string) => boolean): Class {
  const existing = generated.get(objectType);
  if (existing) return existing;
  const meta = storage.objectTypes.find((t) => t.target === objectType)!;
  const input = namedClass(`${meta.name}Input`);
  generated.set(objectType, input);
  // A decimal the model stores with 4 places (Area.value, tonnes) is input as a Measure, so it can carry all 4.
  const scales = new Map(Object.entries(entityProperties(objectType)).map(([name, p]) => [name, p.scale]));
  for (const field of ownFields(objectType)) {
    if (stored && !stored(field.name)) continue;
    const type = field.getType();
    if (REFERENCE_KEYS.has(type) || (isObjectType(type) && storage.objectTypes.find((t) => t.target === type)?.interfaceClasses?.length)) continue;
    const inner = isObjectType(type) ? inputFor(type, resolvers) : type === DecimalScalar && scales.get(field.name) === 4 ? MeasureScalar : type;
    const { array, arrayDepth, nullable } = field.typeOptions;
    let typeFn: () => unknown = () => inner;
    if (array) typeFn = () => wrap(inner, arrayDepth ?? 1);
    Field(typeFn as never, { nullable, description: field.description })(input.prototype, field.name);
  }
  // A nested value whose field is resolved from a reference stores the reference's key.
  if (!stored) {
    for (const resolver of storage.fieldResolvers) {
      if (!resolvers.has(resolver.target)) continue;
      // Before the schema is built, a field resolver knows its object type only through its resolver class.
      const owner = resolver.getObjectType?.() ?? storage.resolverClasses.find((c) => c.target === resolver.target)?.getObjectType?.();
      if (owner !== objectType) continue;
      const key = REFERENCE_KEYS.get(resolver.getType?.());
      if (!key) continue;
      Field(key.type as never, { description: key.description })(input.prototype, key.name);
    }
  }
  InputType(`${meta.name}Input`, { description: meta.description })(input);
  return input;
}

function wrap(type: unknown, depth: number): unknown {
  return depth <= 0 ? type : [wrap(type, depth - 1)];
}

/** The details field name of a category in DetailsInput: its class name, lower camel case (procurementResult). */
export function detailsFieldOf(category: CategoryDefinition): string {
  const name = (category.details as { name: string }).name;
  return name[0]!.toLowerCase() + name.slice(1);
}

/** Which of a details class's GraphQL fields are stored (the MikroORM properties it declares), not the hub link or party fields. */
function storedFieldsOf(category: CategoryDefinition): (name: string) => boolean {
  const props = storedPropertyNames(category.details as DecoratedClass);
  return (name) => props.has(name) && !(name in category.partyFields);
}

function storedPropertyNames(entity: DecoratedClass): Set<string> {
  return new Set(Object.keys(entityProperties(entity)));
}

/** A class's MikroORM properties from the decorators (keyed by class name and file), read without an ORM instance. */
export function entityProperties(entity: DecoratedClass): Record<string, { type?: string; length?: number; scale?: number; nullable?: boolean; embeddable?: unknown }> {
  for (const meta of Object.values(mikroDecoratorMetadata())) {
    if (meta.className === entity.name && meta.properties) return meta.properties as never;
  }
  return {};
}

function mikroDecoratorMetadata(): Record<string, { className: string; properties?: Record<string, unknown> }> {
  return MikroMetadataStorage.getMetadata() as never;
}

@InputType('PartyInput', { description: '当事主体 (a subject the record names, by credit code, in a role)' })
export class PartyInputType {
  @Field(() => PartyRole, { description: '角色' })
  role!: PartyRole;

  @Field(() => String, { description: '统一社会信用代码 (an existing market subject)' })
  creditCode!: string;

  @Field(() => Int, { nullable: true, description: '排序 (ranked roles only)' })
  rank?: number | null;
}

@InputType('ChannelPublicationInput', { description: '发布记录 (a channel where the record was published)' })
export class ChannelPublicationInputType {
  @Field(() => Channel, { description: '渠道' })
  channel!: Channel;

  @Field(() => DateScalar, { description: '发布日期' })
  publishedOn!: string;

  @Field(() => String, { nullable: true, description: '网址' })
  url?: string | null;
}

/** One optional field per category; exactly one is given, the record's own. Its fields: defineRecordInputs. */
const DetailsInputType = namedClass('DetailsInput');

/** Its input type is registered by defineRecordInputs, after the details inputs it holds. */
export class PublishDisclosureInput {
  @Field(() => String, { nullable: true, description: '发布方自有编号 (the publisher\'s own id: publishing it again changes nothing, changed content is a revision)' })
  externalId?: string | null;

  @Field(() => Domain, { description: '领域' })
  domain!: Domain;

  @Field(() => String, { description: '类别代码 (e.g. "RESULT")' })
  category!: string;

  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => String, { description: '行政区划代码 (GB/T 2260)' })
  regionCode!: string;

  @Field(() => DateScalar, { description: '信息形成日期 (a revision: the change date 变更日期)' })
  formedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: '公开日期 (null: not yet published)' })
  publishedOn?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '金额（元）' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: '项目编号' })
  projectCode?: string | null;

  @Field(() => Exemption, { defaultValue: Exemption.NONE, description: '免予公开事由' })
  exemption!: Exemption;

  @Field(() => String, { nullable: true, description: '免予公开的依据 (required when exempt)' })
  exemptionBasis?: string | null;

  @Field(() => [PartyInputType], { defaultValue: [], description: '当事主体' })
  parties!: PartyInputType[];

  @Field(() => [ChannelPublicationInputType], { defaultValue: [], description: '发布记录' })
  publications!: ChannelPublicationInputType[];

  @Field(() => DetailsInputType, { description: '分类详情' })
  details!: Record<string, Record<string, unknown> | null>;
}

let defined = false;

/**
 * Derives the details input of every category (and the inputs nested in them) from the category classes, then
 * registers DetailsInput and PublishDisclosureInput. `resolvers` are the resolver classes the schema is composed of:
 * their field resolvers say which nested fields are resolved from a reference (and so are input by its key). Once per
 * process, before the first schema that holds these inputs is built (type-graphql's metadata is global); a later call
 * changes nothing.
 */
export function defineRecordInputs(resolvers: readonly DecoratedClass[]): void {
  if (defined) return;
  defined = true;
  const composed = new Set<unknown>(resolvers);
  for (const category of allCategories) {
    const input = inputFor(category.details as DecoratedClass, composed, storedFieldsOf(category));
    Field(() => input, { nullable: true, description: `${category.zh} (${category.domain}.${category.code})` })(
      DetailsInputType.prototype,
      detailsFieldOf(category),
    );
  }
  InputType('DetailsInput', { description: '分类详情: exactly one field, the one of the record\'s domain and category' })(DetailsInputType);
  InputType('PublishDisclosureInput', { description: '公开一条信息 (a record, any category)' })(PublishDisclosureInput);
}

/** Whether defineRecordInputs has run: a schema holding the record inputs can be built. */
export function recordInputsDefined(): boolean {
  return defined;
}
