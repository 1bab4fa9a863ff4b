import type { Kysely } from 'kysely';
import type { Database, Role, TokenTable } from '../store/schema';
import { hashToken, newId, newToken, TOKEN_PREFIX } from '../ids';

export const DEFAULT_TOKEN_DAYS = 180;
export const MAX_TOKEN_DAYS = 730;

/** Who is calling: one person, with a role, perhaps on behalf of one organisation. */
export interface Principal {
  tokenId: string;
  person: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  /** The organisation's agreement date, null while unsigned. */
  orgSignedOn: string | null;
}

export type TokenInfo = Omit<TokenTable, 'token_hash'>;

export type AuthResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export class TokenError extends Error {
  constructor(readonly code: 'not_found' | 'invalid', message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Issues a token to one person; the token is returned once and only its hash is kept. */
  async issue(input: { role: Role; orgId?: string | null; person: string; days?: number; now?: Date }): Promise<{ token: string; info: TokenInfo }> {
    const person = input.person.trim();
    if (!person) throw new TokenError('invalid', 'A token belongs to one person: give their name.');
    if (input.role === 'partner' && !input.orgId) throw new TokenError('invalid', 'A partner token needs the organisation (--org ID).');
    if (input.role === 'analyst' && input.orgId) throw new TokenError('invalid', 'An analyst token belongs to no organisation: leave out --org.');
    const days = input.days ?? DEFAULT_TOKEN_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
      throw new TokenError('invalid', `A token lasts 1 to ${MAX_TOKEN_DAYS} days, not ${days}.`);
    }
    if (input.orgId) {
      const org = await this.db.selectFrom('orgs').select('id').where('id', '=', input.orgId).executeTakeFirst();
      if (!org) throw new TokenError('not_found', `No organisation has the id ${input.orgId}.`);
    }
    const now = input.now ?? new Date();
    const token = newToken();
    const row: TokenTable = {
      id: newId('tok', 10),
      token_hash: hashToken(token),
      role: input.role,
      org_id: input.orgId ?? null,
      person,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      revoked_at: null,
    };
    await this.db.insertInto('tokens').values(row).execute();
    const { token_hash: _hash, ...info } = row;
    return { token, info };
  }

  /** Revokes by token id (tok_…) or by the token itself (hsh_…). */
  async revoke(idOrToken: string, now = new Date()): Promise<TokenInfo> {
    const column = idOrToken.startsWith(TOKEN_PREFIX) ? 'token_hash' : 'id';
    const key = column === 'token_hash' ? hashToken(idOrToken) : idOrToken;
    const row = await this.db.selectFrom('tokens').selectAll().where(column, '=', key).executeTakeFirst();
    if (!row) throw new TokenError('not_found', 'No such token.');
    if (!row.revoked_at) {
      await this.db.updateTable('tokens').set({ revoked_at: now.toISOString() }).where('id', '=', row.id).execute();
      row.revoked_at = now.toISOString();
    }
    const { token_hash: _hash, ...info } = row;
    return info;
  }

  async list(orgId?: string): Promise<TokenInfo[]> {
    let q = this.db
      .selectFrom('tokens')
      .select(['id', 'role', 'org_id', 'person', 'created_at', 'expires_at', 'revoked_at'])
      .orderBy('created_at');
    if (orgId) q = q.where('org_id', '=', orgId);
    return q.execute();
  }

  async authenticate(token: string, now = new Date()): Promise<AuthResult> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { ok: false, reason: 'unknown' };
    const row = await this.db
      .selectFrom('tokens')
      .leftJoin('orgs', 'orgs.id', 'tokens.org_id')
      .select(['tokens.id', 'tokens.person', 'tokens.role', 'tokens.org_id', 'tokens.expires_at', 'tokens.revoked_at', 'orgs.name as org_name', 'orgs.agreement_signed_on'])
      .where('tokens.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      principal: {
        tokenId: row.id,
        person: row.person,
        role: row.role,
        orgId: row.org_id,
        orgName: row.org_name ?? null,
        orgSignedOn: row.agreement_signed_on ?? null,
      },
    };
  }
}
