/**
 * Statuses of a request, from the Helpdesk process: the Expert Committee gives
 * initial feedback, working groups help where needed, the committee gives the final
 * go, and the Helpdesk gives support.
 */

export const STATUSES = [
	'submitted',
	'initial-feedback',
	'working-group',
	'awaiting-final-go',
	'approved',
	'declined',
	'support-under-way',
	'done',
	'on-hold',
	'withdrawn',
] as const;
export type Status = typeof STATUSES[ number ];

/** The six areas of the working groups. */
export const WORKING_GROUPS = [
	'communication',
	'project-planning',
	'implementation',
	'evaluation',
	'content-use',
	'supporting-material',
] as const;
export type WorkingGroup = typeof WORKING_GROUPS[ number ];

/** Who a request in a status is waiting for. */
export type Party = 'committee' | 'working-group' | 'helpdesk' | 'requester' | 'nobody';

export const WAITING_ON: Readonly<Record<Status, Party>> = {
	submitted: 'committee',
	'initial-feedback': 'committee',
	'working-group': 'working-group',
	'awaiting-final-go': 'committee',
	approved: 'helpdesk',
	'support-under-way': 'helpdesk',
	'on-hold': 'requester',
	declined: 'nobody',
	done: 'nobody',
	withdrawn: 'nobody',
};

/** Statuses after which nothing more happens. */
export const CLOSED_STATUSES: readonly Status[] = [ 'declined', 'done', 'withdrawn' ];

const OPEN_STAGES: readonly Status[] = [
	'submitted', 'initial-feedback', 'working-group', 'awaiting-final-go', 'approved', 'support-under-way',
];

/** The moves the process allows, from each status. */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
	submitted: [ 'initial-feedback', 'declined', 'on-hold', 'withdrawn' ],
	'initial-feedback': [ 'working-group', 'awaiting-final-go', 'declined', 'on-hold', 'withdrawn' ],
	'working-group': [ 'initial-feedback', 'awaiting-final-go', 'declined', 'on-hold', 'withdrawn' ],
	'awaiting-final-go': [ 'approved', 'declined', 'working-group', 'on-hold', 'withdrawn' ],
	approved: [ 'support-under-way', 'done', 'on-hold', 'withdrawn' ],
	'support-under-way': [ 'done', 'on-hold', 'withdrawn' ],
	'on-hold': OPEN_STAGES.concat( [ 'declined', 'withdrawn' ] ),
	declined: [ 'submitted' ],
	done: [],
	withdrawn: [ 'submitted' ],
};

export function isStatus( value: string ): value is Status {
	return ( STATUSES as readonly string[] ).includes( value );
}

export function isWorkingGroup( value: string ): value is WorkingGroup {
	return ( WORKING_GROUPS as readonly string[] ).includes( value );
}

export function isClosed( status: Status ): boolean {
	return CLOSED_STATUSES.includes( status );
}

export function canMove( from: Status, to: Status ): boolean {
	return from === to || TRANSITIONS[ from ].includes( to );
}

/**
 * What people type by hand for each status, in the languages of the Helpdesk's
 * first requests. Keys are compared after `statusKey()`.
 */
export const STATUS_ALIASES: Readonly<Record<string, Status>> = {
	new: 'submitted',
	open: 'submitted',
	pending: 'submitted',
	received: 'submitted',
	filed: 'submitted',
	inskickad: 'submitted',
	ny: 'submitted',
	feedback: 'initial-feedback',
	'initial feedback': 'initial-feedback',
	review: 'initial-feedback',
	'in review': 'initial-feedback',
	'under review': 'initial-feedback',
	triage: 'initial-feedback',
	wg: 'working-group',
	'working group': 'working-group',
	'with working group': 'working-group',
	'with a working group': 'working-group',
	arbetsgrupp: 'working-group',
	'final go': 'awaiting-final-go',
	'awaiting final go': 'awaiting-final-go',
	'awaiting go': 'awaiting-final-go',
	'awaiting decision': 'awaiting-final-go',
	decision: 'awaiting-final-go',
	accepted: 'approved',
	go: 'approved',
	approve: 'approved',
	godkänd: 'approved',
	rejected: 'declined',
	decline: 'declined',
	denied: 'declined',
	'no go': 'declined',
	avslagen: 'declined',
	'in progress': 'support-under-way',
	ongoing: 'support-under-way',
	support: 'support-under-way',
	'under way': 'support-under-way',
	underway: 'support-under-way',
	pågående: 'support-under-way',
	closed: 'done',
	resolved: 'done',
	complete: 'done',
	completed: 'done',
	finished: 'done',
	klar: 'done',
	hold: 'on-hold',
	paused: 'on-hold',
	'on hold': 'on-hold',
	pausad: 'on-hold',
	cancelled: 'withdrawn',
	canceled: 'withdrawn',
	withdraw: 'withdrawn',
	'withdrawn by requester': 'withdrawn',
	återkallad: 'withdrawn',
};

/** Lower case, `_` and `-` as spaces, single spaces, no surrounding space. */
function statusKey( text: string ): string {
	return text.toLowerCase().replace( /[_\-\s]+/g, ' ' ).trim();
}

/**
 * The status meant by what someone typed (`On Hold`, `on_hold`, `accepted`…), or
 * null when it means none. An empty value means `submitted`.
 */
export function normaliseStatus( typed: string ): Status | null {
	const key = statusKey( typed );
	if ( key === '' ) {
		return 'submitted';
	}
	for ( const status of STATUSES ) {
		if ( statusKey( status ) === key ) {
			return status;
		}
	}
	return Object.prototype.hasOwnProperty.call( STATUS_ALIASES, key ) ? STATUS_ALIASES[ key ] : null;
}

/** The names the working groups go by in the Helpdesk's slides and on-wiki labels. */
const WORKING_GROUP_NAMES: Readonly<Record<string, WorkingGroup>> = {
	'project planning and feedback': 'project-planning',
	planning: 'project-planning',
	'evaluation and research': 'evaluation',
	research: 'evaluation',
	'use of the content': 'content-use',
	'use of content': 'content-use',
	'creation of supporting material': 'supporting-material',
	'supporting materials': 'supporting-material',
};

/** The working group meant by what someone typed (code or name, any case), or null. */
export function normaliseWorkingGroup( typed: string ): WorkingGroup | null {
	const key = statusKey( typed );
	for ( const group of WORKING_GROUPS ) {
		if ( statusKey( group ) === key || key.indexOf( statusKey( group ) ) === 0 ) {
			return group;
		}
	}
	return Object.prototype.hasOwnProperty.call( WORKING_GROUP_NAMES, key ) ? WORKING_GROUP_NAMES[ key ] : null;
}
