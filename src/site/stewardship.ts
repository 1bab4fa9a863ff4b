/**
 * The data-stewardship commitments of both sides, as the partners' site
 * states them. Each of the data team's is a rule the server enforces (see
 * test/server/stewardship.test.ts and retention.test.ts), so the page
 * promises nothing the service does not do.
 */

export const PARTNER_COMMITMENTS: readonly string[] = [
  'Sign the Imperative #2 data-sharing agreement before you send data: until it is signed, the service does not accept your submissions.',
  'Send events, not people. The agreed fields describe events and count who came; leave out names, phone numbers, addresses and other details of the people who attended.',
  'Keep your sign-in token to yourself: it is yours alone and says who sent each file. If someone else may have seen it, ask the data team to revoke it.',
  'Send the events of the reporting period by the deadline, and correct what the check marks as an error.',
  'Tell the data team when something you sent is wrong, so that it can be withdrawn from the combined data.',
];

export const DATA_TEAM_COMMITMENTS: readonly string[] = [
  'Only organisations that have signed the agreement can submit, and only they and the data team receive the combined data.',
  "Your organisation sees its own submissions only; no partner sees another partner's files.",
  'Every read and every change of the data is written to an audit log: who, what and when.',
  'Your latest submission is the one that counts. Earlier ones are kept only until the data team applies the retention rule, which deletes their data and keeps their receipts and counts.',
  'A submission can be withdrawn at your request: it leaves the combined data, and your previous one counts again.',
  'The data is used for the collaborative\u2019s shared analysis of Imperative #2: counts by month, audience, type of event and zip code.',
];
