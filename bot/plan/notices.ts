/**
 * The notices a request owes, each named by the event it is about — the filing
 * (`filed`), the N-th reminder of a stage entered at a given time
 * (`reminder:STAGE:SINCE:N`), a new status (`status:STATUS:SINCE`) — never by the
 * run that sends it. A notice is owed to whoever it is meant for (`of`, fixed when
 * it is first sent) and was not yet told on the request page (`to`) or on their
 * talk page (`talk`); the markers that record it are written in the very edit that
 * delivers it, so a run that stops anywhere sends nothing twice.
 */
import { reminderDays } from '../../shared/settings';
import { isClosed, Status, WAITING_ON } from '../../shared/status';
import { addDays, daysBetween, userNameProblem } from '../../shared/wikitext';
import type { PlanConfig } from '../config';
import { availableMembers, countedSignOffs } from './committee';
import { unprovenKey } from './process';
import { reminderKey, statusKey } from './request-page';
import type { Committee, NoticeEntry, RequestRecord, SignOff } from './types';
import { verdictAsk, verdictAskTime } from './verdict';
import { normaliseUserName } from './wikitext';

export type NoticeAbout = 'filed' | 'reminder' | 'status' | 'unproven' | 'sign-off' | 'verdict';

export interface Due {
	key: string;
	about: NoticeAbout;
	/** Who it is meant for (told or not). */
	of: string[];
	/** Who is still to be told. */
	pending: string[];
	/** Told on their talk page but not yet recorded on the request page. */
	entry: NoticeEntry | null;
	/** For a reminder: the stage and how long it has waited. */
	stage?: Status;
	days?: number;
	/** For a sign-off not counted: which. */
	signOff?: SignOff;
}

/** Who may be told at all: a user name with an account, not the bot, not the requester for committee notices. */
export interface Recipients {
	bot: string;
	/** Whether each name has an account; a name missing here must be looked up first. */
	accounts: Record<string, boolean>;
}

function owed( key: string, about: NoticeAbout, record: RequestRecord, intended: () => string[] ): Due | null {
	const entry = record.notices.find( ( notice ) => notice.key === key ) || null;
	const of = entry ? entry.of : intended();
	const pending = of.filter( ( name ) => !( entry && ( entry.to.includes( name ) || entry.talk.includes( name ) ) ) );
	if ( pending.length === 0 ) {
		return null;
	}
	return { key: key, about: about, of: of, pending: pending, entry: entry };
}

/** Names a notice can go to: valid user names, never the bot. */
export function tellable( names: string[], bot: string ): string[] {
	const result: string[] = [];
	names.map( normaliseUserName ).forEach( ( name ) => {
		if ( userNameProblem( name ) === '' && name !== bot && !result.includes( name ) ) {
			result.push( name );
		}
	} );
	return result;
}

/** The filing notice, to every available member, for a request filed recently. */
export function filingDue( record: RequestRecord, committee: Committee, config: PlanConfig, now: string, bot: string ): Due | null {
	if ( isClosed( record.status ) ) {
		return null;
	}
	const entry = record.notices.find( ( notice ) => notice.key === 'filed' );
	if ( !entry ) {
		const filed = record.filed || record.touched;
		if ( daysBetween( filed, now ) > config.filingNoticeWithinDays ) {
			return null;
		}
	}
	return owed( 'filed', 'filed', record, () => tellable( availableMembers( committee, now ).map( ( member ) => member.name ), bot )
		.filter( ( name ) => name !== record.requester ) );
}

/** Which round of reminders the stage is in: 0 before its threshold, then 1, 2… each threshold period. */
export function reminderRound( record: RequestRecord, config: PlanConfig, now: string ): number {
	const threshold = reminderDays( config.process, record.status );
	if ( !threshold || record.statusSince === '' || isClosed( record.status ) || record.problem !== '' ) {
		return 0;
	}
	return Math.max( 0, Math.floor( daysBetween( record.statusSince, now ) / threshold ) );
}

/** The reminder of this round, to whoever the stage waits on and has not acted. */
export function reminderDue( record: RequestRecord, committee: Committee, config: PlanConfig, now: string, bot: string ): Due | null {
	const round = reminderRound( record, config, now );
	const party = WAITING_ON[ record.status ];
	if ( round === 0 ) {
		return null;
	}
	const due = owed( reminderKey( record.status, record.statusSince, round ), 'reminder', record, () => {
		if ( party === 'committee' ) {
			const kind = record.status === 'awaiting-final-go' ? 'final-go' : 'feedback';
			const done = countedSignOffs( record.signOffs, committee )
				.filter( ( signOff ) => signOff.kind === kind ).map( ( signOff ) => signOff.member );
			return tellable( availableMembers( committee, now ).map( ( member ) => member.name ), bot )
				.filter( ( name ) => !done.includes( name ) && name !== record.requester );
		}
		return remindedOf( record, config, bot );
	} );
	if ( due ) {
		due.stage = record.status;
		due.days = daysBetween( record.statusSince, now );
	}
	return due;
}

/**
 * Who is reminded when a request waits on someone other than the committee: the
 * named working group's contacts (every group's when none is named), the helpdesk
 * staff, or the requester, as the settings say.
 */
export function remindedOf( record: RequestRecord, config: PlanConfig, bot: string ): string[] {
	const party = WAITING_ON[ record.status ];
	if ( party === 'working-group' ) {
		const groups = config.process.workingGroups.filter( ( group ) => record.workingGroup === '' || group.code === record.workingGroup );
		return tellable( ( [] as string[] ).concat( ...groups.map( ( group ) => group.contacts ) ), bot );
	}
	if ( party === 'helpdesk' ) {
		return tellable( config.process.helpdesk, bot );
	}
	if ( party === 'requester' ) {
		return record.requesterValid ? tellable( [ record.requester ], bot ) : [];
	}
	return [];
}

/** Whether the bot may act on the request's status: one it can read, borne out by the sign-offs. */
export function statusHolds( record: RequestRecord ): boolean {
	return record.statusUnknown === '' && record.proven === record.status;
}

/**
 * The requester is told of a status a person changed, unless they changed it
 * themselves (they made the revision that changed it); never of one that does not
 * hold, and once it comes to hold, whoever edited the page last.
 */
export function statusDue( record: RequestRecord, changed: boolean, latest: { user: string; timestamp: string }, bot: string ): Due | null {
	const key = statusKey( record.status, record.statusSince );
	const entry = record.notices.find( ( notice ) => notice.key === key );
	if ( ( !entry && !changed ) || !statusHolds( record ) ) {
		return null;
	}
	const byRequester = normaliseUserName( latest.user ) === record.requester && record.statusSince >= latest.timestamp;
	return owed( key, 'status', record, () => record.requesterValid && record.requester !== bot && !byRequester ? [ record.requester ] : [] );
}

/** The staff are told once of a status the sign-offs do not bear out. */
export function unprovenDue( record: RequestRecord, config: PlanConfig, bot: string ): Due | null {
	if ( record.statusUnknown !== '' || record.proven === record.status || record.problem !== '' ) {
		return null;
	}
	return owed( unprovenKey( record.status, record.statusSince ), 'unproven', record, () => tellable( config.process.helpdesk, bot ) );
}

/** The key of the notice to a member that a sign-off in their name, added by someone else, is not counted. */
export function signOffKey( signOff: SignOff ): string {
	return 'sign-off:' + signOff.kind + ':' + signOff.member + ':' + signOff.revid;
}

/** Each member named in a sign-off someone else added is told once. */
export function signOffDues( record: RequestRecord, committee: Committee, bot: string ): Due[] {
	const dues: Due[] = [];
	record.signOffs.filter( ( signOff ) => signOff.author !== '' && signOff.author !== signOff.member && signOff.revid > 0 &&
		committee.members.some( ( member ) => member.name === signOff.member ) ).forEach( ( signOff ) => {
		const due = owed( signOffKey( signOff ), 'sign-off', record, () => tellable( [ signOff.member ], bot ) );
		if ( due ) {
			due.signOff = signOff;
			dues.push( due );
		}
	} );
	return dues;
}

/**
 * The requester is asked once for their verdict, a day after the request was done
 * or declined (see verdict.ts); one without an account is recorded as such, never
 * asked.
 */
export function verdictDue( record: RequestRecord, now: string, bot: string ): Due | null {
	const key = verdictAsk( record, now, bot );
	return key === '' ? null : owed( key, 'verdict', record, () => [ record.requester ] );
}

/** Names of a due notice whose accounts are not known yet. */
export function unknownAccounts( due: Due, recipients: Recipients ): string[] {
	return due.pending.filter( ( name ) => !( name in recipients.accounts ) );
}

/**
 * The first time after `now` at which, with no page edited, this request owes a
 * notice or moves on the compiled pages: the next reminder round or, closed, the
 * archive and the request for the requester's verdict. '' when nothing is ahead.
 */
export function nextChange( record: RequestRecord, config: PlanConfig, now: string ): string {
	if ( record.problem !== '' || record.statusSince === '' ) {
		return '';
	}
	const threshold = reminderDays( config.process, record.status );
	const times: string[] = [ verdictAskTime( record ) ];
	if ( isClosed( record.status ) ) {
		// Archived once more than archiveAfterDays whole days have passed.
		times.push( addDays( record.statusSince, config.archiveAfterDays + 1 ) );
	} else if ( threshold ) {
		times.push( addDays( record.statusSince, ( reminderRound( record, config, now ) + 1 ) * threshold ) );
	}
	return times.filter( ( time ) => time > now ).sort()[ 0 ] || '';
}
