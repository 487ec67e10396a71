import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from './policy.js';
import { issueToken, listTokens, revokeToken, type TokenInfo } from './token-admin.js';
import { Role } from '../../kernel/viewer.js';
import { Department } from '../../entities/core/department.entity.js';
import type { Context } from '../../kernel/context.js';
import { DateTimeScalar } from '../../kernel/scalars/index.js';
import { departmentByCode } from '../core/loaders.js';

@ObjectType('ApiToken', { description: 'API 令牌 (never its secret, which is shown once when issued)' })
class ApiTokenType implements Omit<TokenInfo, 'departmentCode'> {
  @Field(() => Int, { description: '令牌编号 (what `gongkai token revoke` and revokeApiToken take)' })
  id!: number;

  @Field({ description: '名称 (who or what holds it)' })
  name!: string;

  @Field(() => Role, { description: '角色' })
  role!: Role;

  departmentCode!: string | null;

  @Field(() => DateTimeScalar, { description: '签发时间' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '到期时间 (null: never)' })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '吊销时间 (null: not revoked)' })
  revokedAt!: Date | null;
}

@ObjectType({ description: '新签发的令牌' })
class CreatedApiToken {
  @Field(() => ApiTokenType, { description: '令牌' })
  token!: TokenInfo;

  @Field({ description: '令牌密钥 (Authorization: Bearer …): shown this once, stored only as a hash; keep it safe' })
  secret!: string;
}

@InputType({ description: '签发令牌' })
class CreateApiTokenInput {
  @Field({ description: '名称 (a person or system; 1 to 200 characters)' })
  name!: string;

  @Field(() => Role, { description: '角色 (PUBLISHER, SUPERVISOR or ADMIN)' })
  role!: Role;

  @Field(() => String, { nullable: true, description: '部门代码 (a PUBLISHER only, and required for one)' })
  departmentCode?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '到期时间 (null: never expires)' })
  expiresAt?: Date | null;
}

@Resolver(() => ApiTokenType)
class ApiTokenResolver {
  @Query(() => [ApiTokenType], { description: 'API 令牌 (ADMIN): every token issued, revoked and expired ones included' })
  async apiTokens(@Ctx() ctx: Context): Promise<TokenInfo[]> {
    requireRole(ctx.viewer, Role.ADMIN);
    return listTokens(ctx.em);
  }

  @Mutation(() => CreatedApiToken, { description: '签发令牌 (ADMIN): the secret is returned this once' })
  async createApiToken(@Ctx() ctx: Context, @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput): Promise<CreatedApiToken> {
    return issueToken(ctx.em, ctx.viewer, ctx.requestId, input);
  }

  @Mutation(() => ApiTokenType, { description: '吊销令牌 (ADMIN): it is refused from then on; the row stays for the audit trail' })
  async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => Int, { description: '令牌编号' }) id: number): Promise<TokenInfo> {
    const revoked = await revokeToken(ctx.em, ctx.viewer, ctx.requestId, id);
    // Committed: this process refuses the token from its next request, whatever the notification's delay.
    ctx.tokensChanged();
    return revoked;
  }

  @FieldResolver(() => Department, { nullable: true, description: '部门 (a PUBLISHER token\'s)' })
  async department(@Root() token: TokenInfo, @Ctx() ctx: Context): Promise<Department | null> {
    return token.departmentCode ? ctx.loader(departmentByCode).load(token.departmentCode) : null;
  }
}

export const accessResolvers = [ApiTokenResolver] as const;
