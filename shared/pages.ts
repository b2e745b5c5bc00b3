/**
 * Names of the Helpdesk's pages and templates on Meta-Wiki. The gadget, the bot and
 * the deploy script all take them from here; the bot can override them.
 */
export const HELPDESK_PAGE = 'Content Partnerships Hub/Helpdesk';

// The names below are written out in full, each under HELPDESK_PAGE (a unit test checks
// it): a bundler drops a literal the gadget does not use, not a concatenation.

/** Each request is a subpage under this prefix. */
export const REQUESTS_PREFIX = 'Content Partnerships Hub/Helpdesk/Requests/';

/** The request table compiled by the bot. */
export const REQUEST_TABLE_PAGE = 'Content Partnerships Hub/Helpdesk/Requests';

export const STATISTICS_PAGE = 'Content Partnerships Hub/Helpdesk/Statistics';
export const AGENDA_PAGE = 'Content Partnerships Hub/Helpdesk/Agenda';
export const EXPORT_PAGE = 'Content Partnerships Hub/Helpdesk/Requests.json';

/** Members of the Expert Committee and their notification preferences. */
export const COMMITTEE_PAGE = 'Content Partnerships Hub/Helpdesk/Expert Committee';

/** The process settings (JSON): working groups, reminder days, quorums, meeting dates, staff. */
export const SETTINGS_PAGE = 'Content Partnerships Hub/Helpdesk/Settings.json';

/** The bot runs only while this page says "run". */
export const SHUTOFF_PAGE = 'Content Partnerships Hub/Helpdesk/Bot/Shutoff';

export const TEMPLATES = {
	request: 'Helpdesk request',
	statusBadge: 'Helpdesk status',
	countryName: 'Helpdesk request/country',
	committeeMember: 'Helpdesk committee member',
	preload: 'Helpdesk request/preload',
} as const;

export const CATEGORIES = {
	requests: 'Content Partnerships Hub Helpdesk requests',
	needsAttention: 'Content Partnerships Hub Helpdesk requests needing attention',
} as const;

/** Pages on which the gadget offers the "Request support" button. */
export function isHelpdeskPage( pageName: string ): boolean {
	const name = pageName.replace( /_/g, ' ' );
	return name === HELPDESK_PAGE || name.indexOf( HELPDESK_PAGE + '/' ) === 0;
}
