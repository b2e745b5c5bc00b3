/**
 * The requester's verdict on a request that is done or declined
 * (`{{Helpdesk verdict|rating=…|comment=…|user=…}}`, see shared/verdict.ts): who
 * added each verdict (as for sign-offs, from the page history), which one counts,
 * whether the requester is still to be asked, and the verdicts per year for the
 * statistics.
 *
 * A verdict counts only if it names the requester and the requester's own edit
 * added it. The requester is asked once a request has been done or declined for a
 * day, with the notice `verdict:STATUS:SINCE`, recorded in the edit that asks;
 * never when the page has a verdict in their name, when they were asked before
 * on the page, when they have no account or when the page shuts the bot out.
 */
import { VERDICT_RATINGS, VERDICT_STATUSES, VerdictCall, verdictCalls } from '../../shared/verdict';
import { addDays, daysBetween, parseTimestamp } from '../../shared/wikitext';
import { addedBy } from './added-by';
import { sha1 } from './sha1';
import type { NoticeEntry, Revision, StatusEntry } from './types';
import { normaliseUserName } from './wikitext';

/** A verdict on the page, with who added it. */
export interface Verdict extends VerdictCall {
	/** What makes two calls the same verdict: the user, the rating and the comment. */
	key: string;
	/** Who made the edit that added it; '' while unknown. */
	author: string;
	revid: number;
	timestamp: string;
}

/** Who added a verdict, as the bot's state keeps it between runs. */
export type KnownVerdict = Pick<Verdict, 'key' | 'user' | 'author' | 'revid' | 'timestamp'>;

/** The requester is asked when the request has been done or declined for this many days… */
export const VERDICT_ASK_AFTER_DAYS = 1;

/** …and no later than this many days: a request closed long before (or before the verdicts) is left alone. */
export const VERDICT_ASK_WITHIN_DAYS = 30;

const KEY_PREFIX = 'verdict:';

export function verdictKey( call: VerdictCall ): string {
	return 'verdict|' + call.user + '|' + call.rating + '|' + sha1( call.comment ).slice( 0, 12 );
}

/** The keys of the verdicts a revision's text holds. */
export function verdictKeys( text: string ): string[] {
	return verdictCalls( text ).map( verdictKey );
}

/** The key of the notice that asks for a verdict on the status entered at `since`. */
export function verdictNoticeKey( status: string, since: string ): string {
	return KEY_PREFIX + status + ':' + since;
}

/**
 * The verdicts on the page, with who added them: known from an earlier run, or
 * from `history` (newest first, from the revision the text is of). Verdicts that
 * name nobody or give no rating are left out.
 */
export function attributeVerdicts( text: string, known: KnownVerdict[], history: Revision[] ): Verdict[] {
	const calls = verdictCalls( text ).filter( ( call ) => call.user !== '' && call.rating > 0 );
	const keys = calls.map( verdictKey );
	const found = addedBy( keys.filter( ( key ) => !known.some( ( verdict ) => verdict.key === key ) ), history, verdictKeys );
	return calls.map( ( call, index ) => {
		const previous = known.find( ( verdict ) => verdict.key === keys[ index ] );
		const revision = found[ keys[ index ] ];
		return Object.assign( {}, call, previous ? {
			key: previous.key, author: previous.author, revid: previous.revid, timestamp: previous.timestamp,
		} : {
			key: keys[ index ],
			author: revision ? normaliseUserName( revision.user ) : '',
			revid: revision ? revision.revid : 0,
			timestamp: revision ? revision.timestamp : '',
		} );
	} );
}

/** Keys of the requester's verdicts whose authors are not known yet: the history must tell. */
export function verdictsNeedingHistory( verdicts: Verdict[], requester: string ): string[] {
	return verdicts.filter( ( verdict ) => verdict.user === requester && verdict.author === '' ).map( ( verdict ) => verdict.key );
}

/** The verdict that counts: the requester's latest on the page that they added themselves; null when none. */
export function countedVerdict( verdicts: Verdict[], requester: string ): Verdict | null {
	const own = verdicts.filter( ( verdict ) => requester !== '' && verdict.user === requester && verdict.author === requester );
	return own.length ? own[ own.length - 1 ] : null;
}

/** What the planner knows of a request that matters here. */
export interface VerdictRecord {
	problem: string;
	requester: string;
	requesterValid: boolean;
	status: string;
	statusSince: string;
	statusUnknown: string;
	proven: string;
	statusHistory: StatusEntry[];
	notices: NoticeEntry[];
	verdicts: Verdict[];
	botsDenied: boolean;
}

function isClosedForVerdict( record: VerdictRecord ): boolean {
	return record.problem === '' && record.statusUnknown === '' && record.proven === record.status &&
		( VERDICT_STATUSES as readonly string[] ).includes( record.status ) && parseTimestamp( record.statusSince ) !== null;
}

/** The requester was asked for a verdict on this page (on any status). */
function asked( record: VerdictRecord ): boolean {
	return record.notices.some( ( notice ) => notice.key.indexOf( KEY_PREFIX ) === 0 );
}

/**
 * The key of the notice that asks the requester for a verdict now, or '' when
 * they are not to be asked (now or ever): the request is done or declined, as the
 * sign-offs bear out, for a day and at most VERDICT_ASK_WITHIN_DAYS; not so
 * recorded by an import; the requester has a user name and is not the bot; the
 * page has no verdict in their name and no earlier request for one; the page lets
 * the bot in. Whether they have an account is for the notice's delivery.
 */
export function verdictAsk( record: VerdictRecord, now: string, bot: string ): string {
	if ( !isClosedForVerdict( record ) || !record.requesterValid || record.requester === bot || record.botsDenied ) {
		return '';
	}
	const days = daysBetween( record.statusSince, now );
	const last = record.statusHistory[ record.statusHistory.length - 1 ];
	const imported = !!last && last.imported === true && last.status === record.status && last.since === record.statusSince;
	if ( days < VERDICT_ASK_AFTER_DAYS || days > VERDICT_ASK_WITHIN_DAYS || imported ) {
		return '';
	}
	const key = verdictNoticeKey( record.status, record.statusSince );
	if ( record.verdicts.some( ( verdict ) => verdict.user === record.requester ) ||
		( asked( record ) && !record.notices.some( ( notice ) => notice.key === key ) ) ) {
		return '';
	}
	return key;
}

/**
 * When the requester of a request done or declined is to be asked, if they are
 * not asked yet and have given no verdict: the run then must look again even if no
 * page changed. '' when there is nothing to wait for.
 */
export function verdictAskTime( record: VerdictRecord ): string {
	if ( !isClosedForVerdict( record ) || !record.requesterValid || asked( record ) ||
		record.verdicts.some( ( verdict ) => verdict.user === record.requester ) ) {
		return '';
	}
	return addDays( record.statusSince, VERDICT_ASK_AFTER_DAYS );
}

/** The verdicts of the requests closed in one year. */
export interface VerdictYear {
	year: string;
	/** Requests done or declined in that year whose requester was asked. */
	asked: number;
	/** Those with a verdict that counts (asked or not). */
	answered: number;
	/** The average rating, to one decimal; null without any. */
	average: number | null;
	/** How many gave each rating, 1 to 5. */
	ratings: number[];
}

/** Per year in which requests were done or declined (as the sign-offs bear out), oldest first. */
export function verdictsByYear( records: VerdictRecord[] ): VerdictYear[] {
	const years: Record<string, VerdictYear> = {};
	records.filter( isClosedForVerdict ).forEach( ( record ) => {
		const year = record.statusSince.slice( 0, 4 );
		const entry = years[ year ] = years[ year ] ||
			{ year: year, asked: 0, answered: 0, average: null, ratings: VERDICT_RATINGS.map( () => 0 ) };
		if ( record.notices.some( ( notice ) => notice.key.indexOf( KEY_PREFIX ) === 0 && notice.to.includes( record.requester ) ) ) {
			entry.asked++;
		}
		const verdict = countedVerdict( record.verdicts, record.requester );
		if ( verdict ) {
			entry.answered++;
			entry.ratings[ verdict.rating - 1 ]++;
		}
	} );
	return Object.keys( years ).sort().map( ( year ) => {
		const entry = years[ year ];
		const sum = entry.ratings.reduce( ( total, count, index ) => total + count * ( index + 1 ), 0 );
		entry.average = entry.answered ? Math.round( sum / entry.answered * 10 ) / 10 : null;
		return entry;
	} );
}
