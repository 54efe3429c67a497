/**
 * The 组织关系转接 entities and their keys — written down next to the access patterns they serve (DESIGN §4).
 *
 * Transfer  pk TRANSFER#<id>             sk TRANSFER
 *           while a step is pending:   gsi1pk TRANSFERTODO#<approverOrgId>  gsi1sk <pendingSince>#<id>
 *             (待我审批: one Query per page, newest first; the overdue job: the same index, sk < now − 7 days)
 *           while a letter is out:     gsi1pk TRANSFERLETTERS#<committeeOrgId> gsi1sk <issuedAt>#<id>
 *             (the letter job: expiry after validUntil, the 回执 reminder a month after issue)
 *           always:                    gsi2pk TRANSFERS#<rootId>#<YYYY-MM of createdAt> gsi2sk <createdAt>#<id>
 *             (the committee view of a month; filtered to the org's subtree and the state asked for)
 * Step      pk TRANSFER#<id>             sk STEP#<at>#<seq>   the timeline; the transfer and its steps are one Query
 * Open      pk MEMBER#<memberId>         sk OPENTRANSFER      {transferId}: at most one open transfer per member,
 *                                                              by attribute_not_exists — never by a read
 * Mine      pk MEMBER#<memberId>         sk TRANSFER#<createdAt>#<id>  {transferId}: a member's transfers, newest first
 * To-do #   pk TRANSFERTODO#<orgId>      sk COUNT   {count}: steps waiting at that org (the 首页 badge: one GetItem),
 *                                                   moved in the same transaction as every step
 * Stats     pk TRANSFERSTATS#<orgId>     sk <YYYY-MM>  {internal_<state>, out_<state>, in_<state>}: counts of the
 *                                                   month's transfers by direction and current state, for every org
 *                                                   on either branch's path, moved with every state change
 * Letter #  pk TRANSFERLETTERSEQ#<committeeOrgId>#<year> sk SEQ {seq}: the last number issued; a letter takes
 *                                                   seq+1 with the condition seq = what it read (no gaps, no twins)
 * Letter no pk TRANSFERLETTERNO#<committeeOrgId>#<number> sk LETTER {transferId}: an issued number, once per
 *                                                   committee (two trees may share the default prefix)
 * Inbound   pk TRANSFERINBOUND#<normalised letter number> sk LETTER {transferId}: a letter registered once
 * Settings  pk ORG#<committeeOrgId>      sk TRANSFERSETTINGS {letterPrefix, validityDays, version}
 * Applied   pk MEMBER#<memberId>         sk TRANSFERAPPLIED#<YYYY-MM-DD> {count, expiresAt}: applications of a
 *                                                   member that day, counted in the application's transaction
 */
export const transferKey = (id: string) => ({ pk: `TRANSFER#${id}`, sk: 'TRANSFER' });
export const stepSk = (at: string, seq: number) => `STEP#${at}#${String(seq).padStart(3, '0')}`;
export const openKey = (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'OPENTRANSFER' });
export const mineKey = (memberId: string, createdAt: string, id: string) => ({
  pk: `MEMBER#${memberId}`,
  sk: `TRANSFER#${createdAt}#${id}`,
});
export const MINE_PREFIX = 'TRANSFER#';
export const todoPk = (approverOrgId: string) => `TRANSFERTODO#${approverOrgId}`;
export const todoCountKey = (approverOrgId: string) => ({ pk: todoPk(approverOrgId), sk: 'COUNT' });
export const lettersPk = (committeeOrgId: string) => `TRANSFERLETTERS#${committeeOrgId}`;
export const monthPk = (rootId: string, month: string) => `TRANSFERS#${rootId}#${month}`;
export const statsKey = (orgId: string, month: string) => ({ pk: `TRANSFERSTATS#${orgId}`, sk: month });
export const letterSeqKey = (committeeOrgId: string, year: number) => ({
  pk: `TRANSFERLETTERSEQ#${committeeOrgId}#${year}`,
  sk: 'SEQ',
});
export const letterNoKey = (number: string) => ({ pk: `TRANSFERLETTERNO#${number}`, sk: 'LETTER' });
export const inboundKey = (letterNumber: string) => ({
  pk: `TRANSFERINBOUND#${normaliseLetterNumber(letterNumber)}`,
  sk: 'LETTER',
});
export const appliedKey = (memberId: string, day: string) => ({
  pk: `MEMBER#${memberId}`,
  sk: `TRANSFERAPPLIED#${day}`,
});
export const settingsKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'TRANSFERSETTINGS' });

/** The same letter typed twice reads the same: no spaces, full-width brackets and digits folded to ASCII. */
export function normaliseLetterNumber(number: string): string {
  return number
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〔［【[]/g, '(')
    .replace(/[〕］】\]]/g, ')')
    .toUpperCase();
}

/** The root of an org's tree, from its path `/<root>/…/<org>/`. */
export const rootOf = (orgPath: string) => orgPath.split('/')[1] ?? '';
