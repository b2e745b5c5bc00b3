/**
 * A real local MediaWiki for trying and testing the Helpdesk: see `npm run wiki`.
 */
export { createLocalWiki, resetWiki, DEFAULT_SITE_NAME } from './wiki';
export { assertWikiFolder, DEFAULT_PORT, localCredentialsFile, localWikiDir, localWikiPort, parsePort } from './location';
export type { LocalWiki, LocalWikiOptions } from './wiki';
export { groupMembers, startWiki, stopProcessGroup, stopWiki, wikiStatus } from './server';
export type { StartResult, WikiStatus } from './server';
export { runMaintenance, editPageAsAdmin } from './maintenance';
export { setExtraSettings, questyCaptchaSettings, TEST_CAPTCHA, phpString } from './settings';
export type { LocalWikiCredentials, LocalWikiUser, UserRole } from './accounts';
export { LocalWikiError } from './errors';
export type { LocalWikiErrorCode } from './errors';
export { addAbuseFilter, changeAbuseFilter } from './abuse-filter';
export type { AbuseFilterSpec } from './abuse-filter';
