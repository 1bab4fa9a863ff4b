import { AuditRepository } from '../repositories/audit';
import { OrgRepository } from '../repositories/orgs';
import { PopulationRepository } from '../repositories/population';
import { SubmissionRepository, type Hooks } from '../repositories/submissions';
import { TokenRepository } from '../repositories/tokens';
import { definePlugin } from './define';

export interface Repositories {
  orgs: OrgRepository;
  tokens: TokenRepository;
  submissions: SubmissionRepository;
  audit: AuditRepository;
  population: PopulationRepository;
}

declare module 'fastify' {
  interface FastifyInstance {
    repos: Repositories;
  }
}

export const repositoriesPlugin = definePlugin<{ hooks?: Hooks }>(
  async (app, { hooks }) => {
    const db = app.store.db;
    app.decorate('repos', {
      orgs: new OrgRepository(db),
      tokens: new TokenRepository(db),
      submissions: new SubmissionRepository(db, hooks),
      audit: new AuditRepository(db),
      population: new PopulationRepository(db),
    });
  },
  { name: 'repositories', dependencies: ['store'] },
);
