import type { Kysely } from 'kysely';
import type { Database, OrgTable } from '../store/schema';
import { newId } from '../ids';
import { isUniqueViolation } from '../store/connect';

export type Org = OrgTable;

export class OrgError extends Error {
  constructor(readonly code: 'not_found' | 'duplicate' | 'invalid', message: string) {
    super(message);
    this.name = 'OrgError';
  }
}

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function assertIsoDay(value: string, what: string): void {
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO_DAY.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new OrgError('invalid', `${what} must be a real date written YYYY-MM-DD, not "${value}".`);
  }
}

/** Signed means: an agreement date that is today or earlier. */
export function isSigned(org: Pick<Org, 'agreement_signed_on'>, today = new Date().toISOString().slice(0, 10)): boolean {
  return org.agreement_signed_on !== null && org.agreement_signed_on <= today;
}

export class OrgRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(name: string, signedOn?: string): Promise<Org> {
    const clean = name.trim();
    if (!clean) throw new OrgError('invalid', 'An organisation needs a name.');
    if (signedOn !== undefined) assertIsoDay(signedOn, 'The signing date');
    const org: Org = { id: newId('org', 10), name: clean, agreement_signed_on: signedOn ?? null, created_at: new Date().toISOString() };
    try {
      await this.db.insertInto('orgs').values(org).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new OrgError('duplicate', `An organisation named "${clean}" already exists.`);
      throw error;
    }
    return org;
  }

  async get(id: string): Promise<Org | undefined> {
    return this.db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async require(id: string): Promise<Org> {
    const org = await this.get(id);
    if (!org) throw new OrgError('not_found', `No organisation has the id ${id}.`);
    return org;
  }

  /** Records the agreement's signing date; null withdraws it. */
  async setSigned(id: string, signedOn: string | null): Promise<Org> {
    if (signedOn !== null) assertIsoDay(signedOn, 'The signing date');
    await this.require(id);
    await this.db.updateTable('orgs').set({ agreement_signed_on: signedOn }).where('id', '=', id).execute();
    return this.require(id);
  }

  async list(): Promise<Org[]> {
    return this.db.selectFrom('orgs').selectAll().orderBy('name').execute();
  }
}
