/**
 * The Helpdesk installed on a test wiki: now in scripts/lib/install-helpdesk.ts,
 * which the browser benchmark shares.
 */
export { deployTarget, installHelpdesk } from '../../../scripts/lib/install-helpdesk';
