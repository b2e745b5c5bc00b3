/**
 * Names of the Helpdesk's pages and templates on Meta-Wiki. The gadget, the bot and
 * the deploy script all take them from here; the bot can override them.
 */
export const HELPDESK_PAGE = 'Content Partnerships Hub/Helpdesk';

/** Each request is a subpage under this prefix. */
export const REQUESTS_PREFIX = HELPDESK_PAGE + '/Requests/';

/** The request table compiled by the bot. */
export const REQUEST_TABLE_PAGE = HELPDESK_PAGE + '/Requests';

export const STATISTICS_PAGE = HELPDESK_PAGE + '/Statistics';
export const AGENDA_PAGE = HELPDESK_PAGE + '/Agenda';
export const EXPORT_PAGE = HELPDESK_PAGE + '/Requests.json';

/** Members of the Expert Committee and their notification preferences. */
export const COMMITTEE_PAGE = HELPDESK_PAGE + '/Expert Committee';

/** The process settings (JSON): working groups, reminder days, quorums, meeting dates, staff. */
export const SETTINGS_PAGE = HELPDESK_PAGE + '/Settings.json';

/** The bot runs only while this page says "run". */
export const SHUTOFF_PAGE = HELPDESK_PAGE + '/Bot/Shutoff';

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
